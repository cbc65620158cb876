"""Deterministic output: one UTF-8 CSV per table with canonical headers (the clean variant),
``truth.csv`` and ``manifest.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from zhongben.synth.frame import Frame
from zhongben.synth.schema import kinds
from zhongben.synth.world import Lead

CSV_OPTIONS = pacsv.WriteOptions(quoting_style="needed")


def to_arrow(table: str, frame: Frame) -> pa.Table:
    cols = kinds(table)
    arrays = []
    for col, kind in cols.items():
        arrays.append(_array(frame[col], kind))
    return pa.table(arrays, names=list(cols))


def _array(values: np.ndarray, kind: str) -> pa.Array:
    if kind == "date":
        return pa.array(values.astype("datetime64[D]"), mask=np.isnat(values), type=pa.date32())
    if kind == "ts":
        return pa.array(values.astype("datetime64[s]"), mask=np.isnat(values),
                        type=pa.timestamp("s"))
    if kind == "num":
        vals = np.round(values.astype(float), 2)
        finite = np.isfinite(vals)
        if np.all(vals[finite] == np.round(vals[finite])):
            return pa.array(np.where(finite, vals, 0).astype(np.int64), mask=~finite)
        return pa.array(vals, mask=~finite)
    return pa.array(values, type=pa.string())


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
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                    encoding="utf-8")
