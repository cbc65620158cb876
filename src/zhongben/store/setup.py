"""Preparing an application database for use: demo organisations from the workspace's courts,
and publishing the workspace's leads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from zhongben.engine.opener import WorkspaceBusy, WorkspaceError, open_read
from zhongben.store.demo import seed_demo
from zhongben.store.publish import PublishError, PublishReport, publish

if TYPE_CHECKING:
    import duckdb


def workspace_courts(workspace: str | Path, limit: int = 30) -> list[str]:
    """Courts named in the workspace's cases (or its leads), most cases first."""
    try:
        with open_read(workspace) as con:
            return _courts(con, limit)
    except WorkspaceError:  # no workspace yet, or busy: the demo starts without its courts
        return []


def _courts(con: duckdb.DuckDBPyConnection, limit: int) -> list[str]:
    tables = {r[0] for r in con.execute(
        "select table_name from information_schema.tables").fetchall()}
    source = "cases" if "cases" in tables else ("leads" if "leads" in tables else None)
    if source is None:
        return []
    rows = con.execute(f"select court from {source} where court is not null "
                       "group by court order by count(*) desc, court limit ?",
                       [limit]).fetchall()
    return [r[0] for r in rows]


def prepare_demo(sessions: sessionmaker[Session],
                 workspace: str | Path | None) -> list[tuple[str, str]]:
    courts = workspace_courts(workspace) if workspace else []
    with sessions.begin() as session:
        return seed_demo(session, courts)


def publish_if_present(sessions: sessionmaker[Session],
                       workspace: str | Path | None) -> PublishReport | str:
    """Publish the workspace's leads; a message instead when there is nothing to publish."""
    if not workspace or not Path(workspace).exists():
        return "未指定工作区或工作区不存在，未发布线索"
    try:
        return publish(workspace, sessions)
    except PublishError as exc:  # a busy workspace among them: what was published stays
        busy = isinstance(exc.__cause__, WorkspaceBusy)
        return f"{exc}沿用已发布的线索。" if busy else str(exc)
