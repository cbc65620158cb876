"""The two ways to open the analytical workspace file, used by every caller (façade, web pages,
publishing, the workflow's re-check, the rule tests' fixtures):

- ``open_read(path)``: read-only; several readers may share the file while no process writes it.
- ``open_write(path)``: the single writer; creates the file and every contract table if missing.

Both raise typed errors with a Chinese message a user can act on: ``WorkspaceUnavailable`` (the
file is missing, is not a workspace, or cannot be read) and ``WorkspaceBusy`` (another process
holds the writer: DuckDB allows one writing process, and no reader beside it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from zhongben.engine.duckdb import ensure_schema


class WorkspaceError(RuntimeError):
    """The workspace cannot be opened; ``str()`` is the Chinese message for the user."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class WorkspaceUnavailable(WorkspaceError):
    """Missing, not a workspace file, or unreadable."""


class WorkspaceBusy(WorkspaceError):
    """Another process holds the workspace's writer lock."""

    def __init__(self, path: Path, message: str, pid: int | None = None) -> None:
        super().__init__(path, message)
        self.pid = pid


_PID = re.compile(r"PID (\d+)")


def _is_lock(error: duckdb.Error) -> bool:
    text = str(error).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def _typed(path: Path, error: duckdb.Error) -> WorkspaceError:
    if _is_lock(error):
        found = _PID.search(str(error))
        pid = int(found.group(1)) if found else None
        holder = f"（进程 {pid}）" if pid else ""
        return WorkspaceBusy(
            path,
            f"工作库正被占用：{path} 正由另一个程序{holder}写入（如导入或筛查）。"
            "请等它结束后再试；同一时间只能有一个程序写入工作库。",
            pid,
        )
    if "not a valid duckdb database" in str(error).lower():
        return WorkspaceUnavailable(
            path, f"工作库不可用：{path} 不是 DuckDB 工作库文件，请检查 --db 指定的路径。"
        )
    return WorkspaceUnavailable(
        path, f"工作库不可用：无法打开 {path}（{error}）。请检查文件是否存在、是否有读写权限。"
    )


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as error:
        raise _typed(path, error) from error


@contextmanager
def open_read(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The workspace at ``path`` opened read-only (it must exist)."""
    path = Path(path)
    if not path.is_file():
        raise WorkspaceUnavailable(
            path, f"工作库不可用：找不到工作库文件 {path}，请先用 zhongben ingest 导入数据。"
        )
    con = _connect(path, read_only=True)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def open_write(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The workspace at ``path`` opened for writing, with every contract table present (the file
    and its folder are created when missing)."""
    path = Path(path)
    if path.is_dir():
        raise WorkspaceUnavailable(path, f"工作库不可用：{path} 是文件夹，不是工作库文件。")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkspaceUnavailable(
            path, f"工作库不可用：无法创建工作库所在的文件夹 {path.parent}（{error}）。"
        ) from error
    con = _connect(path, read_only=False)
    try:
        ensure_schema(con)
        yield con
    finally:
        con.close()
