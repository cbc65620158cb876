"""Opening the application database and bringing its schema up to date."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store import (
    collab_models,  # noqa: F401  (its tables belong to the schema)
    petition_models,  # noqa: F401  (its tables belong to the schema)
)

DEFAULT_APP_DB = "zhongben-app.sqlite"
MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL is kept, a path becomes a SQLite file URL."""
    text = str(db)
    if "://" in text:
        if text.startswith("postgresql://") or text.startswith("postgres://"):
            return "postgresql+psycopg://" + text.split("://", 1)[1]
        return text
    return f"sqlite:///{Path(text).resolve()}"


def make_engine(db: str | Path) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               pool_size=20, max_overflow=40)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=20, max_overflow=40, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_con: object, _record: object) -> None:
    cur = dbapi_con.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the Alembic migrations to ``engine``'s database."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as con:
        cfg.attributes["connection"] = con
        command.upgrade(cfg, revision)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def open_database(db: str | Path) -> sessionmaker[Session]:
    """Engine + migrations + session factory: what the CLI and the web app need."""
    engine = make_engine(db)
    upgrade(engine)
    return session_factory(engine)
