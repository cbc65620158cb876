from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from synth.fastload import load_world
from zhongben.synth import generate

SEED = 7
AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("world")
    generate(seed=SEED, scale="tiny", out=out, plants=2, as_of=AS_OF, exact_ids=True)
    return out


@pytest.fixture(scope="session")
def db(world: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    load_world(world, con)
    return con
