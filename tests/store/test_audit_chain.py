"""The hash-chained audit log: written with its change, chained without forks under concurrent
writers, refused any change through the application's connection, and every edit, deletion or
insertion made behind its back found by ``zhongben audit verify`` (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, delete, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.store.audit import Actor, record
from zhongben.store.audit_verify import Anchor, verify_chain
from zhongben.store.db import database_url, open_database, upgrade
from zhongben.store.models import AuditEntry, AuditHead

ACTOR = Actor(1, "jcg", "检察官", 1, "127.0.0.1")


def _write(sessions: sessionmaker[Session], n: int, tag: str = "t") -> None:
    for i in range(n):
        with sessions.begin() as s:
            record(s, ACTOR, "view_personal", "lead", f"{tag}{i}", page=i, note="查看")


def _verify(sessions: sessionmaker[Session], anchor: Anchor | None = None) -> list[str]:
    with sessions() as s:
        return verify_chain(s, anchor).problems


def _tamper(sessions: sessionmaker[Session], *statements: str) -> None:
    """What someone with direct write access to the database does (the guards switched off)."""
    engine: Engine = sessions.kw["bind"]
    with engine.begin() as con:
        if engine.dialect.name == "postgresql":
            con.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            con.execute(text("ALTER TABLE audit_head DISABLE TRIGGER USER"))
        else:
            for name in ("audit_log_no_update", "audit_log_no_delete", "audit_head_forward"):
                con.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        for statement in statements:
            con.execute(text(statement))
        if engine.dialect.name == "postgresql":
            con.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))
            con.execute(text("ALTER TABLE audit_head ENABLE TRIGGER USER"))


def test_entries_are_chained_in_order_and_verify(app_sessions: sessionmaker[Session]) -> None:
    _write(app_sessions, 5)
    with app_sessions() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        head = s.get(AuditHead, 1)
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    assert head is not None and (head.seq, head.entry_hash) == (5, entries[-1].entry_hash)
    assert _verify(app_sessions) == []


def test_a_rolled_back_change_leaves_no_entry(app_sessions: sessionmaker[Session]) -> None:
    with app_sessions() as s:
        record(s, ACTOR, "matter.event", "matter", "1")
        s.rollback()
        s.commit()
    _write(app_sessions, 1)
    with app_sessions() as s:
        assert [e.object_id for e in s.scalars(select(AuditEntry))] == ["t0"]


def test_the_application_cannot_change_or_delete_an_entry(
        app_sessions: sessionmaker[Session]) -> None:
    _write(app_sessions, 2)
    for change in (update(AuditEntry).values(detail={}), delete(AuditEntry),
                   update(AuditHead).values(seq=0), delete(AuditHead)):
        with app_sessions() as s, pytest.raises(DBAPIError, match="审计日志只能追加"):
            s.execute(change)
            s.commit()
    assert _verify(app_sessions) == []


def test_concurrent_writers_never_fork_the_chain(app_sessions: sessionmaker[Session]) -> None:
    threads = [threading.Thread(target=_write, args=(app_sessions, 15, f"w{k}-"))
               for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with app_sessions() as s:
        seqs = list(s.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
    assert seqs == list(range(1, 91))
    assert _verify(app_sessions) == []


def test_an_edited_entry_is_found(app_sessions: sessionmaker[Session]) -> None:
    _write(app_sessions, 6)
    _tamper(app_sessions, "UPDATE audit_log SET username = 'someone' WHERE seq = 3")
    problems = _verify(app_sessions)
    assert len(problems) == 1 and "第 3 条" in problems[0] and "被修改" in problems[0]


def test_an_edit_with_all_later_hashes_recomputed_is_found_by_the_anchor(
        app_sessions: sessionmaker[Session], tmp_path: Path) -> None:
    from zhongben.store.audit_chain import GENESIS, hash_of

    _write(app_sessions, 4)
    with app_sessions() as s:
        anchor = verify_chain(s).head
    with app_sessions() as s:  # rewrite entry 2 and re-chain everything after it
        rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    rows[1].object_id, prev, statements = "forged", GENESIS, []
    for row in rows:
        new = hash_of(row, prev, int(row.seq or 0))
        statements.append(f"UPDATE audit_log SET object_id = '{row.object_id}', "
                          f"prev_hash = '{prev}', entry_hash = '{new}' WHERE seq = {row.seq}")
        prev = new
    statements.append(f"UPDATE audit_head SET entry_hash = '{prev}'")
    _tamper(app_sessions, *statements)
    assert _verify(app_sessions) == []  # the chain alone cannot tell…
    problems = _verify(app_sessions, anchor)  # …the anchor kept outside can
    assert problems and "锚点" in problems[0]


def test_deleted_entries_are_found_in_the_middle_and_at_the_end(
        app_sessions: sessionmaker[Session]) -> None:
    _write(app_sessions, 6)
    _tamper(app_sessions, "DELETE FROM audit_log WHERE seq IN (2, 3)")
    assert any("第 2–3 条缺失" in p for p in _verify(app_sessions))
    _tamper(app_sessions, "DELETE FROM audit_log WHERE seq = 6")
    assert any("末尾第 6–6 条缺失" in p for p in _verify(app_sessions))


def test_an_entry_inserted_behind_the_apps_back_is_found(
        app_sessions: sessionmaker[Session]) -> None:
    _write(app_sessions, 2)
    _tamper(app_sessions, "INSERT INTO audit_log (at, action, object_type, detail) "
                          "VALUES ('2026-01-01 00:00:00', 'login', 'user', '{}')")
    assert any("不在链上" in p for p in _verify(app_sessions))


def test_entries_written_before_the_chain_are_chained_by_the_migration(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    engine = create_engine(database_url(db))
    upgrade(engine, "0002")
    with engine.begin() as con:
        for i in range(3):
            con.execute(text("INSERT INTO audit_log (at, user_id, username, action, object_type,"
                             " object_id, detail) VALUES (:at, 1, 'jcg', 'login', 'user', :o,"
                             " '{\"k\": 1}')"), {"at": f"2026-11-0{i + 1} 09:00:00.000000",
                                                 "o": str(i)})
    engine.dispose()
    sessions = open_database(db)
    _write(sessions, 2)
    with sessions() as s:
        report = verify_chain(s)
    assert report.ok and report.entries == 5


def test_audit_verify_command_exits_1_on_an_edited_entry(
        app_sessions: sessionmaker[Session], app_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    _write(app_sessions, 3)
    anchor = tmp_path / "anchor.json"
    made = runner.invoke(app, ["audit", "anchor", "--app-db", app_db, "--out", str(anchor)])
    assert made.exit_code == 0, made.output
    ok = runner.invoke(app, ["audit", "verify", "--app-db", app_db, "--anchor", str(anchor)])
    assert ok.exit_code == 0 and "散列链完整" in ok.output
    _tamper(app_sessions, "UPDATE audit_log SET action = 'login' WHERE seq = 2")
    broken = runner.invoke(app, ["audit", "verify", "--app-db", app_db])
    assert broken.exit_code == 1
    assert "第 2 条" in broken.output and "被修改" in broken.output
