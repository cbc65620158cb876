"""Data-request templates: exported, filled in as an agency would (synthetic rows), loaded back
with nothing lost; a wrong check digit is quarantined naming its sheet, row and column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.contracts import TABLES, Column, Kind
from zhongben.data_requests.sources import AGENCIES, LETTER_SHEET, MARK_SHEET
from zhongben.identifiers.id_card import check_digit
from zhongben.identifiers.uscc import check_char
from zhongben.workspace import Workspace

ROWS = 3


def person(i: int) -> str:
    body = f"33068319900101{i:03d}"
    return body + check_digit(body)


def company(i: int) -> str:
    body = f"91330683MA2D{i:04d}5"
    return body + check_char(body)


def value(column: Column, i: int) -> Any:
    kind = column.kind
    samples: dict[Kind, Any] = {
        Kind.TEXT: f"测试{column.zh}{i}", Kind.CODE: f"C{i:04d}{column.name[:3].upper()}",
        Kind.CASE_NO: f"(2023)浙0683执{100 + i}号", Kind.DATE: dt.datetime(2023, 5, 10 + i),
        Kind.TIMESTAMP: dt.datetime(2023, 5, 10 + i, 9, 30), Kind.MONTH: f"2023-0{1 + i}",
        Kind.AMOUNT: 1000 + i + 0.5, Kind.NUMBER: 0.25 + i, Kind.INTEGER: 1 + i,
        Kind.PERSON_ID: person(i), Kind.USCC: company(i), Kind.PARTY_ID: person(i),
    }
    if kind is Kind.ENUM:
        return column.values[i % len(column.values)]
    return samples[kind]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("templates") / "模版"
    result = CliRunner().invoke(app, ["templates", "export", "--out", str(out),
                                      "--office", "嵊州市人民检察院"])
    assert result.exit_code == 0, result.output
    return out


def test_one_template_per_agency(exported: Path) -> None:
    files = sorted(p.name for p in exported.glob("*.xlsx"))
    assert files == sorted(f"数据要素模版_{a.key}.xlsx" for a in AGENCIES)
    book = openpyxl.load_workbook(exported / "数据要素模版_银行.xlsx")
    assert {LETTER_SHEET, MARK_SHEET, "银行账户", "银行交易流水"} <= set(book.sheetnames)
    letter = " ".join(str(c.value) for c in book[LETTER_SHEET]["A"] if c.value)
    assert "嵊州市人民检察院" in letter and "第六十四条第（二）项" in letter
    sheet = book["银行交易流水"]
    assert [c.value for c in sheet[1]] == [c.zh for c in TABLES["transactions"].columns]
    kinds = {v.type for name in ("银行账户", "银行交易流水")
             for v in book[name].data_validations.dataValidation}
    assert {"date", "decimal", "list", "custom"} <= kinds  # custom: the ID check digit
    notes = {row[:3] for row in book[MARK_SHEET].iter_rows(values_only=True)}
    assert ("银行账户", "证件号", "必填") in notes


def _fill(path: Path, bad: tuple[str, int, str] | None = None) -> dict[str, int]:
    """Fill every data sheet with ROWS synthetic rows; ``bad`` = (sheet, row, column zh) gets an
    ID whose check digit is wrong."""
    book = openpyxl.load_workbook(path)
    filled = {}
    for table in TABLES.values():
        if table.zh not in book.sheetnames:
            continue
        sheet = book[table.zh]
        for i in range(ROWS):
            for j, column in enumerate(table.columns, start=1):
                sheet.cell(row=2 + i, column=j, value=value(column, i))
        filled[table.name] = ROWS
    if bad is not None:
        sheet_name, row, column_zh = bad
        sheet = book[sheet_name]
        col = [c.value for c in sheet[1]].index(column_zh) + 1
        good = str(sheet.cell(row=row, column=col).value)
        sheet.cell(row=row, column=col, value=good[:17] + ("0" if good[17] != "0" else "1"))
    book.save(path)
    return filled


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_filled_templates_load_back_with_nothing_lost(exported: Path, tmp_path: Path) -> None:
    filled = {}
    for agency in AGENCIES:
        filled |= _fill(exported / f"数据要素模版_{agency.key}.xlsx")
    workspace = Workspace(tmp_path / "ws.duckdb")
    report = workspace.ingest([exported])
    assert report.ok, [r.message for r in report.refused]
    assert not report.quarantine, report.quarantine[:3]
    loaded = {load.table: load.loaded for load in report.sheets}
    assert loaded == filled  # one report line per sheet, every row stored
    with workspace.connect() as con:
        for name in filled:
            table = TABLES[name]
            for column in table.columns:
                stored = con.execute(f'SELECT "{column.name}" FROM {name} ORDER BY _row').fetchall()
                assert all(v[0] is not None for v in stored), (name, column.name)
        amount = con.execute("SELECT amount FROM transactions ORDER BY _row LIMIT 1").fetchone()
        assert amount == (Decimal("1000.50"),)
        owner = con.execute("SELECT owner_id FROM vehicles ORDER BY _row").fetchall()
        assert [o[0] for o in owner] == [person(i) for i in range(ROWS)]


def test_a_wrong_check_digit_is_quarantined_with_sheet_row_and_column(
    exported: Path, tmp_path: Path,
) -> None:
    path = tmp_path / "数据要素模版_车管所.xlsx"
    path.write_bytes((exported / "数据要素模版_车管所.xlsx").read_bytes())
    _fill(path, bad=("机动车登记", 3, "所有人证件号"))
    workspace = Workspace(tmp_path / "ws.duckdb")
    report = workspace.ingest([path])
    [cell] = report.quarantine
    assert (cell.sheet, cell.row, cell.column) == ("机动车登记", 3, "所有人证件号（owner_id）")
    assert "校验码错误" in cell.reason
    by_sheet = {load.sheet: load for load in report.sheets}
    assert by_sheet["机动车登记"].loaded == ROWS - 1
    assert by_sheet["卡口过车记录"].loaded == ROWS
