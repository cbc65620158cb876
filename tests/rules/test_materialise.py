"""A screen computes each view several rules read once (``zhongben.rules.materialise``): the same
leads as inlining it in every rule, one stored table per compiled text, nothing left behind."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tests.rules.test_validate import HEADER
from tests.screening import screen_on as screen
from tests.synth.fastload import load_world

import zhongben.rules.loader as loader_module
import zhongben.rules.run as run_module
import zhongben.rules.screen as screen_module
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.rules.compile import compile_rule, compile_used
from zhongben.rules.loader import load_library
from zhongben.rules.materialise import TABLE_PREFIX, SharedRows
from zhongben.rules.shared import SHARED
from zhongben.rules.testing import insert_rows
from zhongben.synth import generate
from zhongben.workspace import ensure_schema

AS_OF = dt.date(2026, 6, 30)
FUND_FLOW = ("FL-01", "FL-02", "FL-03", "FL-04")


def stored_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, ?)",
        [TABLE_PREFIX],
    ).fetchall()
    return [row[0] for row in rows]


@pytest.fixture
def stores(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every table the engine stores during the test: (name, SQL)."""
    calls: list[tuple[str, str]] = []
    original = DuckDBEngine.materialise

    def spy(self: DuckDBEngine, name: str, sql: str) -> None:
        calls.append((name, sql))
        original(self, name, sql)

    monkeypatch.setattr(DuckDBEngine, "materialise", spy)
    return calls


# --- the library on a generated county world ---------------------------------------------------


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    out = tmp_path_factory.mktemp("county")
    generate(seed=11, scale="county", out=out, plants=1, as_of=AS_OF)
    con = duckdb.connect()
    load_world(out, con)
    yield con
    con.close()


def as_records(leads: list[Any]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(lead) for lead in leads]


@pytest.mark.slow
# the world's date; and one before its fund flows, where a view not seen as of the day would find
# leads in them
@pytest.mark.parametrize("as_of", [AS_OF, dt.date(2024, 12, 31)])
def test_the_library_finds_the_same_leads_with_views_computed_once(
    county: duckdb.DuckDBPyConnection, stores: list[tuple[str, str]], as_of: dt.date
) -> None:
    inlined = screen(county, as_of, store=False, share=False)
    assert stores == []
    shared = screen(county, as_of, store=False)
    names = {name.removeprefix(TABLE_PREFIX).rsplit("_", 1)[0] for name, _ in stores}
    assert names == {"terminated_debtors", "debtor_links", "fund_moves", "debtor_accounts",
                     "linked_accounts"}  # XG-01, DC-05: once
    assert len(stores) == 5  # each once, though the four FL rules read all five
    if as_of == AS_OF:
        assert {lead.rule_id for lead in shared.leads} >= {*FUND_FLOW, "XJ-02"}
    assert shared.per_rule == inlined.per_rule
    assert as_records(shared.leads) == as_records(inlined.leads)  # facts, evidence, explanation
    assert stored_tables(county) == []


def test_the_fund_flow_rules_read_one_text_of_each_view() -> None:
    library = load_library()
    for name in ("terminated_debtors", "debtor_links", "fund_moves"):
        texts = {compile_used(library[r], name, as_of=AS_OF, pretty=False) for r in FUND_FLOW}
        assert len(texts) == 1, name


def test_a_rule_alone_compiles_as_before() -> None:
    rule = load_library()["FL-01"]
    plain = compile_rule(rule, as_of=AS_OF)
    assert compile_rule(rule, as_of=AS_OF, read={}).sql == plain.sql
    assert "fund_moves AS (" in plain.sql
    stored = compile_rule(rule, as_of=AS_OF, read={"fund_moves": "zb_shared_x"}).sql
    assert "fund_moves AS (" not in stored and "zb_shared_x AS m" in stored
    assert "debtor_links AS (" in stored  # what is not stored is still inlined


# --- a view read with different parameter values -----------------------------------------------

VIEW = """/*
view: late_closing
description: 测试视图：立案后超过若干天才终本的案件
tables:
  cases: [case_no, filed_on, closed_on]
*/
SELECT k.case_no, k._file, k._row, k._batch, 'cases' AS _table FROM cases AS k
WHERE zb_days_between(k.filed_on, k.closed_on) > :days
"""
RULE = """SELECT c.case_no, CAST(NULL AS VARCHAR) AS subject_id, zb_evidence(c, case_no)
FROM late_closing AS c
"""
RULES = ("ZB-96", "ZB-97", "ZB-98", "ZB-99")
CASES = [  # closed 60, 4 and 150 days after filing
    {"case_no": "A", "filed_on": dt.date(2024, 1, 1), "closed_on": dt.date(2024, 3, 1)},
    {"case_no": "B", "filed_on": dt.date(2024, 1, 1), "closed_on": dt.date(2024, 1, 5)},
    {"case_no": "C", "filed_on": dt.date(2024, 1, 1), "closed_on": dt.date(2024, 5, 30)},
]


@pytest.fixture
def little(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[duckdb.DuckDBPyConnection]:
    """Four rules reading one view with a parameter (``days``, default 10), as the library."""
    (tmp_path / "preconditions").mkdir()
    (tmp_path / SHARED).mkdir()
    (tmp_path / SHARED / "late_closing.sql").write_text(VIEW, encoding="utf-8")
    for rule_id in RULES:
        header = HEADER.replace("ZB-99", rule_id).replace(
            "explanation:", "uses: [late_closing]\nexplanation:"
        )
        path = tmp_path / "preconditions" / f"{rule_id}.sql"
        path.write_text(header + RULE, encoding="utf-8")
    library = load_library(tmp_path)
    monkeypatch.setattr(loader_module, "load_library", lambda: library)
    con = duckdb.connect()
    ensure_schema(con)
    insert_rows(con, "cases", CASES)
    yield con
    con.close()


def found(result: screen_module.ScreenResult) -> dict[str, list[str | None]]:
    by_rule: dict[str, list[str | None]] = {r: [] for r in result.rules}
    for lead in result.leads:
        by_rule[lead.rule_id].append(lead.case_no)
    return {r: sorted(c or "" for c in cases) for r, cases in by_rule.items()}


def test_a_view_read_with_two_parameter_values_is_stored_twice(
    little: duckdb.DuckDBPyConnection, stores: list[tuple[str, str]]
) -> None:
    params = {"ZB-98": {"days": 100}, "ZB-99": {"days": 100}}
    result = screen(little, AS_OF, params=params, store=False)
    assert found(result) == {"ZB-96": ["A", "C"], "ZB-97": ["A", "C"], "ZB-98": ["C"],
                             "ZB-99": ["C"]}  # fmt: skip
    assert len(stores) == 2 and stores[0][0] != stores[1][0]
    assert "(10)" in stores[0][1] and "(100)" in stores[1][1]
    assert stored_tables(little) == []


def test_a_view_one_rule_alone_reads_with_its_value_stays_inlined(
    little: duckdb.DuckDBPyConnection, stores: list[tuple[str, str]]
) -> None:
    result = screen(little, AS_OF, params={"ZB-99": {"days": 100}}, store=False)
    assert found(result)["ZB-99"] == ["C"] and found(result)["ZB-98"] == ["A", "C"]
    assert len(stores) == 1  # days = 10, read by three rules
    assert "(10)" in stores[0][1]


def test_stored_rows_are_seen_on_the_screening_date(
    little: duckdb.DuckDBPyConnection, stores: list[tuple[str, str]]
) -> None:
    result = screen(little, dt.date(2024, 4, 1), store=False)  # C is closed after: still open
    assert len(stores) == 1
    assert found(result) == {rule_id: ["A"] for rule_id in RULES}


def test_stored_rows_are_dropped_after_their_last_reader(
    little: duckdb.DuckDBPyConnection,
) -> None:
    library = loader_module.load_library()
    rules = [library[r] for r in RULES]
    engine = DuckDBEngine(little)
    with SharedRows(engine, rules, AS_OF) as shared:
        first = shared.read(rules[0])
        assert list(first) == ["late_closing"] and stored_tables(little) == [first["late_closing"]]
        for rule in rules[:-1]:
            assert shared.read(rule) == first
            shared.done(rule)
        assert stored_tables(little) == [first["late_closing"]]  # ZB-99 still reads it
        shared.read(rules[-1])
        shared.done(rules[-1])
        assert stored_tables(little) == []


def test_stored_rows_are_dropped_when_a_rule_fails(
    little: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = run_module.run_rule
    seen: list[list[str]] = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        seen.append(stored_tables(little))
        if args[1].id == "ZB-98":
            raise duckdb.OutOfMemoryException("测试：规则执行失败")
        return original(*args, **kwargs)

    monkeypatch.setattr(screen_module, "run_rule", failing)
    with pytest.raises(duckdb.OutOfMemoryException):
        screen(little, AS_OF, store=False)
    assert seen[-1] != []  # the view was stored when the rule failed
    assert stored_tables(little) == []
