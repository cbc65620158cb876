"""The 节假日安排文件: years the holiday package does not cover, and the warning for years covered
by neither."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.rules import calendar, holidays

YEAR = 2034  # far beyond any version of the holiday package
FILE = f"""
{YEAR}:
  notice: 国办发明电〔{YEAR - 1}〕1号
  holidays:
    - {YEAR}-10-01 ~ {YEAR}-10-07
    - {YEAR}-01-02
  workdays:
    - {YEAR}-10-08
"""


@pytest.fixture
def office_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "节假日安排.yaml"
    path.write_text(FILE, "utf-8")
    monkeypatch.setenv(holidays.ENV, str(path))
    return path


def test_a_year_from_the_office_file(office_file: Path) -> None:
    assert holidays.coverage(YEAR) == "file"
    assert not calendar.is_workday(dt.date(YEAR, 10, 2))  # a Monday inside the holiday
    assert calendar.is_workday(dt.date(YEAR, 10, 8))  # a Sunday worked (调休)
    assert holidays.warning_for([dt.date(YEAR, 10, 2)]) is None
    assert calendar.roll_to_workday(dt.date(YEAR, 10, 1)) == (dt.date(YEAR, 10, 8), None)
    table = calendar.calendar_table(dt.date(YEAR, 10, 1), dt.date(YEAR, 10, 9))
    assert table.column("is_workday").to_pylist() == [False] * 7 + [True, True]


def test_a_year_covered_by_neither_is_computed_with_a_loud_warning(office_file: Path) -> None:
    later = dt.date(YEAR + 1, 10, 1)
    assert holidays.coverage(YEAR + 1) == "none"
    due, warning = calendar.roll_to_workday(later)
    assert due == later  # a Monday: weekdays alone
    assert warning is not None and f"{YEAR + 1}年" in warning and "警告" in warning
    assert str(office_file) in warning
    assert holidays.warning_for([dt.date(2024, 5, 1)]) is None  # a package year


def test_a_bad_entry_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "节假日安排.yaml"
    path.write_text(f"{YEAR}:\n  holidays:\n    - 十月一日\n", "utf-8")
    monkeypatch.setenv(holidays.ENV, str(path))
    with pytest.raises(holidays.HolidayFileError, match="“十月一日”不是日期"):
        holidays.overrides()
    result = CliRunner().invoke(app, ["calendar", "check"])
    assert result.exit_code == 2


def test_cli_due_dates(office_file: Path) -> None:
    runner = CliRunner()
    covered = runner.invoke(app, ["calendar", "due", f"{YEAR}-09-16", "--days", "15"])
    assert covered.exit_code == 0 and covered.stdout.strip() == f"期限届满日：{YEAR}年10月8日"
    assert "警告" not in covered.output
    uncovered = runner.invoke(app, ["calendar", "due", f"{YEAR + 1}-03-01", "--workdays", "3"])
    assert "警告" in uncovered.output and f"{YEAR + 1}年" in uncovered.output
