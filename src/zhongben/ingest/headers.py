"""Header texts → contract columns, and file/sheet names → contract tables.

Real ledgers vary: full-width characters, blanks inside names, units in brackets
(``申请执行标的金额(元)``, ``标的（万元）``), title rows above the header. Matching is on a
folded form of the text; a unit of 万元 in a header is remembered so the values are scaled.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from zhongben.contracts import TABLES, Column, Table

_BRACKETED = re.compile(r"[(\[【{](.*?)[)\]】}]")
_UNIT_TAIL = re.compile(r"(?:/|单位[:：]?)(万元|元|万)$")
_NAME_SEPARATORS = re.compile(r"[\s_\-—.·、，,()（）\[\]【】0-9]+")


def fold_text(text: str) -> str:
    """NFKC-fold (full-width → half-width), drop all blanks, lower-case ASCII."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).lower()


@dataclass(frozen=True)
class HeaderCell:
    """A header cell reduced to its name and unit."""

    name: str  # folded, without bracketed parts
    unit: str | None  # "万" when values are in 万元, "元" when stated as yuan, else None


def parse_header(text: str) -> HeaderCell:
    folded = fold_text(text)
    unit = None
    for part in _BRACKETED.findall(folded):
        unit = unit or _unit_of(part)
    name = _BRACKETED.sub("", folded)
    tail = _UNIT_TAIL.search(name)
    if tail:
        unit = unit or _unit_of(tail.group(1))
        name = name[: tail.start()]
    # A name that was nothing but brackets (e.g. "(元)") keeps its folded text.
    return HeaderCell(name=name or folded, unit=unit)


def _unit_of(text: str) -> str | None:
    text = text.replace("单位", "").strip(":：")
    if text in ("万元", "万", "万元人民币"):
        return "万"
    if text in ("元", "人民币元", "元人民币"):
        return "元"
    return None


@cache
def column_index(table_name: str) -> dict[str, Column]:
    """Folded header name → column, for one table."""
    index: dict[str, Column] = {}
    for column in TABLES[table_name].columns:
        for name in column.header_names:
            index.setdefault(parse_header(name).name, column)
    return index


def map_headers(table: Table, headers: list[str]) -> dict[int, tuple[Column, str | None]]:
    """Position → (column, unit) for each header cell that names a column of ``table``.

    The first cell naming a column wins; later cells naming the same column are left unmapped.
    """
    index = column_index(table.name)
    mapped: dict[int, tuple[Column, str | None]] = {}
    taken: set[str] = set()
    for position, text in enumerate(headers):
        if not text:
            continue
        cell = parse_header(text)
        column = index.get(cell.name)
        if column is not None and column.name not in taken:
            mapped[position] = (column, cell.unit)
            taken.add(column.name)
    return mapped


@cache
def _table_names() -> list[tuple[str, str]]:
    """(folded name, table) pairs, longest name first."""
    pairs = [(fold_text(n), t.name) for t in TABLES.values() for n in t.file_names]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def table_for_name(stem: str) -> Table | None:
    """The table a file or sheet name designates: an exact name, or a name followed by a
    separator or digits (``cases_2023``, ``执行案件-嵊州``, ``当事人（2024）``)."""
    folded = fold_text(stem)
    for name, table_name in _table_names():
        if folded == name:
            return TABLES[table_name]
    for name, table_name in _table_names():
        rest = folded[len(name) :] if folded.startswith(name) else None
        if rest is not None and _NAME_SEPARATORS.match(rest):
            return TABLES[table_name]
    return None


def find_header_row(table: Table, rows: list[list[str]]) -> int | None:
    """Index of the row among ``rows`` (the first rows of a sheet) that best names the columns
    of ``table``; None when no row names any of its required columns."""
    best, best_score = None, 0
    required = {c.name for c in table.required}
    for i, row in enumerate(rows):
        mapped = {col.name for col, _ in map_headers(table, row).values()}
        score = len(mapped) + 10 * len(mapped & required)
        if score > best_score:
            best, best_score = i, score
    return best
