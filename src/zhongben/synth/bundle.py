"""A bundle of table fragments produced together (one batch of cases), mergeable and editable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from zhongben.synth.frame import Frame, Row, from_rows, length, to_rows
from zhongben.synth.schema import kinds
from zhongben.synth.world import World


@dataclass
class Bundle:
    parts: dict[str, list[Frame]] = field(default_factory=dict)

    def add(self, table: str, frame: Frame) -> None:
        if length(frame):
            self.parts.setdefault(table, []).append(frame)

    def add_rows(self, table: str, rows: list[Row]) -> None:
        if rows:
            self.add(table, from_rows(rows, kinds(table)))

    def rows(self, table: str) -> list[Row]:
        return [r for f in self.parts.get(table, []) for r in to_rows(f)]

    def set_rows(self, table: str, rows: list[Row]) -> None:
        self.parts[table] = [from_rows(rows, kinds(table))] if rows else []

    def edit(self, table: str, fn: Callable[[list[Row]], list[Row]]) -> None:
        self.set_rows(table, fn(self.rows(table)))

    def commit(self, world: World) -> None:
        for table, frames in self.parts.items():
            for frame in frames:
                world.add(table, frame)


def actions(case_no: np.ndarray, action: str, acted_on: np.ndarray, **cols: object) -> Frame:
    """An actions fragment: one row per element of ``case_no``; scalar extras are broadcast."""
    n = len(case_no)
    frame: Frame = {
        "case_no": case_no,
        "action": np.full(n, action, dtype=object),
        "acted_on": np.asarray(acted_on, dtype="datetime64[D]"),
    }
    for name, value in cols.items():
        if isinstance(value, np.ndarray):
            frame[name] = value
        else:
            arr = np.empty(n, dtype=object if not isinstance(value, float) else float)
            arr[:] = value
            frame[name] = arr
    return frame
