"""The workspace's two openers: typed errors with Chinese messages, and a second writer gets
「工作库正被占用」 (the process holding it named), never a traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.engine.opener import (
    WorkspaceBusy,
    WorkspaceUnavailable,
    open_read,
    open_write,
)

HOLD = ("import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
        "sys.stdin.read()")


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A workspace whose writer another process holds (as a running import or screen does)."""
    path = tmp_path / "ws.duckdb"
    with open_write(path):
        pass
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield path, holder.pid
    finally:
        holder.communicate("")


def test_the_writer_creates_the_workspace_with_every_contract_table(tmp_path: Path) -> None:
    path = tmp_path / "new" / "ws.duckdb"
    with open_write(path) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"cases", "parties", "transactions"} <= tables
    with open_read(path) as con:
        assert con.execute("SELECT count(*) FROM cases").fetchall() == [(0,)]


def test_a_missing_workspace_is_unavailable_for_reading(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceUnavailable, match="工作库不可用：找不到工作库文件"), \
            open_read(tmp_path / "gone.duckdb"):
        pass
    assert not (tmp_path / "gone.duckdb").exists()  # reading never creates it


def test_a_file_that_is_not_a_workspace_is_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "ws.duckdb"
    path.write_text("不是工作库", encoding="utf-8")
    for opener in (open_read, open_write):
        with pytest.raises(WorkspaceUnavailable, match="不是 DuckDB 工作库文件"), opener(path):
            pass
    assert path.read_text(encoding="utf-8") == "不是工作库"  # left as it was


def test_a_second_writer_and_a_reader_get_busy_naming_the_holder(
    held: tuple[Path, int],
) -> None:
    path, pid = held
    for opener in (open_write, open_read):
        with pytest.raises(WorkspaceBusy, match="工作库正被占用") as caught, opener(path):
            pass
        assert caught.value.pid == pid and f"进程 {pid}" in str(caught.value)


def test_the_cli_says_busy_in_chinese_without_a_traceback(held: tuple[Path, int]) -> None:
    path, _ = held
    result = CliRunner().invoke(app, ["screen", "--db", str(path), "--as-of", "2024-12-31"])
    assert result.exit_code == 3
    assert "工作库正被占用" in result.output and "Traceback" not in result.output
