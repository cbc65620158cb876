"""``zhongben audit verify`` / ``zhongben audit anchor``: check the hash-chained audit log of the
application database, and keep its head off the database as an anchor for later checks."""

from __future__ import annotations

from pathlib import Path

import typer

from zhongben.cli.serve import app_db_for
from zhongben.store.audit_verify import Anchor, ChainReport, verify_chain
from zhongben.store.db import open_database
from zhongben.workspace import DEFAULT_DB

audit = typer.Typer(help="审计日志：校验散列链、保存锚点。", no_args_is_help=True)
DB = typer.Option(DEFAULT_DB, "--db", help="分析工作区（DuckDB 文件），用于定位应用数据库")
APP_DB = typer.Option(None, "--app-db", help="应用数据库：SQLite 文件或 postgresql:// 地址")
ANCHOR = typer.Option(None, "--anchor", help="此前 zhongben audit anchor 写出的锚点文件")
OUT = typer.Option(..., "--out", help="锚点文件（请保存在数据库服务器之外）")


def _verify(db: str, app_db: str | None, anchor: Anchor | None) -> ChainReport:
    with open_database(app_db_for(db, app_db))() as session:
        return verify_chain(session, anchor)


def _print(report: ChainReport) -> None:
    for line in report.problems:
        typer.echo(f"错误 {line}", err=True)
    for line in report.warnings:
        typer.echo(f"警告 {line}", err=True)
    verdict = "完整" if report.ok else f"发现 {len(report.problems)} 处改动"
    typer.echo(f"审计日志共 {report.entries} 条，散列链{verdict}；链头第 {report.head.seq} 条，"
               f"散列 {report.head.entry_hash}")


@audit.command("verify")
def verify_cmd(db: str = DB, app_db: str | None = APP_DB, anchor: Path | None = ANCHOR) -> None:
    """重算每条审计记录的散列并逐条核对链接；发现修改、删除或插入时以状态 1 退出。"""
    try:
        expected = Anchor.read(anchor) if anchor else None
    except ValueError as exc:
        typer.echo(f"错误 {exc}", err=True)
        raise typer.Exit(code=2) from exc
    report = _verify(db, app_db, expected)
    _print(report)
    if not report.ok:
        raise typer.Exit(code=1)


@audit.command("anchor")
def anchor_cmd(out: Path = OUT, db: str = DB, app_db: str | None = APP_DB) -> None:
    """校验散列链，完整时把链头（条数与散列）写入锚点文件，供日后 verify --anchor 核对。"""
    report = _verify(db, app_db, None)
    _print(report)
    if not report.ok:
        typer.echo("散列链不完整，未写锚点", err=True)
        raise typer.Exit(code=1)
    report.head.write(out)  # the head as verified, not whatever was appended since
    typer.echo(f"已写锚点 {out}")


def register(app: typer.Typer) -> None:
    app.add_typer(audit, name="audit")
