"""A screen run: select rules, run each on the engine, keep leads in scope, enrich, score, store.

The core never prints: progress is reported through a callback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.leads.enrich import enrich
from zhongben.leads.identity import mark_identity
from zhongben.leads.model import Lead
from zhongben.leads.scope import Scope, keep_in_scope, scope_filter
from zhongben.leads.score import score_leads
from zhongben.leads.store import save_leads, start_run
from zhongben.rules.loader import load_library
from zhongben.rules.materialise import SharedRows
from zhongben.rules.spec import Rule
from zhongben.rules.visibility import VISIBILITY, unchanged_sql

Progress = Callable[[str, int, int], None]  # (rule id, index done, total)


@dataclass
class ScreenResult:
    as_of: dt.date
    rules: list[str]
    leads: list[Lead]
    run_id: int | None = None
    per_rule: dict[str, int] = field(default_factory=dict)


def unchanged_tables(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> frozenset[str]:
    """Tables holding nothing dated after ``as_of``: their as-of view is the table itself, so
    rules read them directly (the common case of screening on the data's own date)."""
    names = []
    for name in VISIBILITY:
        sql = unchanged_sql(name)
        if (
            sql
            and con.execute(sql.replace(":as_of", "?"), [as_of] * sql.count(":as_of")).fetchall()[
                0
            ][0]
            == 0
        ):
            names.append(name)
    return frozenset(names)


def select_rules(library: dict[str, Rule], ids: Sequence[str] | None) -> list[Rule]:
    if not ids:
        return list(library.values())
    unknown = [i for i in ids if i not in library]
    if unknown:
        raise ValueError(f"未知的规则编号：{'、'.join(unknown)}（可用 zhongben rules list 查看）")
    return [library[i] for i in ids]


def screen(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    rule_ids: Sequence[str] | None = None,
    scope: Scope | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    store: bool = True,
    progress: Progress | None = None,
    share: bool = True,
) -> ScreenResult:
    """Run the selected rules (all by default) as of ``as_of``; store the leads unless told not.

    ``share``: compute each view several rules read once (``zhongben.rules.materialise``);
    off, every rule inlines what it uses, as ``run_rule`` alone does."""
    scope = scope or Scope()
    params = params or {}
    rules = select_rules(load_library(), rule_ids)
    for rule_id, values in params.items():  # fail before running anything
        select_rules({r.id: r for r in rules}, [rule_id])[0].resolve_params(values)
    engine = DuckDBEngine(con)
    engine.prepare()
    whole = unchanged_tables(con, as_of)
    from zhongben.rules.run import run_rule

    leads: list[Lead] = []
    per_rule: dict[str, int] = {}
    with SharedRows(engine, rules if share else [], as_of, params, whole) as shared:
        for index, rule in enumerate(rules):
            found = run_rule(engine, rule, as_of, params.get(rule.id), whole, shared.read(rule))
            shared.done(rule)
            per_rule[rule.id] = len(found)
            leads.extend(found)
            if progress:
                progress(rule.id, index + 1, len(rules))
    in_scope = scope_filter(con, scope)
    leads = keep_in_scope(leads, in_scope)
    enrich(con, leads)
    mark_identity(con, leads)
    score_leads(leads)
    leads.sort(key=lambda x: (-x.score, x.rule_id, x.case_no or "", x.subject_id or ""))
    result = ScreenResult(as_of, [r.id for r in rules], leads, per_rule=per_rule)
    if store:
        ran = [r.id for r in rules]
        result.run_id = start_run(con, as_of, ran, params, scope.model_dump(mode="json"))
        save_leads(con, result.run_id, leads, ran, in_scope)
    return result
