"""Shared app-database fixtures (SQLite; PostgreSQL when ZHONGBEN_TEST_PG_URL is set), and the
web app on the seeded database."""

import sys
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.testing import app_db, app_sessions, migrated_sqlite, seeded  # noqa: F401
from zhongben.web.app import Settings, create_app

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo world screened into a DuckDB workspace (once per test session)."""
    from world import build_workspace

    return build_workspace(tmp_path_factory.mktemp("demo-world"))


@pytest.fixture
def web_app(seeded: sessionmaker[Session], app_db: str) -> FastAPI:  # noqa: F811
    return create_app(Settings(db=app_db, secret_key="test-secret"))
