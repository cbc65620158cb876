"""The scope of a screen run: which courts, filing and closing dates, case types.

Rules always run on all the data (a rule may compare with other courts' cases); the scope selects
the leads kept: a lead about a case is in scope when its case is; a lead about a subject across
cases when the subject is a party to a case in scope (a judge: judges a case in scope).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict
from sqlglot import exp

from zhongben.engine.base import Engine
from zhongben.identifiers.courts import jurisdiction
from zhongben.leads.model import Lead


class Scope(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # court names or codes (浙0683); the code of a higher court (浙06, 浙) stands for every court
    # below it too, as the national court table has them
    courts: list[str] = []
    filed_from: dt.date | None = None
    filed_to: dt.date | None = None
    closed_from: dt.date | None = None
    closed_to: dt.date | None = None
    case_types: list[str] = []  # 执, 执恢, 执保 …

    @property
    def is_all(self) -> bool:
        return self == Scope()

    def where(self) -> exp.Expr:
        """The condition on ``cases`` columns (literal values, any dialect)."""
        clauses: list[exp.Expr] = [exp.true()]
        if self.courts:
            names = [exp.Literal.string(c) for c in self.courts]
            codes = [exp.Literal.string(c) for c in jurisdiction(self.courts)]
            clauses.append(exp.or_(exp.column("court").isin(*names),
                                   exp.column("court_code").isin(*codes)))
        for column, low, high in (
            ("filed_on", self.filed_from, self.filed_to),
            ("closed_on", self.closed_from, self.closed_to),
        ):
            if low:
                clauses.append(exp.column(column) >= _date(low))
            if high:
                clauses.append(exp.column(column) <= _date(high))
        if self.case_types:
            types = [exp.Literal.string(t) for t in self.case_types]
            clauses.append(exp.column("case_type").isin(*types))
        return exp.and_(*clauses)


def _date(day: dt.date) -> exp.Expr:
    return exp.cast(exp.Literal.string(day.isoformat()), "DATE")


def scope_filter(
    engine: Engine, scope: Scope
) -> Callable[[str | None, str | None], bool] | None:
    """A predicate (case_no, subject_id) → in scope, or None when the scope is everything."""
    if scope.is_all:
        return None
    where = scope.where().sql(dialect=engine.dialect)
    _, case_rows = engine.fetch(f"SELECT case_no FROM cases WHERE {where}")
    cases = {r[0] for r in case_rows}
    _, subject_rows = engine.fetch(
        f"""SELECT p.id_no FROM parties AS p WHERE p.id_no IS NOT NULL AND p.case_no IN
            (SELECT case_no FROM cases WHERE {where})
            UNION SELECT judge FROM cases WHERE judge IS NOT NULL AND {where}"""
    )
    subjects = {r[0] for r in subject_rows}

    def in_scope(case_no: str | None, subject_id: str | None) -> bool:
        return case_no in cases if case_no else subject_id in subjects

    return in_scope


def keep_in_scope(
    leads: list[Lead], in_scope: Callable[[str | None, str | None], bool] | None
) -> list[Lead]:
    if in_scope is None:
        return leads
    return [lead for lead in leads if in_scope(lead.case_no, lead.subject_id)]
