"""What the rule-builder web tests share: a DuckDB workspace holding the builder's small world;
the demo's 模型管理员 account (``mxgl``, in the first county's office)."""

from __future__ import annotations

from pathlib import Path

from tests.rules.builder_world import world

from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.engine.opener import open_write
from zhongben.rules.testing import insert_rows

BUILDER_USER = "mxgl"


def builder_workspace(folder: Path) -> Path:
    path = folder / "县院.duckdb"
    with open_write(path) as con:
        for table, rows in world().items():
            insert_rows(con, table, rows)
        for sql in unresolved_entities_sql():
            con.execute(sql)
    return path
