"""The cut tables of an incremental screen (``zhongben.rules.inputs``) hold every row a lead of
the keys rests on: on the literal rows of each rule's own tests (its positives, near misses and
negatives: a row cut from a NOT EXISTS would make a lead), each rule run on the cut tables of the
keys of one case (the case, its parties, its judge) or one party gives exactly the rows of those
keys that it gives on the whole tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.leads.model import Lead
from zhongben.rules.inputs import WHOLE_INPUT, release, restrict
from zhongben.rules.keys import KEYS, Affected, case_keys, close, put_keys
from zhongben.rules.loader import load_library
from zhongben.rules.run import prepare, run_rule
from zhongben.rules.spec import Rule
from zhongben.rules.testing import _merge, load_rows, read_tests

LIBRARY = load_library()
CUT_RULES = sorted(rule_id for rule_id in LIBRARY if rule_id not in WHOLE_INPUT)


def _shown(leads: list[Lead]) -> dict[str, tuple[object, ...]]:
    return {x.key: (x.facts, x.evidence, x.explanation) for x in leads}


def _keysets(engine: DuckDBEngine, rows: dict[str, list[dict[str, Any]]]) -> Iterator[Affected]:
    for row in rows.get("cases", []):
        yield case_keys(engine, [str(row["case_no"])])
    for row in rows.get("parties", []):
        if row.get("id_no"):
            yield Affected(set(), {str(row["id_no"])})


def _on_cut(engine: DuckDBEngine, rule: Rule, day: dt.date, params: dict[str, Any],
            keys: Affected, full: list[Lead]) -> list[Lead]:
    """The rule's leads for ``keys`` on their cut tables, keys closed over what it finds."""
    close(keys, ((x.case_no, x.subject_id) for x in full))
    while True:
        put_keys(engine, keys)
        sources = restrict(engine, KEYS)
        try:
            found = run_rule(engine, rule, day, params, keys=KEYS, sources=sources)
        finally:
            release(engine, KEYS, sources.values())
        if not close(keys, ((x.case_no, x.subject_id) for x in found)):
            return found


@pytest.mark.parametrize("rule_id", CUT_RULES)
def test_a_rule_on_the_cut_tables_of_one_key_finds_what_it_finds_on_all(rule_id: str) -> None:
    rule = LIBRARY[rule_id]
    tests = read_tests(rule.test_path)
    for case in tests.tests:
        rows = _merge(tests.input, case.input)
        day = case.as_of or tests.as_of
        params = {**tests.params, **case.params}
        engine = DuckDBEngine.in_memory()
        try:
            load_rows(engine, rows)
            prepare(engine)
            full = run_rule(engine, rule, day, params)
            for keys in _keysets(engine, rows):
                got = _on_cut(engine, rule, day, params, keys, full)
                want = [x for x in full if keys.contains(x.case_no, x.subject_id)]
                assert _shown(got) == _shown(want), (case.name, sorted(keys.cases))
        finally:
            engine.close()
