"""``entities_truth.csv``: one row per person or company mention of the world — ``table,
source_row, column, true_entity, noise``. ``source_row`` is numbered as ingest's provenance
numbers rows (the header is row 1, the first data row is row 2, in the order the file is
written); ``true_entity`` is the person's current 身份证号 or the company's 统一社会信用代码;
``noise`` names what was planted (``typo``, ``masked``, ``passport``, ``old_id;former_name`` …),
empty for a clean mention."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from zhongben.identity.evaluate import ENTITIES_TRUTH
from zhongben.identity.sources import SOURCES

__all__ = ["ENTITIES_TRUTH", "MentionTruth", "clean_truth"]
HEADER = ("table", "source_row", "column", "true_entity", "noise")
IDENTITY_TABLES = ("identity_documents", "person_names", "id_changes", "company_history")
SCHEMA = pa.schema([(n, pa.int64() if n == "source_row" else pa.string()) for n in HEADER])


class MentionTruth:
    def __init__(self) -> None:
        self.parts: dict[str, list[pa.Table]] = defaultdict(list)
        self.offset: dict[str, int] = defaultdict(int)

    def add(self, table: str, column: str, true: np.ndarray, noise: np.ndarray | None) -> None:
        """The mentions of one column of the current fragment of ``table``."""
        values = np.asarray(true, dtype=object)
        keep = np.flatnonzero(np.fromiter((v is not None for v in values), bool, len(values)))
        if not len(keep):
            return
        labels = np.full(len(keep), "", dtype=object) if noise is None else noise[keep]
        self.parts[table].append(pa.table({
            "table": pa.array(np.full(len(keep), table, dtype=object), pa.string()),
            "source_row": pa.array(keep + self.offset[table] + 2, pa.int64()),
            "column": pa.array(np.full(len(keep), column, dtype=object), pa.string()),
            "true_entity": pa.array(values[keep], pa.string()),
            "noise": pa.array(labels, pa.string()),
        }, schema=SCHEMA))

    def next_fragment(self, table: str, rows: int) -> None:
        self.offset[table] += rows

    def registries(self, world: Any) -> None:
        """The identity registries' own mentions (an old ID in id_changes is the new one's)."""
        for table in IDENTITY_TABLES:
            for fragment in world.tables.get(table, []):
                for source in (s for s in SOURCES if s.table == table):
                    column = "new_id" if source.column == "old_id" else source.column
                    values = fragment.column(column).to_numpy(zero_copy_only=False)
                    self.add(table, source.column, values, None)
                self.next_fragment(table, fragment.num_rows)

    def mark(self, table: str, column: str, rows: np.ndarray, label: str) -> None:
        """Label mentions noisy after the fact (the wrong check digits of --messy)."""
        wanted = set((np.asarray(rows) + 2).tolist())
        parts = []
        for part in self.parts.get(table, []):
            hit = [c == column and r in wanted for c, r in zip(
                part.column("column").to_pylist(), part.column("source_row").to_pylist(),
                strict=True)]
            if any(hit):
                noise = [label if h else n for h, n in zip(hit, part.column("noise").to_pylist(),
                                                           strict=True)]
                part = part.set_column(4, "noise", pa.array(noise, pa.string()))
            parts.append(part)
        self.parts[table] = parts

    def noise_counts(self) -> dict[str, int]:
        """Mentions per planted noise label."""
        counts: dict[str, int] = defaultdict(int)
        for parts in self.parts.values():
            for part in parts:
                for label in part.column("noise").to_pylist():
                    if label:
                        counts[label] += 1
        return dict(sorted(counts.items()))

    def write(self, path: Path) -> int:
        rows = 0
        options = pacsv.WriteOptions(quoting_style="needed")
        with pacsv.CSVWriter(str(path), SCHEMA, write_options=options) as writer:
            for table in sorted(self.parts):
                for part in self.parts[table]:
                    writer.write_table(part)
                    rows += part.num_rows
        return rows


def clean_truth(world: Any) -> MentionTruth:
    """The truth of a world without identity noise: every mention is its own ID."""
    truth = MentionTruth()
    for table in world.tables:
        sources = [s for s in SOURCES if s.table == table]
        for fragment in world.tables[table] if sources else []:
            for source in sources:
                truth.add(table, source.column,
                          fragment.column(source.column).to_numpy(zero_copy_only=False), None)
            truth.next_fragment(table, fragment.num_rows)
    return truth
