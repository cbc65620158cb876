"""The --messy rendering: what real ledgers look like. Chinese headers with synonyms and units,
Chinese file names, GB18030 / BOM / tab-separated files, one workbook with two sheets, mixed date
forms, full-width characters, amounts with separators or in 万元, court codes for 结案方式, a few
wrong check digits, exact duplicate rows and a few rows that must be quarantined.

None of it changes the truth: see ``corrupt`` for which rows are touched."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from zhongben.contracts import TABLES, Kind
from zhongben.contracts.court import CLOSE_METHOD_CODES
from zhongben.synth import render
from zhongben.synth.config import SynthConfig
from zhongben.synth.corrupt import bad_ids, extra_rows
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame
from zhongben.synth.rng import stream
from zhongben.synth.world import World

GB18030 = ("parties", "restrictions", "lawsuits")
TAB_SEPARATED = ("vehicles",)
WITH_BOM = ("actions", "companies")
WORKBOOK = ("payments", "auctions")
WORKBOOK_NAME = "执行款与拍卖.xlsx"
CODE_OF = {v: k for k, v in CLOSE_METHOD_CODES.items() if k.startswith("09_")}


def write_messy(world: World, factory: Factory, out: Path, config: SynthConfig) -> dict[str, int]:
    rng = stream(config.seed, "messy")
    rows: dict[str, int] = {}
    sheets: list[tuple[str, list[str], list[list[object]]]] = []
    for name in TABLES:
        if name not in world.tables or name == "transactions":
            continue
        frame = bad_ids(world, factory.citizens["id"], name, world.frame(name), rng)
        headers, cells = _render(name, frame, rng)
        cells = extra_rows(world, name, list(TABLES[name].column_names), cells, rng)
        rows[name] = len(cells)
        if name in WORKBOOK:
            sheets.append((TABLES[name].zh, headers, cells))
        else:
            _write_text(out, name, headers, cells)
    _write_workbook(out / WORKBOOK_NAME, sheets)
    from zhongben.synth.bank import write_transactions

    rows["transactions"] = write_transactions(factory, out, config, chinese=True)
    return rows


def header_for(table: str, column: str) -> str:
    """A deterministic choice among the column's Chinese name and synonyms (never ambiguous)."""
    col = TABLES[table].column(column)
    names = [n for n in (col.zh, *col.synonyms) if _names_only(table, n, column)]
    pick = names[zlib.crc32(f"{table}.{column}".encode()) % len(names)] if names else col.zh
    if col.kind == Kind.AMOUNT and "(" not in pick:
        pick += "(元)"
    return pick


def _names_only(table: str, name: str, column: str) -> bool:
    """True when ``name`` names no other column of the table (first column listing it wins)."""
    for col in TABLES[table].columns:
        if name in col.header_names:
            return col.name == column
    return False


def _render(
    table: str, frame: Frame, rng: np.random.Generator
) -> tuple[list[str], list[list[object]]]:
    cols = []
    for col in TABLES[table].columns:
        cols.append(_cells(table, col.name, col.kind, frame[col.name], rng))
    headers = [header_for(table, c.name) for c in TABLES[table].columns]
    return headers, [list(r) for r in zip(*cols, strict=True)] if cols and len(cols[0]) else []


def _cells(
    table: str, name: str, kind: Kind, values: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    if kind == Kind.DATE:
        return render.dates(values, rng)
    if kind == Kind.TIMESTAMP:
        return render.timestamps(values, rng)
    if kind == Kind.AMOUNT:
        return render.amounts(values.astype(float), rng)
    if kind in (Kind.NUMBER, Kind.INTEGER):
        return np.array(
            [
                None if not np.isfinite(v) else (int(v) if v == int(v) else round(v, 2))
                for v in values.astype(float)
            ],
            dtype=object,
        )
    if kind == Kind.CASE_NO:
        return render.full_width(values, rng, 0.1)
    if kind in (Kind.PERSON_ID, Kind.PARTY_ID):
        return render.lower_x(values)
    if table == "cases" and name == "close_method":
        codes = rng.random(len(values)) < 0.25
        return np.array(
            [CODE_OF.get(v, v) if c and v else v for v, c in zip(values, codes, strict=True)],
            dtype=object,
        )
    if kind == Kind.TEXT and name in ("name", "owner_name", "holder_name"):
        return render.padded(values, rng, 0.03)
    return values


def _write_text(out: Path, table: str, headers: list[str], cells: list[list[object]]) -> None:
    columns: list[list[object]] = (
        [list(c) for c in zip(*cells, strict=True)] if cells else [[] for _ in headers]
    )
    arrays = [
        pa.array([None if v is None else str(v) for v in c], type=pa.string()) for c in columns
    ]
    data = pa.table(arrays, names=[f"c{i}" for i in range(len(headers))])
    sep = "\t" if table in TAB_SEPARATED else ","
    buf = io.BytesIO()
    pacsv.write_csv(
        data, buf, pacsv.WriteOptions(include_header=False, delimiter=sep, quoting_style="needed")
    )
    text = sep.join(headers) + "\n" + buf.getvalue().decode("utf-8")
    stem = TABLES[table].zh if zlib.crc32(table.encode()) % 2 else table
    if table in GB18030:
        (out / f"{stem}.csv").write_bytes(text.encode("gb18030"))
    elif table in WITH_BOM:
        (out / f"{stem}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    else:
        (out / f"{stem}.csv").write_bytes(text.encode("utf-8"))


def _write_workbook(path: Path, sheets: list[tuple[str, list[str], list[list[object]]]]) -> None:
    import datetime as dt

    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": False})
    book.set_properties({"created": dt.datetime(2025, 1, 1), "author": "zhongben synth"})
    for sheet_name, headers, cells in sheets:
        sheet = book.add_worksheet(sheet_name)
        sheet.write_row(0, 0, headers)
        for r, row in enumerate(cells, start=1):
            sheet.write_row(r, 0, ["" if v is None else v for v in row])
    book.close()
