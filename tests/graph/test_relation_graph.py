"""The relation graph on hand-built workspaces (real DuckDB through the engine protocol):
股权穿透 through three layers, a cycle of cross-holdings, a relative's asset bought after the
debt arose, shared phone and bank account, all joined on entity ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.graph.control import Holding, stakes_held, ultimate_controllers
from zhongben.graph.late_assets import debt_date, late_assets
from zhongben.graph.relations import relation_graph
from zhongben.workspace import ensure_schema

AS_OF = dt.date(2026, 6, 30)
DEBTOR = "330683198001011234"
SPOUSE = "330683198203024321"
OTHER = "330683197505055555"
TOP = "91330683MA2A000001"  # held by the debtor 80 %
MID = "91330683MA2A000002"  # held by TOP 75 %
LOW = "91330683MA2A000003"  # held by MID 60 %: the debtor's stake 0.8 × 0.75 × 0.6 = 36 %


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    con = duckdb.connect()
    ensure_schema(con)
    con.execute("INSERT INTO cases (case_no, filed_on) VALUES ('(2024)浙0683执1号', '2024-03-01')")
    con.execute("INSERT INTO parties (case_no, role, name, id_no, phone) VALUES "
                "('(2024)浙0683执1号', '被执行人', '张三', ?, '13800001111'), "
                "('(2023)浙0683民9号', '原告', '赵六', ?, '13800001111')", [DEBTOR, OTHER])
    con.execute("INSERT INTO relations (person_a_id, person_b_id, relation) VALUES (?, ?, '配偶')",
                [DEBTOR, SPOUSE])
    con.execute("INSERT INTO companies (uscc, name, legal_rep_id) VALUES "
                "(?, '顶层公司', ?), (?, '中间公司', NULL), (?, '底层公司', NULL)",
                [TOP, SPOUSE, MID, LOW])
    con.execute("INSERT INTO shareholdings (company_uscc, holder_name, holder_id, ratio) VALUES "
                "(?, '张三', ?, 0.8), (?, '顶层公司', ?, 75), (?, '中间公司', ?, 0.6)",
                [TOP, DEBTOR, MID, TOP, LOW, MID])
    con.execute("INSERT INTO vehicles (plate, owner_name, owner_id, registered_on, model) VALUES "
                "('浙D11111', '李梅', ?, '2024-05-01', '宝马X5'), "
                "('浙D22222', '李梅', ?, '2023-01-01', '大众'), "
                "('浙D33333', '李梅', ?, '2026-08-01', '奥迪')", [SPOUSE] * 3)
    con.execute("INSERT INTO real_estate (unit_no, owner_name, owner_id, acquired_on, address) "
                "VALUES ('U1', '中间公司', ?, '2025-01-10', '嵊州市某路1号')", [MID])
    con.execute("INSERT INTO bank_accounts (account_no, holder_id, holder_name) VALUES "
                "('6222000011112222', ?, '张三'), ('6222000011112222', ?, '赵六')",
                [DEBTOR, OTHER])
    for sql in unresolved_entities_sql():
        con.execute(sql)
    yield DuckDBEngine(con)
    con.close()


def test_stakes_multiply_through_three_layers(engine: DuckDBEngine) -> None:
    graph = relation_graph(engine, DEBTOR, AS_OF)
    held = stakes_held(DEBTOR, [Holding(e.source, e.target, e.ratio or 0) for e in graph.edges
                                if e.kind == "share"])
    assert held[TOP] == pytest.approx(0.8)
    assert held[MID] == pytest.approx(0.6)  # a percentage (75) read as 0.75
    assert held[LOW] == pytest.approx(0.36)
    assert set(graph.controls) == {TOP, MID}  # over half; LOW at 36 % is not controlled
    assert graph.name(LOW) == "底层公司"


def test_ultimate_controller_of_the_bottom_company(engine: DuckDBEngine) -> None:
    graph = relation_graph(engine, LOW, AS_OF)
    assert graph.controllers == [(DEBTOR, pytest.approx(0.36))]


def test_a_cycle_adds_each_loop_once_and_never_names_itself() -> None:
    holdings = [Holding("P", "A", 0.5), Holding("A", "B", 0.6), Holding("B", "A", 0.5),
                Holding("Q", "B", 0.4)]
    tops = dict(ultimate_controllers("A", holdings))
    assert set(tops) == {"P", "Q"}  # A and B hold each other: neither is a top holder
    assert tops["P"] == pytest.approx(0.5)
    assert tops["Q"] == pytest.approx(0.4 * 0.5)
    assert stakes_held("P", holdings) == {"A": pytest.approx(0.5), "B": pytest.approx(0.3)}


def test_a_relatives_asset_after_the_debt_date(engine: DuckDBEngine) -> None:
    graph = relation_graph(engine, DEBTOR, AS_OF)
    debt_on = debt_date(engine, DEBTOR)
    assert debt_on == dt.date(2024, 3, 1)
    found = [(a.owner, a.kind, a.item, a.link) for a in late_assets(engine, graph, debt_on)]
    assert (SPOUSE, "车辆", "浙D11111 宝马X5", "配偶") in found
    assert all("浙D22222" not in f[2] for f in found)  # bought before the debt
    assert all("浙D33333" not in f[2] for f in found)  # after the as-of date
    assert any(o == MID and k == "不动产" for o, k, _, _ in found)  # a controlled company's


def test_shared_phone_and_account_and_legal_rep_edges(engine: DuckDBEngine) -> None:
    graph = relation_graph(engine, DEBTOR, AS_OF)
    kinds = {(e.kind, frozenset((e.source, e.target))) for e in graph.edges}
    assert ("phone", frozenset((DEBTOR, OTHER))) in kinds
    assert ("account", frozenset((DEBTOR, OTHER))) in kinds
    assert ("legal_rep", frozenset((SPOUSE, TOP))) in kinds  # two steps: spouse → her company
    assert graph.kin() == {SPOUSE: "配偶"}
    assert all(e.file is not None or e.table for e in graph.edges)


def test_timeline_and_assessment_list_their_terms(engine: DuckDBEngine) -> None:
    from zhongben.graph.assessment import assess
    from zhongben.graph.timeline import timeline

    con = engine.con
    con.execute("INSERT INTO restrictions (subject_id, name, kind, start_on) VALUES "
                "(?, '张三', '限制消费', '2024-04-01')", [DEBTOR])
    con.execute("INSERT INTO travel (person_id, mode, travelled_on, seat_class) VALUES "
                "(?, '航班', '2024-06-01', '经济舱'), (?, '铁路', '2024-07-01', '二等座')",
                [DEBTOR, DEBTOR])
    for sql in unresolved_entities_sql():
        con.execute(sql)
    events = timeline(engine, DEBTOR, AS_OF)
    kinds = [e.kind for e in events]
    assert kinds[0] == "案件" and "限制" in kinds and kinds.count("出行") == 2
    assert [e.on for e in events] == sorted(e.on for e in events)
    graph = relation_graph(engine, DEBTOR, AS_OF)
    result = assess(events, late_assets(engine, graph, debt_date(engine, DEBTOR)),
                    debt_date(engine, DEBTOR))
    facts = [t.fact for t in result.terms]
    assert any("被限制消费后出行：航班" in f and t.weight == 3 and t.table == "travel"
               for f, t in zip(facts, result.terms, strict=True))
    assert not any("二等座" in f for f in facts)  # a second-class seat is allowed
    assert any("配偶取得车辆" in f for f in facts)
    assert result.score == sum(t.weight for t in result.terms) >= 5
    assert result.verdict.startswith("失信")
    assert assess([], [], None).verdict.startswith("失能")
