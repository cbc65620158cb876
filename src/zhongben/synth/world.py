"""The world under construction: table fragments (kept as compact Arrow tables), the planted
truth and the near-misses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

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
    """Everything generated so far, one list of Arrow fragments per table."""

    tables: dict[str, list[pa.Table]] = field(default_factory=dict)
    truth: list[Lead] = field(default_factory=list)
    near_misses: list[tuple[Lead, str]] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)
    # identity noise a plant asks for on one of its rows (``synth.identity.noise.Request``)
    identity_requests: list[Any] = field(default_factory=list)
    # rows --messy gives a wrong check digit: (table, column, row positions)
    messy_ids: list[tuple[str, str, Any]] = field(default_factory=list)

    def add(self, table: str, frame: Frame) -> None:
        from zhongben.synth.write import to_arrow

        if length(frame):
            self.tables.setdefault(table, []).append(to_arrow(table, frame))

    def add_rows(self, table: str, rows: Sequence[Row]) -> None:
        if rows:
            self.add(table, from_rows(rows, kinds(table)))

    def plant(self, rule_id: str, case_no: str | None, subject_id: str | None) -> None:
        self.truth.append(Lead(rule_id, case_no, subject_id))

    def near_miss(
        self, rule_id: str, case_no: str | None, subject_id: str | None, what: str
    ) -> None:
        self.near_misses.append((Lead(rule_id, case_no, subject_id), what))

    def arrow(self, table: str) -> pa.Table:
        """All fragments of a table as one Arrow table."""
        return pa.concat_tables(self.tables[table])

    def frame(self, table: str) -> Frame:
        from zhongben.synth.write import to_frame

        return to_frame(self.arrow(table))

    def row_count(self, table: str) -> int:
        return sum(t.num_rows for t in self.tables.get(table, []))
