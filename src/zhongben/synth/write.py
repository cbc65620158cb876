"""Deterministic output: one UTF-8 CSV per table with canonical headers (the clean variant),
``truth.csv`` and ``manifest.json``; and the conversions between column frames and Arrow."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from zhongben.contracts import TABLES, Kind
from zhongben.synth.frame import Frame, length
from zhongben.synth.schema import kinds
from zhongben.synth.world import Lead

CSV_OPTIONS = pacsv.WriteOptions(quoting_style="needed")


@cache
def arrow_type(table: str, column: str) -> pa.DataType:
    kind = kinds(table)[column]
    if kind == "date":
        return pa.date32()
    if kind == "ts":
        return pa.timestamp("s")
    if kind == "num":
        return pa.int64() if TABLES[table].column(column).kind == Kind.INTEGER else pa.float64()
    return pa.string()


def to_arrow(table: str, frame: Frame) -> pa.Table:
    """A frame (any subset of the table's columns) as an Arrow table of the full contract shape."""
    n = length(frame)
    arrays = []
    for col in kinds(table):
        typ = arrow_type(table, col)
        arrays.append(_array(frame[col], typ) if col in frame else pa.nulls(n, typ))
    return pa.table(arrays, names=list(kinds(table)))


def _array(values: np.ndarray, typ: pa.DataType) -> pa.Array:
    if typ == pa.date32():
        values = np.asarray(values, dtype="datetime64[D]")
        return pa.array(values, mask=np.isnat(values), type=typ)
    if typ == pa.timestamp("s"):
        values = np.asarray(values, dtype="datetime64[s]")
        return pa.array(values, mask=np.isnat(values), type=typ)
    if typ in (pa.float64(), pa.int64()):
        vals = np.round(np.asarray(values, dtype=float), 2)
        finite = np.isfinite(vals)
        clean = np.where(finite, vals, 0)
        return pa.array(clean.astype(np.int64) if typ == pa.int64() else clean, mask=~finite)
    return pa.array(np.asarray(values, dtype=object), type=pa.string())


def to_frame(table: pa.Table) -> Frame:
    """Arrow back to numpy columns (object arrays for text, NaT/NaN for nulls)."""
    out: Frame = {}
    for name, col in zip(table.column_names, table.columns, strict=True):
        if pa.types.is_date32(col.type):
            days = col.cast(pa.int32()).to_numpy(zero_copy_only=False)
            out[name] = _dates(days, "D")
        elif pa.types.is_timestamp(col.type):
            secs = col.cast(pa.int64()).to_numpy(zero_copy_only=False)
            out[name] = _dates(secs, "s")
        elif pa.types.is_integer(col.type) or pa.types.is_floating(col.type):
            out[name] = col.cast(pa.float64()).to_numpy(zero_copy_only=False).astype(float)
        else:
            out[name] = col.to_numpy(zero_copy_only=False).astype(object)
    return out


def _dates(values: np.ndarray, unit: str) -> np.ndarray:
    v = values.astype(float)
    ok = np.isfinite(v)
    out = np.full(len(v), np.datetime64("NaT"), dtype=f"datetime64[{unit}]")
    out[ok] = v[ok].astype(np.int64).astype(f"datetime64[{unit}]")
    return out


def write_csv(path: Path, table: pa.Table) -> None:
    pacsv.write_csv(table, str(path), CSV_OPTIONS)


def truth_rows(truth: list[Lead]) -> list[tuple[str, str, str]]:
    rows = {(t.rule_id, t.case_no or "", t.subject_id or "") for t in truth}
    return sorted(rows)


def write_truth(path: Path, truth: list[Lead]) -> int:
    rows = truth_rows(truth)
    lines = ["rule_id,case_no,subject_id", *(",".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    path.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
