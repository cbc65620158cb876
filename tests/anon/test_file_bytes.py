"""The export's file holds no original in its raw bytes — not only in what SQL shows: DuckDB keeps
rewritten values in a file's blocks, and an export that rewrote a copy in place carried every
original to whoever received it. Checked by a plain byte scan here, and the export's own byte
scan is shown to catch a file rewritten in place."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pytest

from zhongben.anon.bytescan import byte_leaks
from zhongben.anon.check import leak_check, originals
from zhongben.anon.export import anonymise, new_key, read_key
from zhongben.synth import generate
from zhongben.workspace import Workspace

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("o'brien folder")  # a quote in the path is no SQL
    generate(seed=7, scale="tiny", out=folder / "world", as_of=AS_OF, plants=1)
    source = folder / "ws.duckdb"
    Workspace(source).ingest([folder / "world"], quarantine_dir=folder / "quarantine")
    key = folder / "office.key"
    new_key(key)
    out = folder / "anon.duckdb"
    anonymise(source, out, read_key(key), as_of=AS_OF)
    return source, out


def _originals(source: Path) -> tuple[set[str], set[str]]:
    with duckdb.connect(str(source), read_only=True) as con:
        ids = {v for (v,) in con.execute(
            "select id_no from parties union select phone from parties union select account_no "
            "from bank_accounts union select owner_id from vehicles").fetchall() if v}
        names = {v for (v,) in con.execute(
            "select name from parties union select holder_name from bank_accounts").fetchall()
            if v and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", v)}
    return {v for v in ids if len(v) >= 11}, names


def test_no_original_in_the_raw_bytes(exported: tuple[Path, Path]) -> None:
    source, out = exported
    ids, names = _originals(source)
    assert len(ids) > 50 and len(names) > 20
    data = out.read_bytes()
    assert [v for v in ids if v.encode() in data] == []
    # a name as a whole string: a length byte or a non-Han byte on each side
    runs = set(re.findall(r"[\u4e00-\u9fff]+", data.decode("utf-8", "replace")))
    assert names & runs == set()
    assert not list(out.parent.glob("*.part")) and not list(out.parent.glob(".*.work"))


def test_strings_are_stored_visibly(exported: tuple[Path, Path]) -> None:
    """The byte scan means something only if the export's strings are not compressed away."""
    _, out = exported
    with duckdb.connect(str(out), read_only=True) as con:
        pseudonyms = [v for (v,) in con.execute("select id_no from parties").fetchall() if v]
    data = out.read_bytes()
    assert all(v.encode() in data for v in pseudonyms)


def test_the_byte_scan_catches_a_file_rewritten_in_place(exported: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    source, out = exported
    known, names = originals(source)
    phone = sorted(v for v in _originals(source)[0] if len(v) == 18)[0]  # an ID
    rewritten = tmp_path / "rewritten.duckdb"
    with duckdb.connect(str(rewritten)) as con:
        con.execute("set force_compression = 'uncompressed'")
        con.execute("create table notes as select ? || range as note from range(2000)", [phone])
        con.execute("checkpoint")
        con.execute("update notes set note = 'x' || rowid")
        con.execute("checkpoint")
        assert con.execute("select count(*) from notes where note like ?",
                           [f"%{phone}%"]).fetchone() == (0,)
    assert phone in byte_leaks(rewritten, known, names)
    assert leak_check(source, out) == []
    assert [x.table for x in leak_check(source, rewritten)] == ["（文件字节）"]


def test_file_and_sheet_names_are_keyed(exported: tuple[Path, Path]) -> None:
    source, out = exported
    with duckdb.connect(str(out), read_only=True) as con:
        files = {v for (v,) in con.execute("select distinct _file from parties union "
                                           "select distinct _file from bank_accounts").fetchall()}
    with duckdb.connect(str(source), read_only=True) as con:
        before = {Path(v).name for (v,) in con.execute(
            "select distinct _file from parties union select distinct _file from bank_accounts")
            .fetchall()}
    assert files and all(re.fullmatch(r"文件-[0-9a-f]{12}(\.\w+)?", f) for f in files)
    assert len(files) == len(before) and not files & before
