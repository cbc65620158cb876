"""The commands as a user runs them: ``zhongben entities resolve``, ``entities export`` and
``evaluate --entities``; and ``entities_truth.csv`` numbers rows as ingest does."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from identity.conftest import copy_of
from zhongben.cli.main import app

runner = CliRunner()


def test_resolve_export_and_evaluate(noisy_world: Path, ingested: Path, tmp_path: Path) -> None:
    ws = copy_of(ingested, tmp_path)
    done = runner.invoke(app, ["entities", "resolve", "--db", str(ws.path)])
    assert done.exit_code == 0, done.output
    assert "身份解析完成" in done.output and "自动关联" in done.output
    out = tmp_path / "entities.csv"
    done = runner.invoke(app, ["entities", "export", "--db", str(ws.path), "--out", str(out)])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["table", "source_file", "source_row", "column", "entity_id", "tier",
                             "match_probability"]
    with (noisy_world / "entities_truth.csv").open(encoding="utf-8") as handle:
        truth = {(r["table"], r["source_row"], r["column"]): r for r in csv.DictReader(handle)}
    assert len(rows) == len(truth)  # one row per mention, as the truth counts them
    tiers = {r["tier"] for r in rows}
    assert {"A", "B"} <= tiers
    exported = {(r["table"], r["source_row"], r["column"]): r for r in rows}
    assert exported.keys() == truth.keys()
    clean = [k for k, t in truth.items() if not t["noise"]]
    assert all(exported[k]["entity_id"] == truth[k]["true_entity"] for k in clean)
    done = runner.invoke(app, ["evaluate", "--entities", "--db", str(ws.path), "--truth",
                               str(noisy_world / "truth.csv")])
    assert done.exit_code == 0, done.output
    assert "身份解析评估" in done.output and "复核区" in done.output
    done = runner.invoke(app, ["evaluate", "--entities", "--db", str(ws.path), "--truth",
                               str(noisy_world / "entities_truth.csv"), "--format", "json"])
    strata = {s["stratum"] for s in json.loads(done.output)["strata"]}
    assert {"B 层·打码", "B 层·错号", "B 层·无号码", "B 层·常见姓", "B 层·少见姓"} <= strata


def test_a_missing_workspace_is_a_clear_error(tmp_path: Path) -> None:
    done = runner.invoke(app, ["entities", "resolve", "--db", str(tmp_path / "no.duckdb")])
    assert done.exit_code == 2 and "找不到工作库" in done.output


def test_the_truth_names_the_rows_ingest_stores(noisy_world: Path, ingested: Path) -> None:
    from zhongben.workspace import Workspace

    with (noisy_world / "entities_truth.csv").open(encoding="utf-8") as handle:
        planted = [r for r in csv.DictReader(handle) if r["noise"].startswith("passport")]
    assert planted
    with Workspace(ingested).connect(read_only=True) as con:
        for row in planted[:20]:
            doc, person = con.execute(
                "SELECT doc_no, person_id FROM travel WHERE _row = ?", [int(row["source_row"])]
            ).fetchall()[0]
            owner = con.execute("SELECT id_no FROM identity_documents WHERE doc_no = ?",
                                [doc]).fetchall()
            assert person is None and owner == [(row["true_entity"],)]
