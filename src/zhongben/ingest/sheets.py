"""What every reader yields: sheets of raw text cells (``RawSheet``) and the rows below a header
(``Body``), with the row numbers a user sees."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

__all__ = ["Body", "RawSheet", "unique_names"]


@dataclass
class Body:
    """The rows below a header: all cells as strings plus ``_row``; rows that could not even be
    split into cells (wrong number of fields) as (row number, Chinese reason)."""

    table: pa.Table
    unreadable: list[tuple[int, str]]


@dataclass
class RawSheet:
    """One table-shaped part of a file: a CSV, a workbook sheet, a Parquet file."""

    file: Path
    sheet: str | None
    head: list[list[str]]  # the first rows, as text
    read_below: Callable[[int], Body]  # header row index → all rows below it
    # The same, tolerant of rows longer or shorter than the header (statements as banks
    # export them: a trailing comma on every line, notes in the first column only).
    read_loose: Callable[[int], Body] | None = None

    @property
    def label(self) -> str:
        return f"{self.file}［{self.sheet}］" if self.sheet else str(self.file)


def unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for i, name in enumerate(names):
        base = name or f"_unnamed_{i}"
        count = seen.get(base, 0)
        seen[base] = count + 1
        unique.append(base if count == 0 else f"{base}__{count}")
    return unique
