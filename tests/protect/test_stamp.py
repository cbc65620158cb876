"""The export watermark in each format, and masking inside a .docx (numbers split over runs)."""

from __future__ import annotations

import io
from datetime import datetime

import docx
import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from zhongben.protect.mark import ExportMark, PurposeError, clean_purpose
from zhongben.protect.stamp import CSV_COLUMN, stamp_csv, stamp_docx, stamp_pdf
from zhongben.web.docx_mask import mask_docx

MARK = ExportMark("王检察", "wangjc", "制作案件附件", datetime(2026, 12, 3, 14, 5), "a1b2c3d4e5f6")


def test_the_mark_names_user_time_purpose_and_number() -> None:
    text = MARK.text()
    for part in ("王检察", "wangjc", "2026-12-03 14:05", "用途：制作案件附件", "a1b2c3d4e5f6"):
        assert part in text
    for bad in ("", " ", "x", "\x00\x01", "长" * 101):
        with pytest.raises(PurposeError):
            clean_purpose(bad)
    assert clean_purpose(" 核查\x07线索 ") == "核查线索"


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842))
    for i in range(pages):
        page.drawString(72, 760, f"page {i + 1}")
        page.showPage()
    page.save()
    return out.getvalue()


def test_every_pdf_page_carries_the_mark_as_text_and_in_the_metadata() -> None:
    reader = PdfReader(io.BytesIO(stamp_pdf(_pdf(3), MARK)))
    assert len(reader.pages) == 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"page {number}" in text and "wangjc" in text and "a1b2c3d4e5f6" in text
    assert reader.metadata is not None
    assert "用途：制作案件附件" in reader.metadata["/ZhongbenExport"]


def test_csv_rows_get_the_mark_column_last() -> None:
    rows_in = [["(2024)浙0683执1号", 1], ["(2024)浙0683执2号", 2]]
    headers, rows = stamp_csv(["案号", "金额"], rows_in, MARK)
    assert headers == ["案号", "金额", CSV_COLUMN]
    assert [r[-1] for r in rows] == [MARK.text()] * 2


def _docx(*paragraphs: list[str]) -> bytes:
    doc = docx.Document()
    for runs in paragraphs:
        paragraph = doc.add_paragraph()
        for text in runs:
            paragraph.add_run(text)
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "电话 13812345678"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_docx_numbers_are_masked_even_split_over_runs_and_the_footer_carries_the_mark() -> None:
    original = _docx(["被执行人张三（330683199001011234）"], ["身份证 3306831990", "01011234 止"],
                     ["统一社会信用代码 91330683MA2D3X1234 不是个人"])
    doc = docx.Document(io.BytesIO(stamp_docx(mask_docx(original), MARK)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "330683199001011234" not in text and text.count("330683********1234") == 2
    assert "13812345678" not in doc.tables[0].cell(0, 0).text
    assert "138****5678" in doc.tables[0].cell(0, 0).text
    assert "MA2D3X1234" not in text
    assert any("用途：制作案件附件" in p.text for p in doc.sections[0].footer.paragraphs)
    assert doc.core_properties.identifier == "a1b2c3d4e5f6"
