"""Per-person date shift of the birth date an ID number carries (the date that identifies a person
most): each person's birth date moves by a keyed number of days, chosen so that the person's age
on every date in the person's own records (and on the screening date) stays the same — a rule
asking whether a debtor was a minor when listed (ZB-04) finds the same leads. A person whose
records leave no room keeps the day (counted in the report)."""

from __future__ import annotations

import hashlib
import hmac
from bisect import bisect_left
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from zhongben.anon.columns import kind_of
from zhongben.identifiers import id_card

if TYPE_CHECKING:
    import duckdb

MAX_DAYS = 60


def _day_of_year(month: int, day: int) -> int:
    return date(2000, month, day).timetuple().tm_yday  # a leap year: 29 February has a place


def birth_shifts(con: duckdb.DuckDBPyConnection, key: bytes,
                 tables: dict[str, list[tuple[str, str]]],
                 as_of: date | None = None) -> dict[str, int]:
    """Days each valid person ID's birth date moves (0 when no day keeps every age)."""
    seen: dict[str, set[int]] = defaultdict(set)
    for table, cols in tables.items():
        ids = [c for c, _ in cols if kind_of(table, c) == "id" or c.endswith("_entity")]
        days = [c for c, k in cols if (k == "DATE" or k.startswith("TIMESTAMP"))
                and not c.startswith("_")]
        for id_col in ids:
            for day_col in days:
                rows = con.execute(
                    f'select distinct "{id_col}", month("{day_col}"), day("{day_col}") '
                    f'from src."{table}" where "{id_col}" is not null and "{day_col}" is not null')
                for value, month, day in rows.fetchall():
                    seen[value].add(_day_of_year(month, day))
            for (value,) in con.execute(f'select distinct "{id_col}" from src."{table}" '
                                        f'where "{id_col}" is not null').fetchall():
                seen.setdefault(value, set())
    if as_of is not None:
        for marks in seen.values():
            marks.add(_day_of_year(as_of.month, as_of.day))
    return {v: _shift(key, v, marks) for v, marks in seen.items()
            if isinstance(v, str) and id_card.is_valid(v)}


def _shift(key: bytes, value: str, marks: set[int]) -> int:
    born = id_card.birth_date(value)
    assert born is not None
    b = _day_of_year(born.month, born.day)
    ordered = sorted(marks)
    at = bisect_left(ordered, b)
    # the age on a date d is kept while (d < birthday) does not change: the new birthday stays
    # above the last mark before it and at or below the first mark at or after it
    low = ordered[at - 1] if at > 0 else 0
    high = ordered[at] if at < len(ordered) else 367
    choices = []
    for days in range(-MAX_DAYS, MAX_DAYS + 1):
        moved = born + timedelta(days=days)
        if days and moved.year == born.year and low < _day_of_year(moved.month, moved.day) <= high:
            choices.append(days)
    if not choices:
        return 0
    pick = int.from_bytes(hmac.new(key, f"birth|{value}".encode(), hashlib.sha256).digest()[:4],
                          "big")
    return choices[pick % len(choices)]
