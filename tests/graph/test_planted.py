"""On a synthetic world, every planted FL lead is found and nothing else (near-misses included)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from tests.synth.fastload import load_world

from zhongben.rules.config import ScreenConfig
from zhongben.synth.generate import generate
from zhongben.workspace import Workspace

FL_RULES = [f"FL-0{i}" for i in range(1, 7)]


@pytest.mark.slow
def test_fl_rules_find_exactly_the_planted_leads(tmp_path: Path) -> None:
    world = tmp_path / "world"
    generate(seed=5, scale="tiny", out=world, plants=2)
    db = tmp_path / "ws.duckdb"
    con = duckdb.connect(str(db))
    load_world(world, con)
    con.close()
    manifest = json.loads((world / "manifest.json").read_text(encoding="utf-8"))
    near = [m for m in manifest["near_miss_list"] if m["rule_id"] in FL_RULES]
    assert len(near) == 12
    as_of = dt.date.fromisoformat(manifest["as_of"])
    result = Workspace(db).evaluate(world / "truth.csv", as_of, ScreenConfig(rules=FL_RULES))
    scores = {s.rule_id: (s.true_positives, s.false_positives, s.false_negatives)
              for s in result.scores}
    assert scores == {rule: (2, 0, 0) for rule in FL_RULES}
