"""Column frames: a table fragment as ``{column: numpy array}`` (object arrays for text with
``None`` as null, ``datetime64`` with NaT as null, float with NaN as null)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

Frame = dict[str, np.ndarray]
Row = dict[str, Any]


def length(frame: Mapping[str, np.ndarray]) -> int:
    return len(next(iter(frame.values()))) if frame else 0


def text(values: Iterable[Any]) -> np.ndarray:
    """An object array of str/None."""
    out = np.empty(0, dtype=object) if not isinstance(values, list | np.ndarray) else None
    arr = np.asarray(list(values) if out is not None else values, dtype=object)
    return arr


def filled(n: int, value: Any) -> np.ndarray:
    arr = np.empty(n, dtype=object)
    arr[:] = value
    return arr


def nat(n: int, unit: str = "D") -> np.ndarray:
    return np.full(n, np.datetime64("NaT"), dtype=f"datetime64[{unit}]")


def take(frame: Frame, index: np.ndarray) -> Frame:
    return {k: v[index] for k, v in frame.items()}


def to_rows(frame: Frame) -> list[Row]:
    cols = list(frame)
    n = length(frame)
    return [{c: _py(frame[c][i]) for c in cols} for i in range(n)]


def _py(value: Any) -> Any:
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else value
    if isinstance(value, np.floating) and np.isnan(value):
        return None
    return value


def from_rows(rows: Sequence[Row], kinds: Mapping[str, str]) -> Frame:
    """Rows to a frame; ``kinds`` maps column -> 'text' | 'date' | 'ts' | 'num'."""
    out: Frame = {}
    for col, kind in kinds.items():
        vals = [r.get(col) for r in rows]
        if kind == "date":
            out[col] = np.array(
                [np.datetime64("NaT") if v is None else v for v in vals], dtype="datetime64[D]"
            )
        elif kind == "ts":
            out[col] = np.array(
                [np.datetime64("NaT") if v is None else v for v in vals], dtype="datetime64[s]"
            )
        elif kind == "num":
            out[col] = np.array([np.nan if v is None else float(v) for v in vals], dtype=float)
        else:
            out[col] = np.array([None if v is None else str(v) for v in vals], dtype=object)
    return out
