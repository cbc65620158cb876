"""One demo-like world per test session: the synthetic world (tiny scale, one planted lead per
rule), ingested and screened into a real DuckDB workspace; and an application database with the
demo accounts and the world's leads published (facts snapshotted as the web app reads them)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.db import open_database
from zhongben.store.setup import prepare_demo, publish_if_present
from zhongben.store.testing import app_db, app_sessions, migrated_sqlite  # noqa: F401
from zhongben.synth import generate
from zhongben.workspace import Workspace

AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo-world")
    generate(seed=1, scale="tiny", out=root / "world", plants=1, as_of=AS_OF)
    ws = Workspace(root / "ws.duckdb")
    ws.ingest([root / "world"])
    ws.screen(AS_OF)
    return ws.path


@pytest.fixture(scope="session")
def top_leads(workspace: Path) -> dict[str, str]:
    """family → the lead_key of its highest-scoring lead."""
    with duckdb.connect(str(workspace), read_only=True) as con:
        rows = con.execute("select family, lead_key from leads qualify row_number() over "
                           "(partition by family order by score desc, lead_key) = 1").fetchall()
    return dict(rows)


@pytest.fixture(scope="session")
def published(workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite app database with the demo accounts and the world's leads."""
    path = tmp_path_factory.mktemp("app") / "app.sqlite"
    sessions = open_database(path)
    prepare_demo(sessions, workspace)
    result = publish_if_present(sessions, workspace)
    assert not isinstance(result, str), result
    sessions.kw["bind"].dispose()
    return path


@pytest.fixture
def world_db(published: Path, tmp_path: Path) -> sessionmaker[Session]:
    """A fresh copy of the published app database for one test."""
    target = tmp_path / "app.sqlite"
    shutil.copy(published, target)
    return open_database(target)
