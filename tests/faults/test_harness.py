"""The kill loop's comparison (kill_harness) — the fast part of the fault tests, in the quick
loop: a rerun may differ from an uninterrupted run only in bookkeeping (batch numbers, clocks,
the batch cited in evidence); any other difference is seen."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).parent))

from kill_harness import _rows


def _table(rows: list[tuple[int, str, float]]) -> list[tuple[object, ...]]:
    con = duckdb.connect()
    con.execute("create table t (_batch int, evidence varchar, amount double)")
    con.executemany("insert into t values (?, ?, ?)", rows)
    return _rows(con, "t", ["_batch", "evidence", "amount"])


def test_batch_numbers_are_bookkeeping() -> None:
    first = _table([(1, '{"batch": 1, "row": 7}', 10.0), (1, '{"batch": 1}', 2.5)])
    rerun = _table([(3, '{"batch": 2}', 2.5), (2, '{"batch": 3, "row": 7}', 10.0)])
    assert first == rerun  # the order of rows and the batch they came in do not count


def test_any_other_difference_is_seen() -> None:
    first = _table([(1, '{"batch": 1, "row": 7}', 10.0)])
    assert _table([(1, '{"batch": 1, "row": 8}', 10.0)]) != first
    assert _table([(1, '{"batch": 1, "row": 7}', 10.5)]) != first
    assert _table([(1, '{"batch": 1, "row": 7}', 10.0)] * 2) != first  # a row loaded twice
