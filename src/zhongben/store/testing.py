"""Pytest fixtures for the application database, against SQLite always and PostgreSQL when
$ZHONGBEN_TEST_PG_URL is set (scripts/web/start-postgres.sh). Test packages import them in their
conftest.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store import security
from zhongben.store.audit import Actor
from zhongben.store.db import database_url, open_database
from zhongben.store.demo import sample_leads, seed_demo
from zhongben.store.models import User
from zhongben.store.publish import store_leads

# Tests hash with cheap argon2 parameters (still argon2id; verification reads them from the hash).
security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PG_ENV = "ZHONGBEN_TEST_PG_URL"
COURTS = ["嵊州市人民法院", "新昌县人民法院"]
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set")]),
]


def worker_database(url: str) -> str:
    """A database of its own for each pytest-xdist worker (created when missing)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    base, _, name = url.rpartition("/")
    target = f"{name}_{worker}"
    engine = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as con:
        if con.execute(text("select 1 from pg_database where datname = :n"),
                       {"n": target}).first() is None:
            con.execute(text(f'CREATE DATABASE "{target}"'))
    engine.dispose()
    return f"{base}/{target}"


def reset_postgres(url: str) -> None:
    engine = create_engine(database_url(url))
    with engine.begin() as con:
        con.execute(text("DROP SCHEMA public CASCADE"))
        con.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per session; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "app.sqlite"
    open_database(path).kw["bind"].dispose()
    return path


@pytest.fixture(params=BACKENDS)
def app_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        target = tmp_path / "app.sqlite"
        shutil.copy(request.getfixturevalue("migrated_sqlite"), target)
        return str(target)
    url = worker_database(os.environ[PG_ENV])
    reset_postgres(url)
    return url


@pytest.fixture
def app_sessions(app_db: str) -> Iterator[sessionmaker[Session]]:
    sessions = open_database(app_db)
    yield sessions
    bind = sessions.kw["bind"]
    bind.dispose()


@pytest.fixture
def seeded(app_sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Demo orgs (a city office, two counties) and users, and 40 sample leads."""
    with app_sessions.begin() as session:
        seed_demo(session, COURTS)
        store_leads(session, sample_leads(40, COURTS))
    return app_sessions


def actor_of(session: Session, username: str) -> Actor:
    user = session.scalar(select(User).where(User.username == username))
    assert user is not None
    return Actor(user.id, user.username, user.role, user.org_id)
