"""PDF pages: the text layer through pdfium; pages without one are rendered and recognised."""

from __future__ import annotations

import pypdfium2 as pdfium

from zhongben.extract import ocr
from zhongben.extract.model import Line, RawDocument

# A page with fewer visible characters in its text layer than this is treated as scanned.
MIN_TEXT_CHARS = 20
# Rendering scale for OCR: 2.0 ≈ 144 dpi.
RENDER_SCALE = 2.0


def read_pdf(path: str, use_ocr: bool = True) -> RawDocument:
    pdf = pdfium.PdfDocument(path)
    doc = RawDocument(source=path, method="text-pdf")
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text = _page_text(page)
            if len(_visible(text)) >= MIN_TEXT_CHARS or not use_ocr:
                doc.pages.append([Line(t) for t in text.splitlines()])
            else:
                image = page.render(scale=RENDER_SCALE, grayscale=True).to_pil()
                doc.pages.append(ocr.recognise(image))
                doc.ocr_pages += 1
            page.close()
    finally:
        pdf.close()
    if doc.ocr_pages:
        doc.method = "ocr-pdf" if doc.ocr_pages == doc.page_count else "mixed-pdf"
    return doc


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _visible(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())
