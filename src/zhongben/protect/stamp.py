"""Putting the export watermark into each format: one small call per exporter.

- Excel: a tiled background on every sheet (seen on screen), the mark in the printed header and
  footer, and in the workbook's properties (comments, custom property ``zhongben_export_id``);
- CSV: a last column 导出水印 on every row, so a copied excerpt keeps it;
- Word: the mark in every section's footer and in the document's core properties;
- PDF: a diagonal grey line on every page (text, so it survives printing and is searchable) and
  the mark in the document information.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from zhongben.protect.mark import ExportMark, tile_png

CSV_COLUMN = "导出水印"


def stamp_xlsx(book: Any, mark: ExportMark) -> None:
    """Mark an xlsxwriter workbook (before ``close``)."""
    png = tile_png(mark)
    printed = mark.text().replace("&", "&&")
    for sheet in book.worksheets():
        sheet.set_background(io.BytesIO(png), is_byte_stream=True)
        sheet.set_header(f"&L&8{printed}")
        sheet.set_footer(f"&L&8{printed}&R&8第 &P 页，共 &N 页")
    book.set_properties({"comments": mark.text(), "author": mark.user,
                         "keywords": mark.export_id})
    book.set_custom_property("zhongben_export_id", mark.export_id)


def stamp_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]],
              mark: ExportMark) -> tuple[list[str], Iterable[list[Any]]]:
    """The headers and rows with the 导出水印 column added at the end."""
    text = mark.text()
    return [*headers, CSV_COLUMN], ([*row, text] for row in rows)


def stamp_docx(content: bytes, mark: ExportMark) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document(io.BytesIO(content))
    for section in doc.sections:
        run = section.footer.add_paragraph().add_run(mark.text())
        run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x80, 0x80, 0x80)
    props = doc.core_properties
    props.last_modified_by, props.comments = mark.username, mark.text()
    props.identifier = mark.export_id
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _overlay(width: float, height: float, mark: ExportMark) -> Any:
    from pypdf import PdfReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(width, height))
    page.setFillColorRGB(0.55, 0.55, 0.55, alpha=0.25)
    page.setFont("STSong-Light", 11)
    page.saveState()
    page.translate(width / 2, height / 2)
    page.rotate(30)
    for i, line in enumerate(mark.lines()):
        page.drawCentredString(0, 30 - i * 16, line)
    page.restoreState()
    page.setFont("STSong-Light", 7)
    page.drawString(24, 14, mark.text())
    page.save()
    return PdfReader(io.BytesIO(out.getvalue())).pages[0]


def stamp_pdf(content: bytes, mark: ExportMark) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
    overlays: dict[tuple[float, float], Any] = {}
    for page in writer.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        if size not in overlays:
            overlays[size] = _overlay(*size, mark)
        page.merge_page(overlays[size])
    writer.add_metadata({"/ZhongbenExport": mark.text(), "/ZhongbenExportId": mark.export_id})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
