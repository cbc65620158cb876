"""Masking the ID numbers and mobile phone numbers inside a generated .docx for a reader whose
role sees them masked on the page (the stored document keeps the full text the court needs)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from zhongben.store.security import mask_id, mask_phone

ID_OR_USCC = re.compile(r"(?<![0-9A-Z])[0-9]{17}[0-9Xx](?![0-9A-Z])|(?<![0-9A-Z])[0-9]{15}"
                        r"(?![0-9A-Z])|(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}"
                        r"[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def mask_text(text: str) -> str:
    text = ID_OR_USCC.sub(lambda m: mask_id(m.group(0)) or "", text)
    return MOBILE.sub(lambda m: mask_phone(m.group(0)) or "", text)


def _paragraphs(doc: Any) -> Iterator[Any]:
    def walk(container: Any) -> Iterator[Any]:
        yield from container.paragraphs
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from walk(cell)

    yield from walk(doc)
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):
            yield from walk(part)


def mask_docx(content: bytes) -> bytes:
    """The document with every ID and mobile number masked, even one split over several runs
    (the paragraph's text then goes into its first run)."""
    from docx import Document

    doc = Document(io.BytesIO(content))
    for paragraph in _paragraphs(doc):
        runs = paragraph.runs
        whole = "".join(r.text for r in runs)
        masked = mask_text(whole)
        if masked == whole:
            continue
        for run in runs:  # run by run keeps each run's formatting…
            run.text = mask_text(run.text)
        if "".join(r.text for r in runs) != masked:  # …unless a number spans runs
            runs[0].text = masked
            for run in runs[1:]:
                run.text = ""
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
