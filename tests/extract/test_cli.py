"""``zhongben extract`` end to end: the output folder is ingested like any ledger and WS-01 …
WS-03 find exactly the rulings the test set was built with."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.contracts import table
from zhongben.rules.config import ScreenConfig
from zhongben.workspace import Workspace

ZHONGBEN = "终结本次执行程序裁定书"


def expected_leads(truths: list[dict[str, Any]]) -> set[tuple[str, str]]:
    leads = set()
    for t in truths:
        if t["kind"] != ZHONGBEN:
            continue
        if not t["states_property_search"]:
            leads.add(("WS-01", t["case_no"]))
        if not t["informs_resume_right"]:
            leads.add(("WS-02", t["case_no"]))
        if "民诉法解释第519条" in t["cited_articles"] and t["ruled_on"] >= "2021-01-01":
            leads.add(("WS-03", t["case_no"]))
    return leads


@pytest.mark.slow
def test_extract_ingest_and_screen(
    tmp_path: Path, corpus: Path, text_truth: list[dict[str, Any]]
) -> None:
    files = [str(corpus / t["file"]) for t in text_truth]
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", *files, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "共读取文书" in result.output
    for name in ("cases", "parties", "actions", "documents"):
        with (out / f"{name}.csv").open(encoding="utf-8") as handle:
            assert tuple(next(csv.reader(handle))) == table(name).column_names
    jsonl = (out / "documents.jsonl").read_text("utf-8")
    records = [json.loads(line) for line in jsonl.splitlines()]
    assert len(records) == len(files)
    case_field = records[0]["fields"]["case_no"]
    assert records[0]["text"][case_field["span"][0]:case_field["span"][1]].replace("\n", "")

    workspace = Workspace(tmp_path / "ws.duckdb")
    report = workspace.ingest([out / f"{n}.csv" for n in ("cases", "parties", "actions",
                                                          "documents")])
    assert report.ok, report.refused
    screened = workspace.screen(dt.date(2026, 1, 1),
                                ScreenConfig(rules=["WS-01", "WS-02", "WS-03"]))
    found = {(lead.rule_id, lead.case_no) for lead in screened.leads}
    assert found == expected_leads(text_truth)
    assert found  # the test set has rulings of each defect
    assert {rule for rule, _ in found} == {"WS-01", "WS-02", "WS-03"}


def test_missing_file_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.pdf"), "--out",
                                      str(tmp_path / "o")])
    assert result.exit_code == 2
