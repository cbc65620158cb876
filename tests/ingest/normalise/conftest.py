"""Makes the identifier strategies (tests/identifiers/id_strategies.py) importable, and gives a
DuckDB connection with the normalisation UDFs registered."""

import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from zhongben.ingest.normalise.sql import register

sys.path.insert(0, str(Path(__file__).parents[2] / "identifiers"))
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    register(connection)
    yield connection
    connection.close()
