"""What the rule-builder web tests share: a DuckDB workspace holding the builder's small world,
and a 模型管理员 account in the first county's office."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.rules.builder_world import world

from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.engine.opener import open_write
from zhongben.rules.testing import insert_rows
from zhongben.store.accounts import add_user
from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.models import Org, User

BUILDER_USER = "mxgl"


def builder_workspace(folder: Path) -> Path:
    path = folder / "县院.duckdb"
    with open_write(path) as con:
        for table, rows in world().items():
            insert_rows(con, table, rows)
        for sql in unresolved_entities_sql():
            con.execute(sql)
    return path


def add_builder_user(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        county = session.scalars(select(User).where(User.username == "jcg")).one().org_id
        org = session.get(Org, county)
        assert org is not None
        user = add_user(session, BUILDER_USER, DEMO_PASSWORD, "模型管理员", org, "周模型")
        user.must_change_password = False
