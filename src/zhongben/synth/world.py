"""The world under construction: table fragments, the planted truth and the near-misses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from zhongben.synth.frame import Frame, Row, from_rows, length
from zhongben.synth.schema import kinds


@dataclass(frozen=True)
class Lead:
    """One lead at the grain of docs/reference/leads.md (``None`` = null)."""

    rule_id: str
    case_no: str | None
    subject_id: str | None


@dataclass
class World:
    """Everything generated so far. Tables are lists of frames, concatenated when written."""

    tables: dict[str, list[Frame]] = field(default_factory=dict)
    truth: list[Lead] = field(default_factory=list)
    near_misses: list[tuple[Lead, str]] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)

    def add(self, table: str, frame: Frame) -> None:
        if length(frame):
            self.tables.setdefault(table, []).append(frame)

    def add_rows(self, table: str, rows: Sequence[Row]) -> None:
        if rows:
            self.add(table, from_rows(rows, kinds(table)))

    def plant(self, rule_id: str, case_no: str | None, subject_id: str | None) -> None:
        self.truth.append(Lead(rule_id, case_no, subject_id))

    def near_miss(self, rule_id: str, case_no: str | None, subject_id: str | None,
                  what: str) -> None:
        self.near_misses.append((Lead(rule_id, case_no, subject_id), what))

    def frame(self, table: str) -> Frame:
        """All fragments of a table as one frame, contract columns only (missing -> null)."""
        cols = kinds(table)
        parts = self.tables.get(table, [])
        out: Frame = {}
        for col, kind in cols.items():
            arrays = [column_of(p, col, kind) for p in parts]
            out[col] = np.concatenate(arrays) if arrays else empty_column(kind, 0)
        return out

    def row_count(self, table: str) -> int:
        return sum(length(p) for p in self.tables.get(table, []))


def empty_column(kind: str, n: int) -> np.ndarray:
    if kind == "date":
        return np.full(n, np.datetime64("NaT", "D"))
    if kind == "ts":
        return np.full(n, np.datetime64("NaT", "s"))
    if kind == "num":
        return np.full(n, np.nan)
    return np.full(n, None, dtype=object)


def column_of(part: Frame, col: str, kind: str) -> np.ndarray:
    if col not in part:
        return empty_column(kind, length(part))
    arr = part[col]
    if kind == "date":
        return arr.astype("datetime64[D]")
    if kind == "ts":
        return arr.astype("datetime64[s]")
    if kind == "num":
        return arr.astype(float)
    return arr.astype(object)
