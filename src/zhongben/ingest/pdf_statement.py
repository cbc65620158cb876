"""A bank statement printed to PDF, read as a table: the words of each page (pdfplumber's text
layer, or the OCR of ``extract`` for a scanned page) are grouped into lines by height, the header
line is found, and every word below it goes to the column whose header it stands under. Lines
above the header (the bank's title, 账号, 户名 …) are kept as one cell each, for the account."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from zhongben.extract.ocr import Box
from zhongben.ingest.arrays import int64_array, string_array
from zhongben.ingest.bank import match_layout
from zhongben.ingest.errors import FileRefused, NotAStatement
from zhongben.ingest.sheets import Body, RawSheet, unique_names

MIN_TEXT_CHARS = 20  # fewer characters in a page's text layer: a scanned page
RENDER_SCALE = 2.0
EDGE_SLACK = 2.0  # points (pixels for a scanned page)


Word = Box  # a word of a page's text layer (score 1.0) or a box the OCR recognised


def pdf_statement(path: Path) -> RawSheet:
    pages = _pages(path)
    lines = [line for page in pages for line in _lines(page)]
    found = next(((i, match_layout([w.text for w in line])) for i, line in enumerate(lines)
                  if len(line) >= 3 and match_layout([w.text for w in line]) is not None), None)
    if found is None:
        raise NotAStatement("PDF 中没有找到银行流水表格（法律文书请用 zhongben extract 读取）")
    index, _ = found
    header = lines[index]
    edges = _edges(header)
    names = [w.text for w in header]
    rows = [[_joined(line)] for line in lines[:index]] + [names]
    for line in lines[index + 1:]:
        cells = _cells(line, edges)
        if cells != names:  # the header repeated on every page
            rows.append(cells)

    def read_below(header_row: int) -> Body:
        body = rows[header_row + 1:]
        width = len(rows[header_row])
        columns = {n: string_array([r[i] if i < len(r) else "" for r in body])
                   for i, n in enumerate(unique_names(rows[header_row]))}
        numbers = int64_array(list(range(header_row + 2, header_row + 2 + len(body))))
        table = pa.table(columns) if width else pa.table({})
        return Body(table.append_column("_row", numbers), [])

    return RawSheet(file=path, sheet=None, head=rows[: index + 1 + 60], read_below=read_below,
                    read_loose=read_below)


def _pages(path: Path) -> list[list[Word]]:
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            return [_page_words(page, path, number) for number, page in enumerate(pdf.pages)]
    except FileRefused:
        raise
    except Exception as error:  # pdfminer raises many types for damaged files
        raise FileRefused(str(path), f"无法读取 PDF（{error}）", "请确认文件完整、未加密") \
            from error


def _page_words(page: object, path: Path, number: int) -> list[Word]:
    chars = page.chars  # type: ignore[attr-defined]
    if len(chars) >= MIN_TEXT_CHARS:
        words = page.extract_words(x_tolerance=1.5, y_tolerance=2)  # type: ignore[attr-defined]
        return [Word(w["x0"], w["x1"], w["top"], w["bottom"], w["text"], 1.0) for w in words]
    return _ocr_words(path, number)


def _ocr_words(path: Path, number: int) -> list[Word]:
    """A scanned page: rendered and recognised by the OCR of ``extract``."""
    import pypdfium2 as pdfium

    from zhongben.extract import ocr

    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[number].render(scale=RENDER_SCALE, grayscale=True).to_pil()
    finally:
        pdf.close()
    return ocr.boxes(image)


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped by vertical position, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.left)):
        middle = (word.top + word.bottom) / 2
        if lines and abs(_middle(lines[-1]) - middle) < 0.5 * max(word.bottom - word.top, 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.left) for line in lines]


def _middle(line: list[Word]) -> float:
    return sum((w.top + w.bottom) / 2 for w in line) / len(line)


def _edges(header: list[Word]) -> list[float]:
    """Where each column after the first begins: its header cell's left edge (cells are written
    from the left of their column; a little slack for the renderer's rounding)."""
    return [word.left - EDGE_SLACK for word in header[1:]]


def _cells(line: list[Word], edges: list[float]) -> list[str]:
    cells = [""] * (len(edges) + 1)
    for word in line:
        column = sum(word.left >= edge for edge in edges)
        cells[column] = f"{cells[column]} {word.text}".strip() if cells[column] else word.text
    return cells


def _joined(line: list[Word]) -> str:
    return " ".join(w.text for w in line)
