"""The benchmarks' code paths at tiny size (SQLite; PostgreSQL too when ZHONGBEN_TEST_PG_URL is
set): the benchmark scripts import from ``benchmarks/``."""

import sys
from pathlib import Path

from zhongben.store.testing import app_db, migrated_sqlite  # noqa: F401

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
