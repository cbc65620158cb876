"""Vectorised Python UDFs behind the SQL fast path: the reference itself, run on the cells that the
SQL tiers do not read (rare forms, stray blanks, full-width text) and on failing cells (errors).

``clean`` scans the Arrow UTF-8 buffer with numpy so that only cells that need folding or stripping
reach Python; every other UDF maps the reference over its input.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from zhongben.contracts.model import Column, Kind
from zhongben.identifiers.case_no import normalise_case_no
from zhongben.identifiers.width import clean, clean_code
from zhongben.ingest.normalise.reference import normalise


def _byte_table(values: tuple[int, ...]) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[list(values)] = True
    return table


_ASCII_BLANKS = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20)
# First / last bytes of the blanks: ASCII ones, C2 A0, E2 80 8B, EF BB BF, E3 80 80.
_EDGE_FIRST = _byte_table((*_ASCII_BLANKS, 0xC2, 0xE2, 0xEF, 0xE3))
_EDGE_LAST = _byte_table((*_ASCII_BLANKS, 0xA0, 0x8B, 0xBF, 0x80))


def _string_array(values: pa.Array | pa.ChunkedArray) -> pa.StringArray:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks else pa.array([], pa.string())
    if values.type != pa.string():
        values = values.cast(pa.string())
    return values


def _fold_rows(data: pa.Buffer, view: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Row indices holding a full-width form (EF BC xx, EF BD xx) or U+3000 (E3 80 80)."""
    text = data.to_pybytes()
    if text.find(b"\xef") < 0 and text.find(b"\xe3\x80\x80") < 0:  # memchr: most columns
        return np.empty(0, dtype=np.intp)
    body = view[:-2] if len(view) > 2 else view[:0]
    cand = np.flatnonzero((body == 0xEF) | (body == 0xE3))
    if len(cand) == 0:
        return cand
    lead, second, third = view[cand], view[cand + 1], view[cand + 2]
    hit = ((lead == 0xEF) & ((second == 0xBC) | (second == 0xBD))) | (
        (lead == 0xE3) & (second == 0x80) & (third == 0x80)
    )
    return np.searchsorted(ends, cand[hit], side="right")


def _needs_python(values: pa.StringArray) -> tuple[np.ndarray, np.ndarray]:
    """Empty cells (and NULLs), and the other rows that may need folding or stripping (a
    superset: Python decides exactly)."""
    n = len(values)
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int32)[
        values.offset : values.offset + n + 1
    ]
    starts, ends = offsets[:-1], offsets[1:]
    empty = ends == starts
    flagged = np.zeros(n, dtype=bool)
    raw = values.buffers()[2]
    if raw is None or raw.size == 0 or n == 0:
        return empty, flagged
    view = np.frombuffer(raw, dtype=np.uint8)
    rows = _fold_rows(raw, view, ends)
    flagged[rows[rows < n]] = True
    nonempty = ~empty
    flagged |= nonempty & _EDGE_FIRST[view[np.minimum(starts, len(view) - 1)]]
    flagged |= nonempty & _EDGE_LAST[view[np.maximum(ends - 1, 0)]]
    return empty, flagged & nonempty


_clean_cached = lru_cache(maxsize=1 << 16)(clean)


def _bool_array(mask: np.ndarray) -> pa.BooleanArray:
    """A boolean Arrow array from a NumPy mask without pyarrow's pandas probe (which imports
    pandas: most of a second on first use)."""
    bits = np.packbits(mask, bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), len(mask), [None, pa.py_buffer(bits.tobytes())])


def _null_where(array: pa.StringArray, empty: np.ndarray) -> pa.StringArray:
    """The same cells, NULL where ``empty``: only a new validity bitmap, the text is shared."""
    valid = ~empty
    if array.null_count:
        bits = np.frombuffer(array.buffers()[0], dtype=np.uint8)
        valid &= (
            np.unpackbits(bits, bitorder="little")[array.offset : array.offset + len(array)] == 1
        )
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little").tobytes())
    offsets = array.buffers()[1]
    if array.offset:
        start = array.offset * 4
        offsets = offsets.slice(start, (len(array) + 1) * 4)
    return pa.Array.from_buffers(pa.string(), len(array), [bitmap, offsets, array.buffers()[2]])


def clean_array(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """``width.clean`` over an Arrow array: empty cells become NULL, untouched cells are passed
    through as they are, only cells that may need folding or stripping reach Python."""
    array = _string_array(values)
    empty, flagged = _needs_python(array)
    if empty.any():
        array = _null_where(array, empty)
    if not flagged.any():
        return array
    mask = _bool_array(flagged)
    replacements = [_clean_cached(text) for text in array.filter(mask).to_pylist()]
    return pc.replace_with_mask(array, mask, pa.array(replacements, pa.string()))


CACHE_SIZE = 1 << 16  # ledgers repeat values (dates, IDs across tables): parse each once


def _mapper(fn: Callable[[Any], Any], result: pa.DataType) -> Callable[[pa.Array], pa.Array]:
    cached = lru_cache(maxsize=CACHE_SIZE)(fn)

    def udf(values: pa.Array | pa.ChunkedArray) -> pa.Array:
        return pa.array([cached(v) for v in _string_array(values).to_pylist()], type=result)

    return udf


def _value_of(kind: Kind) -> Callable[[str | None], Any]:
    column = Column("c", "c", kind)
    return lambda raw: normalise(column, raw).value


def _error_of(kind: Kind) -> Callable[[str | None], Any]:
    column = Column("c", "c", kind)
    return lambda raw: normalise(column, raw).error


def _invalid_of(kind: Kind) -> Callable[[str | None], Any]:
    column = Column("c", "c", kind)
    return lambda raw: normalise(column, raw).invalid


_ARROW_TYPES: dict[Kind, tuple[pa.DataType, str]] = {
    Kind.DATE: (pa.date32(), "DATE"),
    Kind.TIMESTAMP: (pa.timestamp("us"), "TIMESTAMP"),
    Kind.MONTH: (pa.date32(), "DATE"),
    Kind.AMOUNT: (pa.decimal128(18, 2), "DECIMAL(18,2)"),
    Kind.NUMBER: (pa.float64(), "DOUBLE"),
    Kind.INTEGER: (pa.int32(), "INTEGER"),
    Kind.PERSON_ID: (pa.string(), "VARCHAR"),
    Kind.USCC: (pa.string(), "VARCHAR"),
    Kind.PARTY_ID: (pa.string(), "VARCHAR"),
}


def value_udf(kind: Kind) -> str:
    return f"zb_value_{kind.value}"


def error_udf(kind: Kind) -> str:
    return f"zb_error_{kind.value}"


def invalid_udf(kind: Kind) -> str:
    return f"zb_invalid_{kind.value}"


CLEAN = "zb_clean"
CLEAN_CODE = "zb_clean_code"
CASE_NO = "zb_case_no"


def _udfs() -> list[tuple[str, Callable[[pa.Array], pa.Array], str]]:
    udfs = [
        (CLEAN, clean_array, "VARCHAR"),
        (CLEAN_CODE, _mapper(clean_code, pa.string()), "VARCHAR"),
        (CASE_NO, _mapper(normalise_case_no, pa.string()), "VARCHAR"),
    ]
    for kind, (arrow_type, sql_type) in _ARROW_TYPES.items():
        udfs.append((value_udf(kind), _mapper(_value_of(kind), arrow_type), sql_type))
        if kind in (Kind.PERSON_ID, Kind.USCC, Kind.PARTY_ID):
            udfs.append((invalid_udf(kind), _mapper(_invalid_of(kind), pa.string()), "VARCHAR"))
        else:
            udfs.append((error_udf(kind), _mapper(_error_of(kind), pa.string()), "VARCHAR"))
    return udfs


def register_udfs(con: duckdb.DuckDBPyConnection) -> None:
    for name, fn, result in _udfs():
        with contextlib.suppress(duckdb.InvalidInputException, duckdb.CatalogException):
            con.remove_function(name)
        con.create_function(  # type: ignore[call-overload]
            name, fn, ["VARCHAR"], result, type="arrow", null_handling="special", side_effects=False
        )
