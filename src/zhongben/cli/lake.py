"""``zhongben lake export --db DB --out DIR``: the workspace as a Parquet lake for Spark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from zhongben.cli.errors import workspace_errors
from zhongben.engine.lake import LakeError
from zhongben.workspace import DEFAULT_DB, Workspace

lake_app = typer.Typer(help="Parquet 数据湖：把工作库导出给 Spark 等引擎读取。",
                       no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(lake_app, name="lake")


@lake_app.command("export", help="把工作库的每张数据表导出为 Parquet（法院代字、年度分区），"
                                 "保留每行来源（文件、行号、批次）。")
def export(
    out: Annotated[Path, typer.Option("--out", help="湖目录（已有的湖目录会被整体替换）")],
    db: Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）")] = Path(DEFAULT_DB),
) -> None:
    err = Console(stderr=True)
    try:
        with workspace_errors():
            tables = Workspace(db).export_lake(out)
    except LakeError as exc:
        err.print(f"[bold red]错误[/] {exc}", highlight=False)
        raise typer.Exit(code=2) from None
    rows = sum(t.rows for t in tables)
    err.print(f"已导出 {len(tables)} 张数据表、{rows:,} 行到 {out}", highlight=False)
