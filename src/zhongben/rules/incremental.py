"""``screen --incremental``: re-screen only what a load batch can change, with the same leads a
full screen gives.

The affected keys of a batch (``affected``): the cases, subjects (entities) and accounts its rows
name, widened along the links rules follow — an account's holder, the counterparties of the moves
through the debtors' accounts, relatives, companies and their legal representatives and
shareholders, identity changes — then to every case of those subjects and every party and judge of
those cases. Each rule then reads only the rows those keys' leads can rest on
(``zhongben.rules.inputs``: the large tables cut down, once per screen) and keeps only the rows
of those keys (``rules.run.scoped``), the leads of those keys are replaced in the store in
one transaction, and every other lead is kept.

A lead is scored with the other leads on its case or subject, so the key set is closed under the
leads themselves: every lead (stored or new) on an affected case adds its subject, and on an
affected subject its case, until nothing is added (``close``).

Rules whose lead for an untouched key can change with a row elsewhere run in full instead
(``FULL_RULES``); and the whole library runs in full when the screening date or the data
horizons differ from the last run's, since both change every lead's explanation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from zhongben.engine.base import Engine
from zhongben.leads.model import Lead
from zhongben.leads.store import WorkspaceLeads
from zhongben.rules.inputs import CASE_ENTITIES, ENTITY_LINKS, WHOLE_INPUT, release, restrict
from zhongben.rules.screen import ScreenResult, screen
from zhongben.rules.spec import Rule

KEYS = "zb_incremental"
# rule → why its lead for an untouched case can change with a row of another case
FULL_RULES: dict[str, str] = {}

@dataclass
class Affected:
    cases: set[str]
    subjects: set[str]

    def contains(self, case_no: str | None, subject_id: str | None) -> bool:
        return case_no in self.cases or subject_id in self.subjects


def _values(engine: Engine, sql: str) -> set[str]:
    return {str(r[0]) for r in engine.fetch(sql)[1] if r[0] is not None}


def _put(engine: Engine, name: str, column: str, values: Iterable[str]) -> None:
    engine.put(f"{KEYS}_{name}", pa.table({column: pa.array(sorted(values), pa.string())}))


def _columns(engine: Engine) -> dict[str, list[str]]:
    _, rows = engine.fetch("SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_schema = 'main'")
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return tables


def seeds(engine: Engine, batch: int) -> tuple[set[str], set[str], set[str]]:
    """The cases, entities and accounts the rows of ``batch`` name."""
    cases: set[str] = set()
    entities: set[str] = set()
    accounts: set[str] = set()
    for table, columns in _columns(engine).items():
        if "_batch" not in columns:
            continue
        for column in columns:
            target = (cases if column in ("case_no", "original_case_no") else
                      entities if column.endswith("_entity") else
                      accounts if column in ("account_no", "counterparty_account") else None)
            if target is not None:
                target |= _values(engine, f'SELECT DISTINCT "{column}" FROM "{table}" '
                                          f"WHERE _batch = {int(batch)}")
    return cases, entities, accounts


def affected(engine: Engine, batch: int) -> Affected:
    """The keys whose leads ``batch`` can change (module docstring)."""
    cases, entities, accounts = seeds(engine, batch)
    _put(engine, "subjects", "subject_id", entities)
    accounts |= _values(engine, f"""SELECT account_no FROM bank_accounts WHERE holder_id_entity
        IN (SELECT subject_id FROM {KEYS}_subjects)""")
    _put(engine, "accounts", "account_no", accounts)
    accounts |= _values(engine, f"""SELECT counterparty_account FROM transactions WHERE account_no
        IN (SELECT account_no FROM {KEYS}_accounts) UNION SELECT account_no FROM transactions
        WHERE counterparty_account IN (SELECT account_no FROM {KEYS}_accounts)""")
    _put(engine, "accounts", "account_no", accounts)
    entities |= _values(engine, f"""SELECT holder_id_entity FROM bank_accounts WHERE account_no
        IN (SELECT account_no FROM {KEYS}_accounts)""")
    _put(engine, "subjects", "subject_id", entities)
    for table, a, b in ENTITY_LINKS:
        entities |= _values(engine, f"""SELECT {b} FROM {table} WHERE {a} IN
            (SELECT subject_id FROM {KEYS}_subjects) UNION SELECT {a} FROM {table} WHERE {b} IN
            (SELECT subject_id FROM {KEYS}_subjects)""")
    _put(engine, "subjects", "subject_id", entities)
    for table, column in CASE_ENTITIES:
        cases |= _values(engine, f"""SELECT case_no FROM {table} WHERE {column} IN
            (SELECT subject_id FROM {KEYS}_subjects)""")
    _put(engine, "cases", "case_no", cases)
    cases |= _values(engine, f"""SELECT original_case_no FROM cases WHERE case_no IN
        (SELECT case_no FROM {KEYS}_cases) UNION SELECT case_no FROM cases WHERE original_case_no
        IN (SELECT case_no FROM {KEYS}_cases)""")
    _put(engine, "cases", "case_no", cases)
    entities |= _values(engine, f"""SELECT id_no_entity FROM parties WHERE case_no IN
        (SELECT case_no FROM {KEYS}_cases) UNION SELECT judge FROM cases WHERE case_no IN
        (SELECT case_no FROM {KEYS}_cases)""")
    return Affected(cases, entities)


def put_keys(engine: Engine, keys: Affected) -> None:
    """``keys`` as the tables ``<KEYS>_cases`` and ``<KEYS>_subjects`` rules are scoped by."""
    _put(engine, "cases", "case_no", keys.cases)
    _put(engine, "subjects", "subject_id", keys.subjects)


def close(keys: Affected, pairs: Iterable[tuple[str | None, str | None]]) -> bool:
    """Add the subject of every lead on an affected case and the case of every lead on an
    affected subject, until nothing is added; whether anything was."""
    pairs = list(pairs)
    grew = False
    while True:
        before = len(keys.cases) + len(keys.subjects)
        for case_no, subject_id in pairs:
            if keys.contains(case_no, subject_id):
                keys.cases.update([case_no] if case_no else [])
                keys.subjects.update([subject_id] if subject_id else [])
        if len(keys.cases) + len(keys.subjects) == before:
            return grew
        grew = True


def screen_incremental(
    engine: Engine, library: Mapping[str, Rule], as_of: dt.date, batch: int,
    stored: Sequence[tuple[str, str | None, str | None]], last: Mapping[str, Any] | None,
    params: dict[str, dict[str, Any]] | None = None,
) -> tuple[ScreenResult, Affected | None]:
    """The leads of every rule of ``library`` for the keys ``batch`` affects (rules of
    ``FULL_RULES``: all their leads), and those keys; keys None: a full screen was needed.

    ``stored``: the store's active leads (rule, case, subject); ``last``: the last run's
    ``as_of`` and ``horizon_warnings``."""
    keys = affected(engine, batch)
    close(keys, ((c, s) for _, c, s in stored))
    result, _ = _screen_closed(engine, library, as_of, keys, params)
    if last is None or str(last.get("as_of")) != as_of.isoformat() or _changed(result, last):
        return screen(engine, library, as_of, params=params), None
    if FULL_RULES:
        whole = screen(engine, library, as_of, list(FULL_RULES), params=params)
        result = _merged(result, whole.leads)
        result.versions.update(whole.versions)
    return result, keys


def _changed(result: ScreenResult, last: Mapping[str, Any]) -> bool:
    before = last.get("horizon_warnings")
    before = json.loads(before) if isinstance(before, str) else before or []
    return bool(before != [w.as_json() for w in result.warnings])


def _merged(result: ScreenResult, leads: list[Lead]) -> ScreenResult:
    result.leads = sorted([*result.leads, *leads], key=lambda x: (
        -x.score, x.rule_id, x.case_no or "", x.subject_id or ""))
    return result


def screen_batch(
    engine: Engine, library: Mapping[str, Rule], as_of: dt.date, store: WorkspaceLeads,
    batch: int | None = None, params: dict[str, dict[str, Any]] | None = None,
) -> ScreenResult:
    """Re-screen what ``batch`` (the newest by default) can change and replace those keys'
    leads in ``store`` in one transaction, keeping the rest (a full screen before any run)."""
    batch = store.last_batch() if batch is None else batch
    if batch is None:
        raise ValueError("工作库中没有已完成的导入批次，无法增量筛查；"
                         "请先 zhongben ingest 导入数据")
    result, keys = screen_incremental(engine, library, as_of, batch, store.active(),
                                      store.last_run(), params)
    scope = {"incremental_batch": batch, "full": keys is None}
    ran = [rule_id for rule_id in library if rule_id not in result.skipped]
    result.run_id = store.save_run(as_of, ran, params or {}, scope, result.leads,
                                   keys.contains if keys else None,
                                   [w.as_json() for w in result.warnings], result.versions)
    return result


def case_keys(engine: Engine, cases: Iterable[str]) -> Affected:
    """The keys of ``cases``: those cases and every party and judge of them (what a scoped
    screen of a few cases, e.g. the cases petitions name, must re-screen)."""
    cases = set(cases)
    _put(engine, "cases", "case_no", cases)
    subjects = _values(engine, f"""SELECT id_no_entity FROM parties WHERE case_no IN
        (SELECT case_no FROM {KEYS}_cases) UNION SELECT judge FROM cases WHERE case_no IN
        (SELECT case_no FROM {KEYS}_cases)""")
    return Affected(cases, subjects)


def screen_cases(
    engine: Engine, library: Mapping[str, Rule], as_of: dt.date, store: WorkspaceLeads,
    cases: Iterable[str], scope: Mapping[str, Any], params: dict[str, dict[str, Any]] | None = None,
) -> ScreenResult:
    """Screen only ``cases`` (and the keys their leads share) and replace those keys' leads in
    ``store`` in one transaction, keeping every other lead; ``scope`` is recorded with the run."""
    keys = case_keys(engine, cases)
    close(keys, ((c, s) for _, c, s in store.active()))
    result, local = _screen_closed(engine, library, as_of, keys, params)
    result.run_id = store.save_run(as_of, local, params or {}, dict(scope), result.leads,
                                   keys.contains, [w.as_json() for w in result.warnings])
    return result


def _screen_closed(engine: Engine, library: Mapping[str, Rule], as_of: dt.date, keys: Affected,
                   params: dict[str, dict[str, Any]] | None) -> tuple[ScreenResult, list[str]]:
    """Screen the local rules on ``keys``, widening them by what the leads share until a screen
    adds no key; the result and the rules it ran."""
    local = [r for r in library if r not in FULL_RULES]
    while True:
        put_keys(engine, keys)
        sources = restrict(engine, KEYS)
        try:
            inputs = {rule_id: sources for rule_id in local if rule_id not in WHOLE_INPUT}
            result = screen(engine, library, as_of, local, params=params, keys=KEYS,
                            inputs=inputs)
        finally:
            release(engine, KEYS, sources.values())
        if not close(keys, ((lead.case_no, lead.subject_id) for lead in result.leads)):
            return result, local
