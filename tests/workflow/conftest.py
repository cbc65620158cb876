"""Shared app-database fixtures (SQLite; PostgreSQL when ZHONGBEN_TEST_PG_URL is set)."""

from zhongben.store.testing import app_db, app_sessions, migrated_sqlite, seeded  # noqa: F401
