"""Each planted lead shows its defining fact in the generated rows; each near-miss does not."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from synth.conftest import AS_OF
from synth.facts import DERIVED, FACTS, fact

FAMILIES_A_TO_J = sorted(FACTS)  # and L (WS); K (FL) is checked by the fund-flow tests


def _truth(world: Path) -> list[dict[str, str]]:
    with (world / "truth.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _near(world: Path) -> list[dict[str, str]]:
    return json.loads((world / "manifest.json").read_text("utf-8"))["near_miss_list"]


def _holds(
    db: duckdb.DuckDBPyConnection, rule: str, case_no: str | None, subject: str | None
) -> bool:
    sql = fact(rule, AS_OF.isoformat())
    params = {k: v for k, v in (("case", case_no), ("subject", subject)) if f"${k}" in sql}
    row = db.execute(sql, params).fetchone()
    assert row is not None
    return bool(row[-1])


def test_every_rule_of_families_a_to_j_is_planted_with_near_misses(world: Path) -> None:
    planted = {t["rule_id"] for t in _truth(world)}
    near = {m["rule_id"] for m in _near(world)}
    assert planted >= set(FAMILIES_A_TO_J) | DERIVED
    assert near >= set(FAMILIES_A_TO_J) | DERIVED


@pytest.mark.parametrize("rule", FAMILIES_A_TO_J)
def test_planted_leads_have_their_fact(
    world: Path, db: duckdb.DuckDBPyConnection, rule: str
) -> None:
    rows = [t for t in _truth(world) if t["rule_id"] == rule]
    assert rows
    for t in rows:
        assert _holds(db, rule, t["case_no"] or None, t["subject_id"] or None), t


@pytest.mark.parametrize("rule", FAMILIES_A_TO_J)
def test_near_misses_lack_it_and_are_not_in_truth(
    world: Path, db: duckdb.DuckDBPyConnection, rule: str
) -> None:
    truth = {(t["rule_id"], t["case_no"], t["subject_id"]) for t in _truth(world)}
    misses = [m for m in _near(world) if m["rule_id"] == rule]
    assert misses
    for m in misses:
        key = (rule, m["case_no"] or "", m["subject_id"] or "")
        assert key not in truth
        assert not _holds(db, rule, m["case_no"], m["subject_id"]), m


def test_truth_has_the_grain_of_leads_md(world: Path) -> None:
    case_only = {
        "ZB-01",
        "ZB-02",
        "ZB-03",
        "ZB-05",
        "CC-02",
        "DC-02",
        "DC-03",
        "HF-01",
        "HF-03",
        "CF-01",
        "CF-02",
        "CF-03",
        "QX-01",
        "ZK-01",
        "ZK-02",
        "PM-01",
        "PM-02",
        "XJ-03",
        "WS-01",
        "WS-02",
        "WS-03",
    }
    subject_only = {"XJ-01", "XJ-02", "XJ-04", *(f"FL-0{i}" for i in range(1, 7))}
    for t in _truth(world):
        if t["rule_id"] in case_only:
            assert t["case_no"] and not t["subject_id"], t
        elif t["rule_id"] in subject_only:
            assert t["subject_id"] and not t["case_no"], t
        else:
            assert t["case_no"] and t["subject_id"], t
