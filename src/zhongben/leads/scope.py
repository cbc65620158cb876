"""The scope of a screen run: which courts, filing and closing dates, case types.

Rules always run on all the data (a rule may compare with other courts' cases); the scope selects
the leads kept: a lead about a case is in scope when its case is; a lead about a subject across
cases when the subject is a party to a case in scope (a judge: judges a case in scope).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
from pydantic import BaseModel, ConfigDict

from zhongben.leads.model import Lead


class Scope(BaseModel):
    model_config = ConfigDict(extra="forbid")
    courts: list[str] = []  # court names or court codes (浙0683)
    filed_from: dt.date | None = None
    filed_to: dt.date | None = None
    closed_from: dt.date | None = None
    closed_to: dt.date | None = None
    case_types: list[str] = []  # 执, 执恢, 执保 …

    @property
    def is_all(self) -> bool:
        return self == Scope()

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = ["TRUE"]
        params: list[object] = []
        if self.courts:
            clauses.append("(list_contains(?, court) OR list_contains(?, court_code))")
            params += [self.courts, self.courts]
        for column, low, high in (
            ("filed_on", self.filed_from, self.filed_to),
            ("closed_on", self.closed_from, self.closed_to),
        ):
            if low:
                clauses.append(f"{column} >= ?")
                params.append(low)
            if high:
                clauses.append(f"{column} <= ?")
                params.append(high)
        if self.case_types:
            clauses.append("list_contains(?, case_type)")
            params.append(self.case_types)
        return " AND ".join(clauses), params


def scope_filter(
    con: duckdb.DuckDBPyConnection, scope: Scope
) -> Callable[[str | None, str | None], bool] | None:
    """A predicate (case_no, subject_id) → in scope, or None when the scope is everything."""
    if scope.is_all:
        return None
    where, params = scope.where()
    cases = {
        r[0] for r in con.execute(f"SELECT case_no FROM cases WHERE {where}", params).fetchall()
    }
    subjects = {
        r[0]
        for r in con.execute(
            f"""SELECT p.id_no_entity FROM parties AS p WHERE p.id_no_entity IS NOT NULL
                AND p.case_no IN
                (SELECT case_no FROM cases WHERE {where})
                UNION SELECT judge FROM cases WHERE judge IS NOT NULL AND {where}""",
            params + params,
        ).fetchall()
    }

    def in_scope(case_no: str | None, subject_id: str | None) -> bool:
        return case_no in cases if case_no else subject_id in subjects

    return in_scope


def keep_in_scope(
    leads: list[Lead], in_scope: Callable[[str | None, str | None], bool] | None
) -> list[Lead]:
    if in_scope is None:
        return leads
    return [lead for lead in leads if in_scope(lead.case_no, lead.subject_id)]
