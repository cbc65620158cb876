"""Finding English a user would read: visible page text (and the attributes a user reads:
placeholders, titles, labels), Excel cells and Word paragraphs. Allowed: a short list of words
(Excel, Word, PDF, KB), rule ids (ZB-01), file names (cases.csv) and the users' login names —
codes that are data, like the letters of a plate or a USCC."""

from __future__ import annotations

import html
import io
import re
import subprocess
from collections.abc import Iterable, Iterator

import docx
import openpyxl

# SHA: the checksum algorithm a reader needs to recompute an issued PDF's 校验值 (SHA-256).
ALLOWED = frozenset({"Excel", "Word", "PDF", "KB", "MB", "SHA"})
WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])")
RULE_ID = re.compile(r"(?<![A-Za-z])[A-Z]{2}-[0-9]{2}(?![0-9])")
FILE_NAME = re.compile(r"[\w.\-]+\.(?:csv|xlsx|xls|docx|pdf|txt|json|html?|png|jpe?g|tiff?)\b")
HIDDEN = re.compile(r"<(script|style)\b.*?</\1>|<!--.*?-->", re.S | re.I)
READ_ATTRIBUTES = re.compile(r'\s(?:placeholder|title|aria-label|alt)="([^"]*)"')
SUBMIT_VALUES = re.compile(r'<input[^>]*type="submit"[^>]*value="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


def page_text(page: str) -> str:
    body = HIDDEN.sub(" ", page)
    read = READ_ATTRIBUTES.findall(body) + SUBMIT_VALUES.findall(body)
    return html.unescape(TAG.sub(" ", body) + " " + " ".join(read))


def english(text: str, names: Iterable[str] = ()) -> list[str]:
    text = FILE_NAME.sub(" ", RULE_ID.sub(" ", text))
    allowed = ALLOWED | set(names)
    return sorted({w for w in WORD.findall(text) if w not in allowed})


def xlsx_texts(content: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) of every cell of every sheet (values, and sheet names)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        yield sheet.title, sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    yield f"{sheet.title}!{cell.coordinate}", cell.value


def pdf_text(content: bytes) -> str:
    """The text layer of a PDF, as poppler's ``pdftotext`` reads it."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content,
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8", "replace")


def docx_texts(content: bytes) -> Iterator[tuple[str, str]]:
    document = docx.Document(io.BytesIO(content))
    for index, paragraph in enumerate(document.paragraphs):
        yield f"段落{index}", paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield "表格", cell.text
