"""Bank and payment statements in their own layouts go through the ordinary ingest into
`transactions`, with integrity problems reported and nothing "fixed"."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from zhongben.workspace import Workspace

SAMPLES = Path(__file__).parent / "bank" / "samples.py"


def _samples() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bank_samples", SAMPLES)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_statement_folder_loads_into_transactions(workspace: Workspace, tmp_path: Path) -> None:
    written = _samples().write_all(tmp_path / "statements")
    report = workspace.ingest([tmp_path / "statements"])
    assert report.ok, [r.message for r in report.refused]
    assert {load.table for load in report.sheets} == {"transactions"}
    assert len(report.sheets) == len(written)
    for load in report.sheets:
        assert load.notes[0].startswith("按“"), load.notes  # the layout it was read as
    assert not report.quarantine  # footers and note lines are set aside, not quarantined
    with workspace.connect() as con:
        loaded, accounts, bad = con.execute(
            "SELECT count(*), count(DISTINCT account_no), "
            "count(*) FILTER (WHERE amount <= 0 OR direction NOT IN ('in', 'out')) "
            "FROM transactions"
        ).fetchall()[0]
    assert loaded == sum(load.loaded for load in report.sheets) > 0
    assert accounts >= 3 and bad == 0
