"""The worlds load through the real ingest: the clean one without a single quarantined row, the
messy one with exactly the corruptions its manifest lists, and both screen to their truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synth.conftest import AS_OF, SEED
from zhongben.ingest.report import LoadReport
from zhongben.synth import generate
from zhongben.workspace import Workspace


@pytest.fixture(scope="module")
def ingested(world: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, LoadReport]:
    folder = tmp_path_factory.mktemp("ingested")
    workspace = Workspace(folder / "w.duckdb")
    return workspace, workspace.ingest([world], quarantine_dir=folder / "q")


@pytest.mark.slow
def test_clean_world_ingests_without_quarantine(ingested: tuple[Workspace, LoadReport]) -> None:
    _, report = ingested
    assert report.ok and not report.quarantine
    for table, totals in report.by_table().items():
        assert totals["loaded"] == totals["rows_read"], table
        assert totals["invalid_ids"] == 0 and totals["duplicates"] == 0, table


@pytest.mark.slow
def test_screen_finds_exactly_the_planted_leads(
    world: Path, ingested: tuple[Workspace, LoadReport]
) -> None:
    """generate → ingest → screen → evaluate: no lead on the background, none missed."""
    workspace, _ = ingested
    result = workspace.evaluate(world / "truth.csv", AS_OF)
    assert not result.false_positives, result.false_positives[:10]
    assert not result.false_negatives, result.false_negatives[:10]


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("messy")
    generate(seed=SEED, scale="tiny", out=out, plants=1, messy=True)
    return out


@pytest.mark.slow
def test_messy_world_quarantines_exactly_what_the_manifest_says(
    messy: Path, tmp_path: Path
) -> None:
    noted = json.loads((messy / "manifest.json").read_text("utf-8"))["messy_corruptions"]
    report = Workspace(tmp_path / "w.duckdb").ingest([messy], quarantine_dir=tmp_path / "q")
    assert report.ok, [r.message for r in report.refused]
    totals = report.by_table()
    for key, count in noted.items():
        kind, table = key.split(".")
        column = {
            "quarantine_rows": "quarantined_rows",
            "duplicate_rows": "duplicates",
            "bad_check_digits": "invalid_ids",
        }[kind]
        assert totals[table][column] == count, (key, totals[table])
    quarantined = {t for t, v in totals.items() if v["quarantined_rows"]}
    assert quarantined == {k.split(".")[1] for k in noted if k.startswith("quarantine_rows")}
