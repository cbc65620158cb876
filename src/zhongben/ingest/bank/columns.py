"""Statement columns by header name: folded, tolerant of units in brackets (``金额(元)``) and of
the placeholders banks print for an empty cell (``------``, ``/``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyarrow as pa

from zhongben.ingest.bank.cells import PLACEHOLDER, fold


class Columns:
    """Column access by folded header name, tolerant of units in brackets (``金额(元)``)."""

    def __init__(self, rows: pa.Table) -> None:
        self.names = [n for n in rows.column_names if n != "_row"]
        self.data = [rows.column(n).to_pylist() for n in self.names]
        self.row_numbers = rows.column("_row").to_pylist() if "_row" in rows.column_names else []
        if not self.row_numbers:
            self.row_numbers = list(range(2, rows.num_rows + 2))
        self.index: dict[str, int] = {}
        for position, name in enumerate(self.names):
            self.index.setdefault(fold(name), position)
        for position, name in enumerate(self.names):
            self.index.setdefault(_unbracketed(fold(name)), position)

    def position(self, candidates: Sequence[str]) -> int | None:
        for candidate in candidates:
            found = self.index.get(fold(candidate))
            if found is not None:
                return found
        return None

    def get(self, candidates: Sequence[str], i: int) -> str:
        position = self.position(candidates)
        if position is None:
            return ""
        value = self.data[position][i]
        text = "" if value is None else str(value).strip()
        return "" if PLACEHOLDER.match(text) else text

    def row(self, i: int) -> list[str]:
        return [("" if col[i] is None else str(col[i]).strip()) for col in self.data]


_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]")


def _unbracketed(name: str) -> str:
    return _BRACKETS.sub("", name) or name


def header_matches(header: Sequence[str], wanted: Sequence[str]) -> bool:
    """All ``wanted`` cells are among ``header`` (compared folded, exact)."""
    folded = {fold(cell) for cell in header if cell}
    return all(fold(w) in folded for w in wanted)


def has_any(header: Sequence[str], candidates: Sequence[str]) -> bool:
    folded = {fold(cell) for cell in header if cell}
    folded |= {_unbracketed(cell) for cell in folded}
    return any(fold(c) in folded for c in candidates)
