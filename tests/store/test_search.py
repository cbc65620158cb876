"""Search (issue 14 part 1) and who a lead is about (part 2): the query parser, the amounts it
understands, and searches through the term index written at publication from a real DuckDB
workspace, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.store.test_app_store import workspace_with_leads

from zhongben.store.amounts import AmountError, parse_amount
from zhongben.store.collab_models import LeadTerm
from zhongben.store.demo import sample_leads, seed_demo
from zhongben.store.leads import ALL_STATUSES, LeadFilter, page_of_leads
from zhongben.store.models import Lead, Org
from zhongben.store.publish import publish
from zhongben.store.search import understand
from zhongben.store.search_parse import parse_query
from zhongben.store.who import grain_note
from zhongben.workspace import Workspace

COURTS = ["嵊州市人民法院", "新昌县人民法院"]
CASE = "(2023)浙0683执1000号"
DEBTOR, DEBTOR_NAME = "330683197001011234", "傅建斌"
COMPANY, COMPANY_NAME = "91330683MA2D5X0X1N", "绍兴新正隆鑫兴纺织股份有限公司"


@pytest.mark.parametrize("typed", ["（2024）浙0683执3382号", "(2024)浙0683执3382号",
                                   "〔2024〕浙0683执3382号", "( 2024 ) 浙0683 执 3382 号",
                                   "2024浙0683执3382"])
def test_a_case_number_in_any_form_reads_as_the_canonical_one(typed: str) -> None:
    found = parse_query(typed)
    assert found.cases == ["(2024)浙0683执3382号"] and not found.problems


def test_old_case_numbers_and_numbers_without_the_year() -> None:
    assert parse_query("（2015）绍嵊执民字第123号").cases == ["(2015)绍嵊执民字第123号"]
    assert parse_query("浙0683执3382号").cases == ["浙0683执3382号"]
    assert "完整案号" in parse_query("执3382号").problems[0]


def test_names_ids_tails_plates_courts() -> None:
    found = parse_query(f"{DEBTOR_NAME}1234 {COMPANY} 浙D·12345 嵊州法院 新正隆")
    assert found.tails == [f"{DEBTOR_NAME}#1234"] and found.names == ["新正隆"]
    assert found.ids == [COMPANY] and found.plates == ["浙D12345"]
    assert found.courts == ["嵊州"] and not found.problems
    assert parse_query(DEBTOR).ids == [DEBTOR]
    assert parse_query("浙0683").courts == ["嵊州市人民法院"]


@pytest.mark.parametrize(("typed", "low", "high"), [
    ("10万", "100000", None), ("100,000", "100000", None), ("100，000元", "100000", None),
    ("≥50万", "500000", None), ("＞＝50万", "500000", None), ("10万以上", "100000", None),
    ("不超过200万", None, "2000000"), ("10万以下", None, "100000"),
    ("50万-100万", "500000", "1000000"), ("5至10万", "50000", "100000"),
    ("1.5亿元", "150000000", None), ("金额≥50万", "500000", None)])
def test_amounts_as_typed(typed: str, low: str | None, high: str | None) -> None:
    amount = parse_amount(typed)
    assert amount.low == (Decimal(low) if low else None)
    assert amount.high == (Decimal(high) if high else None)


def test_what_cannot_be_read_is_said_in_chinese_never_dropped() -> None:
    found = parse_query("abc 张 3382 10万以上")
    assert found.amount is not None and found.amount.low == Decimal("100000")
    problems = "；".join(found.problems)
    assert "abc" in problems and "一个字" in problems and "3382" in problems
    with pytest.raises(AmountError, match="无法识别的金额"):
        parse_amount("十万块")
    said = understand("", min_amount="abc")
    assert said.problems and "未履行金额 ≥ 栏" in said.problems[0]
    assert understand("abc").conditions  # nothing understood: no results, not everything


def _workspace(path: Path) -> list[dict]:
    """A case-grain lead (no subject), a debtor-grain lead (no case) and 4 ordinary ones."""
    rows = sample_leads(6, COURTS)
    case_lead = {**rows[0], "lead_key": "a" * 40, "rule_id": "ZB-01", "case_no": CASE,
                 "subject_id": None, "subject_name": None, "evidence": []}
    debtor_lead = {**rows[1], "lead_key": "b" * 40, "rule_id": "FL-01", "case_no": None,
                   "subject_id": DEBTOR, "subject_name": None, "court": None,
                   "evidence": [{"table": "transactions", "file": "flows.csv", "row": 2,
                                 "batch": 1, "fields": {"counterparty_name": COMPANY_NAME}}]}
    rows = [case_lead, debtor_lead, *rows[2:]]
    workspace_with_leads(path, [dict(r) for r in rows])
    with Workspace(path).connect() as con:
        con.execute("update parties set id_no = ?, name = ? where case_no = ?",
                    [DEBTOR, DEBTOR_NAME, CASE])
        con.execute("update cases set close_method = '终结本次执行程序' where case_no = ?", [CASE])
        con.execute("insert into parties (case_no, role, name, id_no) values "
                    "(?, '申请执行人', ?, ?)", [CASE, COMPANY_NAME, COMPANY])
        con.execute("update vehicles set owner_id = ?", [DEBTOR])
    return rows


def _keys(s: Session, q: str, **extra: str) -> set[str]:
    orgs = list(s.scalars(select(Org.id)))
    rows, total = page_of_leads(s, orgs, LeadFilter(q=q, status=ALL_STATUSES, **extra), 1)
    assert total == len(rows)
    return {r.lead_key for r in rows}


def test_every_lead_says_who_and_what_and_search_reads_the_index(
        tmp_path: Path, app_sessions: sessionmaker[Session]) -> None:
    ws = tmp_path / "ws.duckdb"
    _workspace(ws)
    with app_sessions.begin() as s:
        seed_demo(s, COURTS)
    publish(ws, app_sessions)
    a, b = "a" * 40, "b" * 40
    with app_sessions() as s:
        case_lead, debtor_lead = s.get(Lead, a), s.get(Lead, b)
        assert case_lead is not None and debtor_lead is not None
        assert case_lead.party_names == DEBTOR_NAME  # the case's 被执行人, not its applicant
        assert debtor_lead.party_names == DEBTOR_NAME and debtor_lead.case_count == 1
        assert debtor_lead.detail is not None and debtor_lead.detail.related_cases == [CASE]
        assert "被执行人本人" in grain_note(None, DEBTOR, DEBTOR_NAME, 1)
        assert all(x.party_names for x in s.scalars(select(Lead)))
        assert s.scalar(select(func.count()).select_from(LeadTerm)) > 0
        assert _keys(s, "（2023）浙0683执1000号") == {a, b}  # b: the debtor's 终本 case
        assert _keys(s, "浙0683 执 1000") == {a, b}
        assert _keys(s, DEBTOR_NAME) == {a, b} == _keys(s, "建斌")
        assert _keys(s, f"{DEBTOR_NAME} 1234") == {a, b} and not _keys(s, f"{DEBTOR_NAME} 9999")
        assert _keys(s, DEBTOR) == {a, b} and _keys(s, "浙D12345") == {a, b}
        assert a in _keys(s, COMPANY) and _keys(s, "新正隆鑫兴") == {a, b}
        assert _keys(s, "新昌法院") and not _keys(s, "新昌法院") & {a}
        big = _keys(s, "50万以上")
        assert big == {x.lead_key for x in s.scalars(select(Lead))
                       if x.unpaid_amount is not None and x.unpaid_amount >= 500000}
        assert _keys(s, "10万", max_amount="100万") <= _keys(s, "10万以上")
        assert not _keys(s, "abc")
