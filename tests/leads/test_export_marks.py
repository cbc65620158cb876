"""CLI exports carry the watermark: the CSV's last column, the workbook's properties."""

from __future__ import annotations

import csv
import getpass
import io
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app

SCREEN = ["screen", "--as-of", "2024-12-31", "--rules", "ZB-01,DC-01", "--no-publish"]


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_cli_csv_and_xlsx_carry_user_time_and_purpose(db_path: str, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, [*SCREEN, "--db", db_path, "--format", "csv", "--purpose", "季度通报"])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows[0][-1] == "导出水印" and len(rows) > 1
    assert all("用途：季度通报" in r[-1] and getpass.getuser() in r[-1] for r in rows[1:])
    book = tmp_path / "leads.xlsx"
    made = runner.invoke(app, [*SCREEN, "--db", db_path, "--format", "xlsx", "--out", str(book),
                               "--purpose", "季度通报"])
    assert made.exit_code == 0, made.output
    assert "用途：季度通报" in (openpyxl.load_workbook(book).properties.description or "")
    refused = runner.invoke(app, [*SCREEN, "--db", db_path, "--format", "csv", "--purpose", " "])
    assert refused.exit_code == 2 and "导出用途" in refused.output
