"""``screen --incremental``: re-screen only what a load batch can change, with the same leads a
full screen gives.

The affected keys of a batch (``zhongben.rules.keys``): the cases, subjects (entities) and
accounts its rows name, widened along the links rules follow, then to every case of those subjects
and every party and judge of those cases. Each rule then reads only the rows those keys' leads can
rest on (``zhongben.rules.inputs``: the large tables cut down, once per screen) and keeps only the
rows of those keys (``rules.run.scoped``); the leads of those keys are replaced in the store in
one transaction, and every other lead is kept.

A lead is scored with the other leads on its case or subject, so the key set is closed under the
leads themselves: every lead (stored or new) on an affected case adds its subject, and on an
affected subject its case, until nothing is added (``close``).

A rule whose lead for an untouched key can change with a row anywhere (``FULL_RULES``) runs in
full first, and the keys of all its leads, found or stored, join the affected ones; and the
whole library runs in full when the screening date or the data horizons differ from the last
run's, since both change every lead's explanation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from zhongben.engine.base import Engine
from zhongben.leads.store import WorkspaceLeads
from zhongben.rules.inputs import WHOLE_INPUT, release, restrict
from zhongben.rules.keys import KEYS, Affected, affected, case_keys, close, put_keys
from zhongben.rules.screen import ScreenResult, screen
from zhongben.rules.spec import Rule

__all__ = [
    "FULL_RULES",
    "Affected",
    "case_keys",
    "close",
    "put_keys",
    "screen_batch",
    "screen_cases",
    "screen_incremental",
]
# rule → why its lead for an untouched key can change with a row of another key
FULL_RULES: dict[str, str] = {
    "XJ-04": "每名法官的终本占比与全院同期结案比较：任一结案都改变全院比例",
}


def screen_incremental(
    engine: Engine, library: Mapping[str, Rule], as_of: dt.date, batch: int,
    stored: Sequence[tuple[str, str | None, str | None]], last: Mapping[str, Any] | None,
    params: dict[str, dict[str, Any]] | None = None,
) -> tuple[ScreenResult, Affected | None]:
    """The leads of every rule of ``library`` for the keys ``batch`` affects (rules of
    ``FULL_RULES``: all their leads), and those keys; keys None: a full screen was needed.

    ``stored``: the store's active leads (rule, case, subject); ``last``: the last run's
    ``as_of`` and ``horizon_warnings``."""
    if last is None or str(last.get("as_of")) != as_of.isoformat():  # known before any work
        return screen(engine, library, as_of, params=params), None
    keys = affected(engine, batch)
    _widen_full(engine, library, as_of, keys, stored, params)
    close(keys, ((c, s) for _, c, s in stored))
    result, _ = _screen_closed(engine, library, as_of, keys, params)
    if _changed(result, last):  # the data horizons moved: every lead's explanation changes
        return screen(engine, library, as_of, params=params), None
    return result, keys


def _widen_full(engine: Engine, library: Mapping[str, Rule], as_of: dt.date, keys: Affected,
                stored: Iterable[tuple[str, str | None, str | None]],
                params: dict[str, dict[str, Any]] | None) -> None:
    """Add to ``keys`` the keys of every lead of ``FULL_RULES``, found now or stored."""
    full = [rule_id for rule_id in FULL_RULES if rule_id in library]
    found = screen(engine, library, as_of, full, params=params).leads if full else []
    pairs = [(x.case_no, x.subject_id) for x in found]
    pairs += [(c, s) for rule_id, c, s in stored if rule_id in FULL_RULES]
    for case_no, subject_id in pairs:
        keys.cases.update([case_no] if case_no else [])
        keys.subjects.update([subject_id] if subject_id else [])


def _changed(result: ScreenResult, last: Mapping[str, Any]) -> bool:
    before = last.get("horizon_warnings")
    before = json.loads(before) if isinstance(before, str) else before or []
    return bool(before != [w.as_json() for w in result.warnings])


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
    local = list(library)
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
