"""The rows a built rule reads for one (case, debtor): fetched through the engine from the
workspace, to become the input of the rule's YAML tests; and a near miss made from them."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from decimal import Decimal
from typing import Any

import sqlglot
from sqlglot import exp

from zhongben.engine.base import Engine
from zhongben.rules.builder.catalogue import POPULATION_RELATED
from zhongben.rules.builder.generate import source_of
from zhongben.rules.builder.spec import BuilderSpec, MissingStep
from zhongben.rules.spec import Rule
from zhongben.rules.visibility import VISIBILITY

Rows = dict[str, list[dict[str, Any]]]


def subject_digest(salt: str, subject_id: str | None) -> str:
    """An opaque stand-in for a debtor's ID in a page (the ID itself is masked for most roles)."""
    return hmac.new(salt.encode(), (subject_id or "").encode(), hashlib.sha256).hexdigest()[:20]


def _quoted(value: str) -> str:
    return exp.Literal.string(value).sql(dialect="duckdb")


def resolve_subject(engine: Engine, case_no: str, digest: str, salt: str) -> str | None:
    """The debtor of ``case_no`` whose digest is ``digest``, or None."""
    sql = ("SELECT DISTINCT id_no_entity FROM parties WHERE role = '被执行人'"
           f" AND case_no = {_quoted(case_no)}")
    for (subject,) in engine.fetch(sql)[1]:
        if subject and hmac.compare_digest(subject_digest(salt, subject), digest):
            return str(subject)
    return None


def related_filters(spec: BuilderSpec) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {k: [v] for k, v in POPULATION_RELATED.items()}
    for cond in spec.conditions:
        for table, where in source_of(cond).related.items():
            known = filters.setdefault(table, [])
            if where not in known:
                known.append(where)
    return filters


def gather(engine: Engine, rule: Rule, spec: BuilderSpec, case_no: str, subject_id: str) -> Rows:
    """Every row of the rule's tables that concerns ``case_no`` and its debtor ``subject_id``,
    with the columns the rule declares."""
    rows: Rows = {}
    values = {"case": _quoted(case_no), "subject": _quoted(subject_id)}
    for table, filters in related_filters(spec).items():
        columns = fixture_columns(table, rule.header.tables[table])
        where = " OR ".join(f"({f.format(**values)})" for f in filters)
        names, found = engine.fetch(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {where} ORDER BY {columns[0]}")
        if found:
            rows[table] = [{n: _plain(v) for n, v in zip(names, row, strict=True)
                            if v is not None} for row in found]
    return rows


def fixture_columns(table: str, declared: list[str]) -> list[str]:
    """The declared columns and those the table's as-of view filters on (a test row without
    them would be invisible on the screening date)."""
    seen = VISIBILITY.get(table)
    extra = []
    if seen is not None:
        masks = set(seen.masked.values())
        if seen.row_filter:
            masks |= {c.name for c in sqlglot.parse_one(seen.row_filter).find_all(exp.Column)}
        extra = sorted(masks - set(declared))
    return [*declared, *extra]


def _plain(value: Any) -> Any:
    """A value YAML can hold and the test loader reads back as the same type."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime | dt.date | int | float | str | bool):
        return value
    return str(value)


def near_miss(spec: BuilderSpec, rows: Rows, case_no: str) -> Rows:
    """``rows`` with the first condition no longer met: the rows it found removed, or for a
    missing step, that step taken on the 终本 date."""
    first = spec.conditions[0]
    out = {table: list(items) for table, items in rows.items()}
    if isinstance(first, MissingStep):
        closed = next((r.get("closed_on") for r in rows.get("cases", [])), None)
        out.setdefault("actions", []).append(
            {"case_no": case_no, "action": first.step, "acted_on": closed})
        return out
    out.pop(source_of(first).table, None)
    return out
