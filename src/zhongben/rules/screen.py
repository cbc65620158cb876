"""A screen run: select rules, run each on the engine, keep leads in scope, enrich, score, store.

Engine-neutral: ``screen`` takes an engine (``zhongben.engine``: DuckDB, Spark) and a rule
library, and a leads store to keep what it found; it runs every rule before storing anything, so
a failed run leaves the store as it was. The core never prints: progress goes to a callback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlglot

from zhongben.engine.base import Engine
from zhongben.ingest.horizon import TableHorizon, table_horizons
from zhongben.leads.enrich import enrich
from zhongben.leads.identity import mark_identity
from zhongben.leads.model import Lead
from zhongben.leads.scope import Scope, keep_in_scope, scope_filter
from zhongben.leads.score import score_leads
from zhongben.leads.store import LeadStore
from zhongben.rules.compile import literal
from zhongben.rules.coverage import HorizonWarning, data_until, lead_note, uncovered, warnings
from zhongben.rules.materialise import SharedRows
from zhongben.rules.run import prepare, run_rule
from zhongben.rules.spec import Rule
from zhongben.rules.versions import in_force
from zhongben.rules.visibility import VISIBILITY, unchanged_sql

Progress = Callable[[str, int, int], None]  # (rule id, index done, total)


@dataclass
class ScreenResult:
    as_of: dt.date
    rules: list[str]
    leads: list[Lead]
    run_id: int | None = None
    per_rule: dict[str, int] = field(default_factory=dict)
    horizons: dict[str, TableHorizon] = field(default_factory=dict)
    warnings: list[HorizonWarning] = field(default_factory=list)
    versions: dict[str, int] = field(default_factory=dict)  # rule → the version in force, run
    skipped: dict[str, str] = field(default_factory=dict)  # rule → why (中文): no version in force

    def warning_lines(self) -> list[str]:
        return [w.message(self.as_of) for w in self.warnings]

    def skipped_lines(self) -> list[str]:
        return list(self.skipped.values())


def unchanged_tables(engine: Engine, as_of: dt.date) -> frozenset[str]:
    """Tables holding nothing dated after ``as_of``: their as-of view is the table itself, so
    rules read them directly (the common case of screening on the data's own date). One query
    for all of them: on Spark each query costs a job and its planning."""
    day = literal(as_of).sql(dialect="duckdb")
    counts = []
    for name in VISIBILITY:
        sql = unchanged_sql(name)
        if sql:
            counts.append(sql.replace(":as_of", day).replace(
                "SELECT count(*)", f"SELECT '{name}' AS table_name, count(*) AS hidden", 1))
    if not counts:
        return frozenset()
    text = sqlglot.transpile(" UNION ALL ".join(counts), read="duckdb", write=engine.dialect)
    return frozenset(name for name, hidden in engine.fetch(text[0])[1] if hidden == 0)


def _note(leads: list[Lead], note: str) -> None:
    for lead in leads if note else ():
        lead.explanation += note


def select_rules(library: Mapping[str, Rule], ids: Sequence[str] | None) -> list[Rule]:
    if not ids:
        return list(library.values())
    unknown = [i for i in ids if i not in library]
    if unknown:
        raise ValueError(f"未知的规则编号：{'、'.join(unknown)}（可用 zhongben rules list 查看）")
    return [library[i] for i in ids]


def screen(
    engine: Engine,
    library: Mapping[str, Rule],
    as_of: dt.date,
    rule_ids: Sequence[str] | None = None,
    scope: Scope | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    leads_store: LeadStore | None = None,
    progress: Progress | None = None,
    share: bool = True,
    keys: str | None = None,
    inputs: Mapping[str, Mapping[str, str]] | None = None,
) -> ScreenResult:
    """Run the selected rules of ``library`` (all by default) on ``engine`` as of ``as_of``;
    keep the leads in ``leads_store`` when one is given.

    ``share``: compute each view several rules read once (``zhongben.rules.materialise``);
    off, every rule inlines what it uses, as ``run_rule`` alone does. ``keys``: keep only the
    rows of the cases and subjects in the tables ``<keys>_cases`` / ``<keys>_subjects``
    (``zhongben.rules.incremental``; nothing is stored then). ``inputs``: rule id → contract
    table → the table holding the rows it reads instead (``zhongben.rules.inputs``)."""
    scope = scope or Scope()
    params = params or {}
    # The version of each rule in force on as_of (rules.versions), for every engine and path.
    chosen = in_force({r.id: r for r in select_rules(library, rule_ids)}, as_of)
    rules = list(chosen.rules.values())
    params = {k: v for k, v in params.items() if k not in chosen.skipped}
    for rule_id, values in params.items():  # fail before running anything
        select_rules({r.id: r for r in rules}, [rule_id])[0].resolve_params(values)
    prepare(engine)
    whole = unchanged_tables(engine, as_of)
    horizons = table_horizons(engine)
    leads: list[Lead] = []
    per_rule: dict[str, int] = {}
    inputs = inputs or {}
    with SharedRows(engine, rules if share else [], as_of, params, whole, inputs) as shared:
        for index, rule in enumerate(rules):
            found = [] if uncovered(rule, horizons) else run_rule(
                engine, rule, as_of, params.get(rule.id), whole, shared.read(rule),
                data_until(rule, as_of, horizons), keys, inputs.get(rule.id))
            _note(found, lead_note(rule, as_of, horizons))
            shared.done(rule)
            per_rule[rule.id] = len(found)
            leads.extend(found)
            if progress:
                progress(rule.id, index + 1, len(rules))
    in_scope = scope_filter(engine, scope)
    leads = keep_in_scope(leads, in_scope)
    enrich(engine, leads)
    mark_identity(engine, leads)
    score_leads(leads)
    leads.sort(key=lambda x: (-x.score, x.rule_id, x.case_no or "", x.subject_id or ""))
    ran = [r.id for r in rules]
    result = ScreenResult(as_of, ran, leads, per_rule=per_rule,
                          horizons=horizons, warnings=warnings(rules, as_of, horizons),
                          versions={r.id: r.version for r in rules}, skipped=chosen.skipped)
    if leads_store is not None:
        scope_json = scope.model_dump(mode="json")
        result.run_id = leads_store.save_run(as_of, ran, params, scope_json, leads, in_scope,
                                             [w.as_json() for w in result.warnings],
                                             result.versions)
    return result
