"""Which keys a batch affects (``zhongben.rules.keys``), row by row: on the literal rows of the
tests of each rule whose leads reach across keys (accounts and their moves, relatives and
companies, assets and their owners, seized targets, another case of the debtor, a court's
closings), every row in turn is loaded last, as its own batch; the incremental screen after it
must leave the store with exactly the leads a full screen gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

from zhongben.engine.duckdb import DuckDBEngine, ensure_schema
from zhongben.ingest.catalog import ensure_catalog, finish_batch, start_batch
from zhongben.leads.store import WorkspaceLeads
from zhongben.rules.incremental import screen_batch
from zhongben.rules.loader import load_library
from zhongben.rules.screen import screen
from zhongben.rules.testing import _merge, read_tests, rows_table

LIBRARY = load_library()
ACROSS = ("FL-01", "FL-02", "FL-03", "FL-04", "FL-05", "FL-06", "PM-03", "CF-03", "DC-02",
          "DC-04", "DC-05", "DC-06", "XJ-01", "XJ-02", "XJ-03", "XJ-04", "HF-01", "HF-02", "HF-04")
Rows = dict[str, list[dict[str, object]]]


def _splits(rows: Rows) -> Iterator[tuple[str, Rows]]:
    """Each row of ``rows`` marked as batch 2, the others batch 1."""
    for table, items in rows.items():
        for index in range(len(items)):
            marked = [{**r, "_batch": 2} if i == index else r for i, r in enumerate(items)]
            yield f"{table}[{index}]", {**rows, table: marked}


def _load(con: duckdb.DuckDBPyConnection, rows: Rows, batch: int) -> None:
    number = start_batch(con, f"batch {batch}")
    assert number == batch
    for table, items in rows.items():
        con.register("zb_rows", rows_table(table, items))
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM zb_rows WHERE _batch = {batch}')
        con.unregister("zb_rows")
    finish_batch(con, batch)


def _stored(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[object, ...]]:
    rows = con.execute("SELECT lead_key, score, explanation FROM leads "
                       "WHERE status = 'active'").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def _check(rule_id: str, rows: Rows, day: dt.date, params: dict[str, object]) -> None:
    library = {rule_id: LIBRARY[rule_id]}
    config = {rule_id: params} if params else None
    for name, split in _splits(rows):
        con = duckdb.connect()
        try:
            ensure_schema(con)
            ensure_catalog(con)
            engine, store = DuckDBEngine(con), WorkspaceLeads(con)
            for batch in (1, 2):
                _load(con, split, batch)
                screen_batch(engine, library, day, store, params=config)
            full = screen(engine, library, day, params=config)
            assert _stored(con) == {x.key: (x.score, x.explanation) for x in full.leads}, name
        finally:
            con.close()


@pytest.mark.slow
@pytest.mark.parametrize("rule_id", ACROSS)
def test_each_row_of_a_rule_s_tests_loaded_last_is_screened_incrementally(rule_id: str) -> None:
    tests = read_tests(LIBRARY[rule_id].test_path)
    for case in tests.tests:
        if case.kind == "positive":
            _check(rule_id, _merge(tests.input, case.input), case.as_of or tests.as_of,
                   {**tests.params, **case.params})
