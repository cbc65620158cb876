"""App-database fixtures for the fault tests (SQLite; PostgreSQL with ZHONGBEN_TEST_PG_URL)."""

from zhongben.store.testing import app_db, app_sessions, migrated_sqlite, seeded  # noqa: F401
