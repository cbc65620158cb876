"""``zhongben ingest PATH... --db DB``: load files into the workspace and print the load report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from zhongben.cli.errors import workspace_errors
from zhongben.ingest.report import LoadReport
from zhongben.workspace import DEFAULT_DB, Workspace

COLUMNS = (
    ("files", "文件"),
    ("rows_read", "读取"),
    ("loaded", "导入"),
    ("replaced", "更新"),
    ("duplicates", "重复"),
    ("quarantined_rows", "隔离"),
    ("invalid_ids", "证件校验错"),
    ("unchanged", "未变"),
)


def register(app: typer.Typer) -> None:
    app.command(
        "ingest", help="导入数据文件或文件夹（CSV / Excel / Parquet）到工作库，并打印导入报告。"
    )(ingest)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="要导入的文件或文件夹", show_default=False)],
    db: Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）")] = Path(DEFAULT_DB),
    quarantine: Annotated[
        Path | None,
        typer.Option(
            "--quarantine", help="隔离行清单的输出目录（默认：工作库旁的 <库名>.quarantine/）"
        ),
    ] = None,
) -> None:
    workspace = Workspace(db)
    with workspace_errors():
        report = workspace.ingest(paths, quarantine_dir=quarantine or workspace.quarantine_dir)
    print_report(report, Console(width=max(Console().width, 120)))
    if not report.ok:
        err = Console(stderr=True, width=max(Console().width, 120))
        for refusal in report.refused:
            err.print(f"[bold red]拒绝导入[/] {refusal.message}", highlight=False)
        raise typer.Exit(code=2)


def print_report(report: LoadReport, console: Console) -> None:
    table = Table(title=f"导入报告（批次 {report.batch}）", title_justify="left")
    table.add_column("数据表", no_wrap=True)
    for _, title in COLUMNS:
        table.add_column(title, justify="right")
    for name, totals in report.by_table().items():
        table.add_row(name, *(f"{totals.get(key, 0):,}" for key, _ in COLUMNS))
    console.print(table)
    for load in report.sheets:
        for note in load.notes:
            where = f"{load.file}［{load.sheet}］" if load.sheet else load.file
            console.print(f"  · {where}：{note}", highlight=False)
    for file, why in report.skipped_files:
        console.print(f"  · 跳过 {file}：{why}", highlight=False)
    if report.integrity:
        _print_integrity(report, console)
    if report.quarantine:
        console.print(f"隔离 {len(report.quarantine):,} 个单元格问题，原因统计：")
        for reason, count in report.reasons().most_common(12):
            console.print(f"  {count:>8,}  {reason}", highlight=False)
        if report.quarantine_file:
            console.print(f"隔离清单：{report.quarantine_file}", highlight=False)


def _print_integrity(report: LoadReport, console: Console) -> None:
    kinds = Counter(issue.label for issue in report.integrity)
    summary = "，".join(f"{label} {n:,} 处" for label, n in kinds.most_common())
    console.print(f"银行流水完整性检查（仅报告，未作修改）：{summary}", highlight=False)
    for label in kinds:
        for issue in [i for i in report.integrity if i.label == label][:3]:
            console.print(f"  · {issue.message}", highlight=False)
    if report.integrity_file:
        console.print(f"完整性问题清单：{report.integrity_file}", highlight=False)
