"""The debtor's profile, snapshotted from the workspace at publication: their cases, assets over
time (real estate, vehicles, equity, insurance), restrictions, travel and monthly money flows.
Also each case's parties, so a case-grain lead can show who its debtors are."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb

MAX_ROWS = 50  # per section and person: a profile is a summary; the evidence rows are exact

SECTIONS: dict[str, str] = {
    "cases": """select p.id_no, c.case_no, c.court, c.filed_on, c.closed_on, c.close_method,
        c.claim_amount, c.paid_amount from parties p join cases c on c.case_no = p.case_no
        where p.role = '被执行人' and p.id_no in (select id_no from _targets)
        order by c.filed_on""",
    "real_estate": """select owner_id, unit_no, address, area, est_value, acquired_on,
        disposed_on, status from real_estate where owner_id in (select id_no from _targets)
        order by acquired_on""",
    "vehicles": """select owner_id, plate, model, registered_on, transferred_on, status,
        est_value from vehicles where owner_id in (select id_no from _targets)
        order by registered_on""",
    "equity": """select holder_id, company_uscc, subscribed, ratio, from_on, to_on
        from shareholdings where holder_id in (select id_no from _targets) order by from_on""",
    "insurance": """select holder_id, insurer, product_type, premium, cash_value, start_on,
        end_on from insurance_policies where holder_id in (select id_no from _targets)""",
    "restrictions": """select subject_id, kind, case_no, start_on, end_on from restrictions
        where subject_id in (select id_no from _targets) order by start_on""",
    "travel": """select person_id, mode, travelled_on, seat_class, origin, destination
        from travel where person_id in (select id_no from _targets)
        order by travelled_on desc""",
    "flows": """select a.holder_id, strftime(t.txn_at, '%Y-%m') as month,
        sum(case when t.direction = '收' or t.direction = '入' then t.amount else 0 end) as inflow,
        sum(case when t.direction = '收' or t.direction = '入' then 0 else t.amount end) as outflow,
        count(*) as n from transactions t join bank_accounts a on a.account_no = t.account_no
        where a.holder_id in (select id_no from _targets) group by 1, 2 order by 2""",
}
# A name for every target ID (a party's, else a company's): a subject published without one
# (an auction's buyer) is still shown by name.
NAMES_SQL = """select id_no, name from (
    select id_no, name, 0 as pref from parties where id_no in (select id_no from _targets)
    union all select uscc, name, 1 from companies where uscc in (select id_no from _targets))
    where name is not null qualify row_number() over (partition by id_no order by pref) = 1"""
PARTIES_SQL = """select case_no, role, name, id_no, party_type, phone, address from parties
    where case_no in (select case_no from _cases) order by case_no, role"""


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _grouped(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, list[dict[str, Any]]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description][1:]
    out: dict[str, list[dict[str, Any]]] = {}
    for key, *values in cursor.fetchall():
        rows = out.setdefault(key, [])
        if len(rows) < MAX_ROWS:
            rows.append({n: _plain(v) for n, v in zip(names, values, strict=True)})
    return out


def build_profiles(con: duckdb.DuckDBPyConnection,
                   leads: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Profiles keyed by party ID, plus ``case:<case_no>`` entries holding the case's parties."""
    case_nos = sorted({r["case_no"] for r in leads if r.get("case_no")})
    con.execute("create or replace temp table _cases as select unnest(?::varchar[]) as case_no",
                [case_nos])
    parties = _grouped(con, PARTIES_SQL)
    debtor_ids = {p["id_no"] for rows in parties.values() for p in rows
                  if p["role"] == "被执行人" and p["id_no"]}
    ids = sorted(debtor_ids | {r["subject_id"] for r in leads if r.get("subject_id")})
    con.execute("create or replace temp table _targets as select unnest(?::varchar[]) as id_no",
                [ids])
    profiles: dict[str, dict[str, Any]] = {i: {} for i in ids}
    for section, sql in SECTIONS.items():
        for key, rows in _grouped(con, sql).items():
            profiles.setdefault(key, {})[section] = rows
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables")
              .fetchall()}
    if {"parties", "companies"} <= tables:
        for key, name in con.execute(NAMES_SQL).fetchall():
            profiles.setdefault(key, {})["name"] = name
    for case_no, rows in parties.items():
        profiles[f"case:{case_no}"] = {"parties": rows}
    return {k: v for k, v in profiles.items() if v}
