"""``zhongben models report`` on a small demo world with its seeded workflow history: the per-rule
figures match a hand count of the workflow records done here in plain SQL (not by the report's
code), and ``models compare`` splits two versions' leads by what each found."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.store.db import open_database
from zhongben.store.demo_history import seed_history
from zhongben.store.setup import prepare_demo, publish_if_present
from zhongben.synth import generate
from zhongben.workspace import Workspace

AS_OF = dt.date(2026, 6, 30)
RESULTS = ("纠正", "部分纠正", "未纠正", "法院未回复", "撤回")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("backtest")
    workspace, app_db = folder / "ws.duckdb", folder / "app.sqlite"
    generate(seed=3, scale="tiny", out=folder / "world", as_of=AS_OF, plants=2)
    ws = Workspace(workspace)
    ws.ingest([folder / "world"], quarantine_dir=folder / "quarantine")
    ws.screen(AS_OF)
    sessions = open_database(str(app_db))
    prepare_demo(sessions, workspace)
    assert not isinstance(publish_if_present(sessions, workspace), str)
    with sessions.begin() as session:
        assert seed_history(session) > 10
    with sessions.begin() as session:
        assert seed_history(session) == 0  # a second start adds nothing
    return workspace, app_db


def _report(world: tuple[Path, Path], *extra: str) -> dict[str, list[dict[str, object]]]:
    result = CliRunner().invoke(app, ["models", "report", "--db", str(world[0]), "--app-db",
                                      str(world[1]), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@dataclass
class Hand:
    leads: int = 0
    cases: int = 0
    recommended: int = 0
    answered: int = 0
    adopted: int = 0
    results: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESULTS, 0))
    matters: dict[int, Decimal] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)


def _hand_count(app_db: Path) -> dict[tuple[str, int], Hand]:
    con = sqlite3.connect(app_db)
    rows = con.execute(
        "select l.rule_id, coalesce(l.found_version, l.rule_version),"
        " coalesce(l.found_as_of, l.as_of), m.id, m.decided_on, m.sent_on,"
        " m.court_adopted, m.result, m.closed_on, m.recovered_amount"
        " from leads l left join matters m on m.id = l.matter_id").fetchall()
    count: dict[tuple[str, int], Hand] = defaultdict(Hand)
    for rule, version, as_of, mid, decided, sent, adopted, result, closed, amount in rows:
        c = count[(rule, version)]
        c.leads += 1
        if mid is None:
            continue
        c.cases += decided is not None
        if result:
            c.days.append((dt.date.fromisoformat(closed) - dt.date.fromisoformat(as_of)).days)
        if mid in c.matters:
            continue  # a 类案 case: one recommendation, one answer, one amount
        c.recommended += sent is not None
        c.answered += adopted is not None or result == "法院未回复"
        c.adopted += adopted == 1
        if result:
            c.results[result] += 1
        c.matters[mid] = Decimal(str(amount or 0))
    con.close()
    return count


def test_report_matches_a_hand_count_of_the_workflow_records(world: tuple[Path, Path]) -> None:
    report = _report(world)
    expected = _hand_count(world[1])
    by_rule = {(r["rule_id"], r["version"]): r for r in report["rule"]}
    assert set(by_rule) == set(expected)
    assert sum(r["cases"] for r in report["rule"]) > 5  # type: ignore[misc]
    assert len({r["case_rate"] for r in report["rule"]}) > 2  # rules differ
    for key, hand in expected.items():
        got = by_rule[key]
        for name in ("leads", "cases", "recommended", "answered", "adopted", "results"):
            assert got[name] == getattr(hand, name), (key, name)
        assert got["case_rate"] == pytest.approx(hand.cases / hand.leads)
        if hand.answered:
            assert got["adoption_rate"] == pytest.approx(hand.adopted / hand.answered)
        assert Decimal(str(got["amount"])) == sum(hand.matters.values())
        assert got["median_days"] == (statistics.median(hand.days) if hand.days else None)
    with sqlite3.connect(world[1]) as con:  # the demo history holds 类案 cases
        assert con.execute("select count(*) from (select matter_id from leads where matter_id "
                           "is not null group by matter_id having count(*) > 1)").fetchone()[0]
    assert sum(Decimal(str(r["amount"])) for r in report["rule"]) > 0


def test_court_and_quarter_splits_add_up(world: tuple[Path, Path]) -> None:
    report = _report(world)
    for dimension in ("court", "quarter"):
        for name in ("leads", "cases", "recommended", "answered", "adopted", "amount"):
            totals: dict[tuple[object, object], Decimal] = defaultdict(Decimal)
            for row in report[dimension]:
                totals[(row["rule_id"], row["version"])] += Decimal(str(row[name]))
                assert row["key"]
            assert totals == {(r["rule_id"], r["version"]): Decimal(str(r[name]))
                              for r in report["rule"]}, (dimension, name)
    assert {r["key"] for r in report["quarter"]} == {"2026年第2季度"}


def test_demo_flag_prepares_a_fresh_app_database(world: tuple[Path, Path], tmp_path: Path) -> None:
    """``scripts/demo.sh`` prints the report before the web app ever started."""
    target = str(tmp_path / "fresh.sqlite")
    args = ["models", "report", "--db", str(world[0]), "--app-db", target, "--demo", "--by", "rule"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "模型成效回测（按规则版本）" in first.output and "%" in first.output
    second = CliRunner().invoke(app, [*args[:-2], "--format", "json"])  # --demo again: no more
    assert second.exit_code == 0, second.output
    assert json.loads(second.output)["rule"] == _report(world, "--by", "rule")["rule"]


def test_a_later_version_takes_no_credit(world: tuple[Path, Path]) -> None:
    """The demo's two-version rule: every lead counts under the version that first found it,
    though a third of them now hold the newer version as the one that last confirmed them."""
    con = sqlite3.connect(world[1])
    rows = con.execute("select rule_id, rule_version, found_version, versions from leads"
                       " where json_array_length(versions) = 2").fetchall()
    con.close()
    assert rows and len({r[0] for r in rows}) == 1
    rule, old, new = rows[0][0], json.loads(rows[0][3])[0], json.loads(rows[0][3])[1]
    assert all((r[1], r[2]) == (new, old) for r in rows)
    report = {(r["rule_id"], r["version"]): r["leads"] for r in _report(world)["rule"]}
    hand = _hand_count(world[1])
    assert report[(rule, old)] == hand[(rule, old)].leads >= len(rows)
    assert report[(rule, new)] == hand[(rule, new)].leads > 0


def test_compare_two_versions(world: tuple[Path, Path]) -> None:
    con = sqlite3.connect(world[1])
    (rule, text), = con.execute("select distinct rule_id, versions from leads"
                                " where json_array_length(versions) = 2").fetchall()
    old, new = json.loads(text)
    found = defaultdict(set)
    for case_no, subject, versions in con.execute(
            "select case_no, subject_id, versions from leads where rule_id = ?", [rule]):
        found[tuple(json.loads(versions))].add((case_no or "", subject or ""))
    con.close()
    result = CliRunner().invoke(app, ["models", "compare", rule, "--v1", str(old),
                                      "--v2", str(new), "--db", str(world[0]),
                                      "--app-db", str(world[1]), "--format", "json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    for part, versions in (("both", (old, new)), ("only_v1", (old,)), ("only_v2", (new,))):
        assert found[versions], part  # the demo gives every section something
        assert {(x["case_no"], x["subject_id"]) for x in got[part]} == found[versions], part
    assert any(x["outcome_v1"] != "未办理" for x in got["both"] + got["only_v1"])
    table = CliRunner().invoke(app, ["models", "compare", rule, "--v1", str(old), "--v2",
                                     str(new), "--db", str(world[0]), "--app-db", str(world[1])])
    assert f"两版均发现 {len(found[(old, new)])} 条" in table.output
    missing = CliRunner().invoke(app, ["models", "compare", rule, "--v1", str(old),
                                       "--v2", "99", "--db", str(world[0]),
                                       "--app-db", str(world[1])])
    assert missing.exit_code == 1 and "没有第99版" in missing.output
