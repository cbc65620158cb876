"""PDF statements: a scanned one goes through the OCR; a PDF without a statement is skipped; a
statement in an unknown layout is refused with the columns it needs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from zhongben.workspace import Workspace

FONT = "/usr/share/fonts/truetype/arphic/ukai.ttc"  # fonts-arphic-ukai, installed by the set-up
HEADER = ["交易日期", "交易时间", "交易摘要", "交易金额", "本次余额", "对手信息", "日志号",
          "交易渠道"]
ROWS = [
    ["20240301", "091500", "工资", "+8600.00", "18600.00", "越达机械", "369300001", "网上银行"],
    ["20240304", "101200", "转账", "-1200.50", "17399.50", "李四", "369300002", "手机银行"],
    ["20240307", "111900", "消费", "-356.80", "17042.70", "某某超市", "369300003", "电子商务"],
]


def _scanned_statement(path: Path) -> None:
    """A page as a scanner makes it: an image, no text layer."""
    image = Image.new("L", (1754, 1240), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 26)
    draw.text((80, 60), "中国农业银行银行卡交易明细清单", font=font, fill=0)
    draw.text((80, 110), "账户：6228480012345678901", font=font, fill=0)
    widths = [150, 130, 150, 170, 170, 200, 180, 170]
    for r, row in enumerate([HEADER, *ROWS]):
        x = 80
        for cell, width in zip(row, widths, strict=True):
            draw.text((x, 200 + 60 * r), cell, font=font, fill=0)
            x += width + 20
    image.save(path, "PDF", resolution=150)


@pytest.mark.slow  # OCR
def test_a_scanned_statement_is_read_through_the_ocr(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    _scanned_statement(path)
    report = workspace.ingest([path])
    assert report.ok, [r.message for r in report.refused]
    [load] = report.sheets
    assert load.notes[0].startswith("按“农业银行（银行卡交易明细）”流水格式读取")
    with workspace.connect() as con:
        rows = con.execute("SELECT account_no, amount, direction, balance FROM transactions "
                           "ORDER BY txn_at").fetchall()
    assert rows == [
        ("6228480012345678901", Decimal("8600.00"), "in", Decimal("18600.00")),
        ("6228480012345678901", Decimal("1200.50"), "out", Decimal("17399.50")),
        ("6228480012345678901", Decimal("356.80"), "out", Decimal("17042.70")),
    ]


def test_a_pdf_without_a_statement_is_skipped(workspace: Workspace, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "裁定书.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "This is not a bank statement, just a page of text for testing.")
    pdf.save()
    report = workspace.ingest([path])
    assert report.ok and not report.sheets
    assert "没有找到银行流水表格" in report.skipped_files[0][1]


def test_an_unknown_statement_layout_names_the_columns_it_needs(workspace: Workspace,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "某银行流水.csv"
    path.write_text("某某银行账户明细\n流水日期,发生额,说明\n2024-01-01,100,转账\n", "utf-8")
    report = workspace.ingest([path])
    [refusal] = report.refused
    assert "识别不出它的格式（表头：流水日期、发生额、说明）" in refusal.problem
    assert "交易日期或交易时间" in refusal.advice and "收支方向" in refusal.advice
    with workspace.connect() as con:
        assert con.execute("SELECT count(*) FROM transactions").fetchone() == (0,)
