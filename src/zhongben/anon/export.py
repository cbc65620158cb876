"""``zhongben export anonymised``: the workspace's contract tables copied into a new workspace with
keyed pseudonyms, every date moved back by the same whole number of years, free text scrubbed
(see ``zhongben.anon.pseudonyms`` and the note of issue 18). Written to a temporary file renamed
into place only when complete; the source is opened read-only."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import pyarrow as pa

from zhongben.anon.births import birth_shifts
from zhongben.anon.check import Leak, leak_check
from zhongben.anon.columns import ORDER, SENSITIVE, kind_of
from zhongben.anon.pseudonyms import Pseudonymiser, is_person_name
from zhongben.anon.scrub import scrub
from zhongben.engine.fresh_copy import fresh_copy, sql_path
from zhongben.engine.opener import open_read, open_write

if TYPE_CHECKING:
    import duckdb

MIN_KEY_BYTES = 16
KEPT_TABLES = ("data_horizons",)  # besides the loaded contract tables (those with ``_file``)


class AnonymiseError(RuntimeError):
    """A Chinese message saying what is wrong and what to do."""


class LeakFound(AnonymiseError):
    """The finished export still holds original values: nothing was written."""

    def __init__(self, leaks: list[Leak]) -> None:
        super().__init__("泄露检查未通过，未写出输出文件：" + "；".join(
            f"表 {leak.table} 列 {leak.column} 含原始值" for leak in leaks))
        self.leaks = leaks


@dataclass(frozen=True)
class AnonReport:
    out: Path
    tables: int
    rows: int
    values: int  # distinct original values replaced
    year_shift: int
    births_moved: int  # person IDs whose birth date moved
    persons: int


def read_key(path: Path) -> bytes:
    if not path.is_file():
        raise AnonymiseError(f"找不到密钥文件 {path}；请用 --new-key 生成一个，并由本院妥善保管")
    key = path.read_bytes().strip()
    if len(key) < MIN_KEY_BYTES:
        raise AnonymiseError(f"密钥文件 {path} 太短（{len(key)} 字节）："
                             f"至少需要 {MIN_KEY_BYTES} 字节")
    return key


def new_key(path: Path) -> None:
    if path.exists():
        raise AnonymiseError(f"密钥文件 {path} 已存在，不会覆盖；如确需新密钥请换一个文件名")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(os.urandom(32).hex().encode())


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute("select table_name, column_name, data_type from information_schema.columns"
                       " where table_catalog = 'src' order by table_name, ordinal_position")
    found: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows.fetchall():
        found.setdefault(table, []).append((column, kind))
    return {t: c for t, c in found.items()
            if t in KEPT_TABLES or any(name == "_file" for name, _ in c)}


def anonymise(source: Path, out: Path, key: bytes, shift_years: int = 0,
              as_of: date | None = None) -> AnonReport:
    """``shift_years`` moves every date back by whole years (off by default: rules tied to the
    dates laws changed and to the holiday calendar then find other leads); birth dates in IDs
    always move per person, keeping each person's ages (``zhongben.anon.births``).

    The pseudonyms are written in a work file, whose rewritten blocks still hold the originals;
    the output is a fresh copy of it (``zhongben.engine.fresh_copy``), leak-checked — every
    table through SQL and the file's raw bytes — before it is renamed into place."""
    _refuse(source, out)
    work, tmp = out.with_name(f".{out.name}.work"), out.with_name(out.name + ".part")
    _remove(work, tmp)
    p = Pseudonymiser(key, shift_years)
    try:
        tables, rows = _build(source, work, p, as_of)
        fresh_copy(work, tmp)
        _remove(work)
        leaks = leak_check(source, tmp)
        if leaks:
            raise LeakFound(leaks)
    except BaseException:
        _remove(work, tmp)
        raise
    tmp.rename(out)
    moved = sum(1 for days in p.births.values() if days)
    return AnonReport(out, len(tables), rows, len(p.memo), p.year_shift, moved, len(p.births))


def _refuse(source: Path, out: Path) -> None:
    if out.exists():
        raise AnonymiseError(f"输出文件 {out} 已存在，不会覆盖；请换一个文件名或先移走它")
    if not source.is_file():
        raise AnonymiseError(f"找不到工作库文件 {source}")
    with open_read(source):  # busy or damaged: the typed Chinese error, before anything is written
        pass


def _remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".wal").unlink(missing_ok=True)


def _build(source: Path, work: Path, p: Pseudonymiser,
           as_of: date | None) -> tuple[dict[str, list[tuple[str, str]]], int]:
    with open_write(work) as con:
        con.execute(f"attach {sql_path(source)} as src (read_only)")
        tables = _tables(con)
        columns = [(t, c, kind_of(t, c)) for t, cols in tables.items() for c, _ in cols]
        _collect(con, p, columns)
        p.births = birth_shifts(con, p.key, tables, as_of)
        rows = 0
        for table in tables:
            con.execute(f'drop table if exists main."{table}"')
            con.execute(f'create table main."{table}" as select * from src."{table}"')
            rows += con.execute(f'select count(*) from main."{table}"').fetchone()[0]  # type: ignore[index]
        con.execute("detach src")
        for kind in ORDER:
            for table, column, k in columns:
                if k == kind:
                    _replace(con, p, table, column, kind)
        for table, cols in tables.items():
            if p.year_shift:
                _shift_dates(con, p, table, cols)
            _provenance(con, p, table, [c for c, _ in cols])
    return tables, rows


def _collect(con: duckdb.DuckDBPyConnection, p: Pseudonymiser,
             columns: list[tuple[str, str, str | None]]) -> None:
    for table, column, kind in columns:
        if kind not in SENSITIVE:
            continue
        values = [v for (v,) in con.execute(f'select distinct cast("{column}" as varchar) from '
                                            f'src."{table}" where "{column}" is not null')
                  .fetchall()]
        p.originals.update(values)
        if kind == "name":
            p.person_names.update(v for v in values if is_person_name(v))


def _replace(con: duckdb.DuckDBPyConnection, p: Pseudonymiser, table: str, column: str,
             kind: str) -> None:
    values = [v for (v,) in con.execute(f'select distinct "{column}" from main."{table}" '
                                        f'where "{column}" is not null').fetchall()]
    if not values or not isinstance(values[0], str):
        return
    values.sort()
    new = [scrub(p, v) if kind == "text" else p.map(kind, v) for v in values]
    mapping = pa.table({"old": values, "new": new})  # noqa: F841  (read by DuckDB by name)
    con.execute(f'update main."{table}" set "{column}" = m.new from mapping as m '
                f'where main."{table}"."{column}" = m.old')


def _shift_dates(con: duckdb.DuckDBPyConnection, p: Pseudonymiser, table: str,
                 cols: list[tuple[str, str]]) -> None:
    shifted = [f'"{c}" = "{c}" - interval {p.year_shift} year' if kind.startswith("TIMESTAMP")
               else f'"{c}" = cast("{c}" - interval {p.year_shift} year as date)'
               for c, kind in cols if kind == "DATE" or kind.startswith("TIMESTAMP")
               if not c.startswith("_") and c not in ("computed_at",)]
    if "case_year" in (c for c, _ in cols):
        shifted.append(f"case_year = case_year - {p.year_shift}")
    if shifted:
        con.execute(f'update main."{table}" set {", ".join(shifted)}')


def _provenance(con: duckdb.DuckDBPyConnection, p: Pseudonymiser, table: str,
                cols: list[str]) -> None:
    """A row keeps its row number and batch; its file's name (often a person's: 张三银行流水.xlsx)
    becomes a keyed name with the same extension, its sheet name is scrubbed, its file's hash
    is keyed."""
    keyed = {"_file": lambda v: _keyed_file(p, v), "_sheet": lambda v: scrub(p, v),
             "_file_hash": lambda v: hmac.new(p.key, v.encode(), hashlib.sha256).hexdigest()}
    for column, make in keyed.items():
        if column not in cols:
            continue
        values = [v for (v,) in con.execute(f'select distinct "{column}" from main."{table}" '
                                            f'where "{column}" is not null').fetchall()]
        if values:
            mapping = pa.table({"old": values, "new": [make(v) for v in values]})  # noqa: F841
            con.execute(f'update main."{table}" set "{column}" = m.new from mapping as m '
                        f'where main."{table}"."{column}" = m.old')


def _keyed_file(p: Pseudonymiser, path: str) -> str:
    name = PurePath(path.replace("\\", "/")).name
    suffix = PurePath(name).suffix if len(PurePath(name).suffix) <= 6 else ""
    digest = hmac.new(p.key, f"file|{name}".encode(), hashlib.sha256).hexdigest()[:12]
    return f"文件-{digest}{suffix}"
