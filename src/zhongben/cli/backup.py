"""``zhongben backup`` and ``zhongben restore``: workspace + application database in one folder."""

from __future__ import annotations

from pathlib import Path

import typer

from zhongben.backup import BackupReport, backup, restore
from zhongben.cli.errors import workspace_errors
from zhongben.store.backup import BackupError
from zhongben.workspace import DEFAULT_DB, Workspace

DB = typer.Option(DEFAULT_DB, "--db", help="分析工作区（DuckDB 文件）")
APP_DB = typer.Option(None, "--app-db", help="应用数据库：SQLite 文件或 postgresql:// 地址"
                                               "（默认在工作区旁）")
OUT = typer.Option(..., "--out", help="备份目录（须为新目录）")
FOLDER = typer.Argument(..., help="zhongben backup 写出的备份目录")


def _print(verb: str, report: BackupReport) -> None:
    rows = sum(report.workspace_tables.values())
    app = sum(report.app_tables.values())
    typer.echo(f"已{verb}：工作区 {len(report.workspace_tables)} 张表 {rows:,} 行；"
               f"应用数据库 {len(report.app_tables)} 张表 {app:,} 行（{report.folder}）")


def backup_cmd(db: str = DB, app_db: str | None = APP_DB, out: Path = OUT) -> None:
    """备份工作区（含隔离清单）和应用数据库（含审计日志）到一个目录。"""
    workspace = Workspace(db)
    try:
        with workspace_errors():
            _print("备份", backup(workspace, workspace.app_database(app_db), out))
    except BackupError as exc:
        typer.echo(f"错误 {exc}", err=True)
        raise typer.Exit(code=2) from exc


def restore_cmd(folder: Path = FOLDER, db: str = DB, app_db: str | None = APP_DB) -> None:
    """从备份目录恢复到新的工作区和（空的）应用数据库；先核对每个文件的散列。"""
    try:
        with workspace_errors():
            _print("恢复", restore(folder, Workspace(db), app_db))
    except BackupError as exc:
        typer.echo(f"错误 {exc}", err=True)
        raise typer.Exit(code=2) from exc


def register(app: typer.Typer) -> None:
    app.command("backup", help="备份工作区和应用数据库。")(backup_cmd)
    app.command("restore", help="从备份恢复工作区和应用数据库。")(restore_cmd)
