"""The proof an anonymised export owes: no original name, ID, phone, plate, account number, address
or case number appears anywhere in it — as a whole cell of any table, or inside any text (a
number or code as a token, a name as any part of a free-text cell) — and the rules find as many
leads per rule on it as on the original."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from zhongben.anon.bytescan import byte_leaks
from zhongben.anon.columns import CHECKED, TEXT, kind_of
from zhongben.anon.pseudonyms import generated_part, is_person_name, quotes_name
from zhongben.engine.opener import open_read

TOKEN = re.compile(r"[0-9A-Za-z]{6,}")
PLATE = re.compile(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}")


@dataclass(frozen=True)
class Leak:
    table: str
    column: str
    value: str


def originals(source: Path) -> tuple[set[str], set[str]]:
    """Every original sensitive value, and the person names among them."""
    values: set[str] = set()
    with open_read(source) as con:
        for table, column in _varchar_columns(con):
            if kind_of(table, column) in CHECKED:
                values.update(v for (v,) in con.execute(
                    f'select distinct "{column}" from "{table}" where "{column}" is not null')
                    .fetchall())
    return values, {v for v in values if is_person_name(v)}


def _varchar_columns(con: object) -> list[tuple[str, str]]:
    rows = con.execute("select table_name, column_name from information_schema.columns "  # type: ignore[attr-defined]
                       "where data_type = 'VARCHAR' or data_type = 'JSON'")
    return [(t, c) for t, c in rows.fetchall()]


def leak_check(source: Path, out: Path, limit: int = 20) -> list[Leak]:
    """Leaks in ``out``'s tables (through SQL), else in its raw bytes (what SQL cannot see: the
    blocks of values a file rewrote in place)."""
    known, names = originals(source)
    found = _table_leaks(out, known, names, limit)
    if not found:
        found = [Leak("（文件字节）", "—", value) for value in byte_leaks(out, known, names, limit)]
    return found


def _table_leaks(out: Path, known: set[str], names: set[str], limit: int) -> list[Leak]:
    sized = {len(v) for v in known if v.isascii() and v.isalnum()}
    found: list[Leak] = []
    with open_read(out) as con:
        for table, column in _varchar_columns(con):
            for (value,) in con.execute(f'select distinct cast("{column}" as varchar) from '
                                        f'"{table}" where "{column}" is not null').fetchall():
                kind = kind_of(table, column)
                if value in known or _leaks(
                        generated_part(kind or "", value) if kind == "address" else value,
                        known, names, sized, column in TEXT or table == "leads"):
                    found.append(Leak(table, column, value))
                    if len(found) >= limit:
                        return found
    return found


def _leaks(value: str, known: set[str], names: set[str], sized: set[int], text: bool) -> bool:
    if value in known:
        return True
    for token in TOKEN.findall(value):
        if any(token[i:i + n] in known for n in sized for i in range(len(token) - n + 1)):
            return True
    if any(plate in known for plate in PLATE.findall(value)):
        return True
    return (text or len(value) > 8) and quotes_name(value, names)


def lead_counts(workspace: Path, as_of: date) -> Counter[str]:
    """Leads per rule from a screen of a scratch copy (the workspace itself is not touched)."""
    from zhongben.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="zhongben-anon-") as folder:
        copy = Path(folder) / workspace.name
        shutil.copyfile(workspace, copy)
        result = Workspace(copy).screen(as_of)
        return Counter(lead.rule_id for lead in result.leads)
