"""``zhongben backup`` / ``zhongben restore``: restored into a fresh folder (and a fresh database),
every table of the workspace and of the application database compares equal, the audit chain
verifies, and a damaged backup or an occupied target is refused without restoring anything."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.store.audit import record
from zhongben.store.audit_verify import verify_chain
from zhongben.store.db import database_url, open_database
from zhongben.store.testing import PG_ENV, actor_of, reset_postgres, worker_database
from zhongben.workspace import Workspace

RUNNER = CliRunner()


def _workspace(path: Path) -> Workspace:
    workspace = Workspace(path)
    csv = path.parent / "cases.csv"
    csv.write_text("案号,执行法院,立案日期,申请执行标的金额\n"
                   "(2024)浙0683执1号,嵊州市人民法院,2024-01-02,1000\n"
                   "(2024)浙0683执2号,嵊州市人民法院,2024-01-03,坏金额\n", encoding="utf-8")
    workspace.ingest([csv], quarantine_dir=workspace.quarantine_dir)
    return workspace


def _workspace_rows(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    with workspace.connect(read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE "
                                           "database_name = current_database()").fetchall()]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr)
                for n in names}


def _app_rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(database_url(db))
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as con:
        rows = {t.name: sorted((tuple(r) for r in con.execute(select(t))), key=repr)
                for t in meta.sorted_tables}
    engine.dispose()
    return rows


def _target(app_db: str, tmp_path: Path) -> str:
    if "://" not in app_db:
        return str(tmp_path / "restored" / "ws.app.sqlite")
    url = worker_database(worker_database(os.environ[PG_ENV]))  # another, fresh database
    reset_postgres(url)
    return url


@pytest.mark.slow  # a whole backup and restore
def test_backup_and_restore_into_a_fresh_folder_compare_equal(
        seeded: sessionmaker[Session], app_db: str, tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws.duckdb")
    with seeded.begin() as s:
        record(s, actor_of(s, "jcg"), "view_personal", "lead", "k1", note="查看")
    out = tmp_path / "backup"
    made = RUNNER.invoke(app, ["backup", "--db", str(workspace.path), "--app-db", app_db,
                               "--out", str(out)])
    assert made.exit_code == 0, made.output
    restored, target = Workspace(tmp_path / "restored" / "ws.duckdb"), _target(app_db, tmp_path)
    done = RUNNER.invoke(app, ["restore", str(out), "--db", str(restored.path),
                               "--app-db", target])
    assert done.exit_code == 0, done.output
    assert _workspace_rows(restored) == _workspace_rows(workspace)
    assert sorted(p.name for p in restored.quarantine_dir.iterdir()) == sorted(
        p.name for p in workspace.quarantine_dir.iterdir())
    assert _app_rows(target) == _app_rows(app_db)
    sessions = open_database(target)
    with sessions() as s:
        assert verify_chain(s).ok
    with sessions.begin() as s:  # the copy goes on: new ids after the restored ones, chain intact
        record(s, actor_of(s, "jcg"), "login", "user", "jcg")
    with sessions() as s:
        assert verify_chain(s).ok and verify_chain(s).entries == len(_app_rows(app_db)[
            "audit_log"]) + 1
    sessions.kw["bind"].dispose()


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_a_damaged_backup_or_an_occupied_target_restores_nothing(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws.duckdb")
    out = tmp_path / "backup"
    assert RUNNER.invoke(app, ["backup", "--db", str(workspace.path), "--out", str(out)]
                         ).exit_code == 0
    occupied = RUNNER.invoke(app, ["restore", str(out), "--db", str(workspace.path)])
    assert occupied.exit_code == 2 and "已存在" in occupied.output
    assert RUNNER.invoke(app, ["backup", "--db", str(workspace.path), "--out", str(out)]
                         ).exit_code == 2  # never over an earlier backup
    victim = next((out / "workspace").glob("*.parquet"))
    victim.write_bytes(victim.read_bytes()[:-10])
    target = tmp_path / "restored" / "ws.duckdb"
    damaged = RUNNER.invoke(app, ["restore", str(out), "--db", str(target)])
    assert damaged.exit_code == 2 and "损坏" in damaged.output
    assert not target.exists()


@pytest.mark.parametrize("missing", ["backup.json"])
def test_a_folder_that_is_no_backup_is_named(tmp_path: Path, missing: str) -> None:
    (tmp_path / "empty").mkdir()
    result = RUNNER.invoke(app, ["restore", str(tmp_path / "empty"), "--db",
                                 str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2 and missing in result.output
