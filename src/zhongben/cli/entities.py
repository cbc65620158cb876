"""``zhongben entities resolve|export``: link every person and company mention to an entity, and
write who every mention is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from zhongben.workspace import DEFAULT_DB, Workspace

if TYPE_CHECKING:
    from zhongben.identity.resolve import ResolveReport

entities = typer.Typer(
    help="身份解析：把各数据表中的人和企业归并为实体（证件号、登记对应关系、概率匹配）。",
    no_args_is_help=True)
APP_DB_HELP = "应用数据库（读取复核结论、发布待复核配对）；默认工作库旁的 .app.sqlite"


def register(app: typer.Typer) -> None:
    app.add_typer(entities, name="entities")


@entities.command("resolve", help="身份解析：确定性关联 + 概率关联（Splink），保留已有实体编号。")
def resolve(
    db: Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）")] = Path(DEFAULT_DB),
    app_db: Annotated[str | None, typer.Option("--app-db", help=APP_DB_HELP)] = None,
    publish: Annotated[bool, typer.Option(
        "--publish/--no-publish", help="把待复核配对发布到已有的应用数据库")] = True,
) -> None:
    err = Console(stderr=True)
    workspace = Workspace(db)
    if not workspace.path.exists():
        err.print(f"[bold red]错误[/] 找不到工作库 {db}，请先运行 zhongben ingest", highlight=False)
        raise typer.Exit(code=2)
    report = workspace.resolve_entities(app_db, progress=lambda text: err.print(f"  · {text}"))
    Console().print(describe(report), highlight=False)
    if publish and workspace.has_app_database(app_db):
        err.print(workspace.publish_identity(app_db), highlight=False)


def describe(report: ResolveReport) -> str:
    lines = [
        f"身份解析完成（第 {report.run_id} 次，用时 {report.seconds:.1f} 秒）",
        f"  提及 {report.mentions:,} 条，其中无可用证件号 {report.unresolved:,} 条",
        f"  确定性关联：身份证号变更 {report.merged_ids:,} 个，"
        f"登记对应关系（护照、注册号、企业名称等）关联 {report.tier_a_links:,} 条",
        f"  概率关联：比对记录 {report.records:,} 组，自动关联 {report.tier_b_links:,} 组，"
        f"复核确认 {report.reviewed_links:,} 组，待复核 {report.review_band:,} 对",
        f"  未能关联、单独成为实体 {report.unlinked:,} 组；实体共 {report.entities:,} 个",
    ]
    if report.aliases:
        lines.append(f"  合并后停用的实体编号 {report.aliases:,} 个（见 entity_aliases）")
    if report.conflicts:
        shown = "、".join(report.conflicts[:5])
        lines.append("  登记对应关系冲突（同一号码对应不同的人，未使用）"
                     f"{len(report.conflicts)} 处：{shown}")
    return "\n".join(lines)


def warn_unresolved(workspace: Workspace, err: Console) -> None:
    """Say loudly when the workspace holds rows no resolution has seen (``identity.freshness``):
    their passports, former names, old, mistyped and masked numbers find no entity yet."""
    found = workspace.unresolved_entities()
    if found is not None:
        err.print(f"[bold yellow]身份解析未更新[/] {found.message(str(workspace.path))}",
                  highlight=False)


@entities.command("export", help="导出每条提及的实体编号：table, source_file, source_row, column, "
                  "entity_id, tier, match_probability。")
def export(
    out: Annotated[Path, typer.Option("--out", help="输出 CSV 文件")],
    db: Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）")] = Path(DEFAULT_DB),
) -> None:
    err = Console(stderr=True)
    if not Path(db).exists():
        err.print(f"[bold red]错误[/] 找不到工作库 {db}，请先运行 zhongben ingest", highlight=False)
        raise typer.Exit(code=2)
    rows = Workspace(db).export_entities(out)
    err.print(f"已写出 {out}：{rows:,} 条提及", highlight=False)
