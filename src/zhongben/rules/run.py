"""Run one rule on an engine: compile, execute, group rows into leads, explain each lead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pyarrow as pa

from zhongben.engine.base import Engine
from zhongben.leads.model import Lead
from zhongben.rules.calendar import calendar_table
from zhongben.rules.compile import compile_rule
from zhongben.rules.explain import render
from zhongben.rules.families import BY_CODE
from zhongben.rules.group import group_rows
from zhongben.rules.macros import CALENDAR_TABLE
from zhongben.rules.spec import Basis, Rule


@lru_cache(maxsize=1)
def _calendar() -> pa.Table:
    return calendar_table()


def prepare(engine: Engine) -> None:
    """The engine's settings and the helper tables rules read (the working-day calendar)."""
    engine.prepare()
    if not engine.has_table(CALENDAR_TABLE):
        engine.put(CALENDAR_TABLE, _calendar())


def run_rule(
    engine: Engine,
    rule: Rule,
    as_of: dt.date,
    params: dict[str, Any] | None = None,
    whole: frozenset[str] = frozenset(),
    read: Mapping[str, str] | None = None,
    data_until: dt.date | None = None,
    keys: str | None = None,
    sources: Mapping[str, str] | None = None,
) -> list[Lead]:
    """The leads ``rule`` finds on ``as_of`` with ``params`` overriding its defaults
    (``whole``: tables with nothing after ``as_of``, read without their as-of view; ``read``:
    used views already stored by the engine, ``zhongben.rules.materialise``; ``sources``: contract
    tables read from other tables, ``zhongben.rules.inputs``)."""
    compiled = compile_rule(
        rule, engine.dialect, params, as_of, pretty=False, whole=whole, read=read,
        data_until=data_until, sources=sources,
    )
    names, rows = engine.fetch(scoped(compiled.sql, keys) if keys else compiled.sql)
    leads = group_rows(rule.id, names, rows, compiled.evidence)
    for lead in leads:
        describe(lead, rule, compiled.params, as_of, data_until)
    return leads


def scoped(sql: str, keys: str) -> str:
    """``sql`` keeping the rows of the cases and subjects listed in the tables ``<keys>_cases``
    and ``<keys>_subjects`` (``zhongben.rules.incremental``): the rule's rows for those keys
    exactly. Every rule returns both columns (``rules.validate.LEAD_COLUMNS``)."""
    return (f"SELECT * FROM ({sql}) AS zb_all WHERE "
            f"zb_all.case_no IN (SELECT case_no FROM {keys}_cases) OR "
            f"zb_all.subject_id IN (SELECT subject_id FROM {keys}_subjects)")


def _basis(basis: Basis, as_of: dt.date) -> dict[str, str]:
    """text and status; a provision not in force on ``as_of`` also says so (已修改 / 已废止)."""
    entry = {"text": basis.text, "status": basis.status}
    if not basis.in_force(as_of):
        entry["note"] = basis.state(as_of)
    return entry


def describe(lead: Lead, rule: Rule, params: dict[str, Any], as_of: dt.date,
             data_until: dt.date | None = None) -> None:
    """Attach the rule's identity, basis, parameters and the filled-in explanation."""
    header = rule.header
    lead.rule_version = header.version
    lead.rule_name = header.name
    lead.family = BY_CODE[header.family].name
    lead.severity = header.severity.value
    lead.legal_basis = [_basis(b, as_of) for b in header.basis]
    lead.params = dict(params)
    lead.as_of = as_of
    facts = {
        **params,
        **lead.facts,
        "as_of": as_of,
        "data_until": min(data_until or as_of, as_of),
        "case_no": lead.case_no,
        "subject_id": lead.subject_id,
        "subject_name": lead.subject_name,
    }
    lead.explanation = render(header.explanation.strip(), facts)
