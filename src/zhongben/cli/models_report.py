"""``zhongben models report`` (backtests on outcomes) and ``zhongben models compare`` (two versions
of one rule on the same history), read from the application database the workspace publishes to."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session, sessionmaker

from zhongben.cli.serve import app_db_for, seed_demo_history
from zhongben.store.backtest import CELL_HEADERS, DIMENSIONS, as_dict, backtest, row_cells
from zhongben.store.backtest_compare import ComparedLead, compare, versions
from zhongben.store.db import open_database
from zhongben.workspace import DEFAULT_DB

DbOption = Annotated[str, typer.Option("--db", help="分析工作区（DuckDB 文件）")]
AppDbOption = Annotated[str | None, typer.Option(
    "--app-db", help="应用数据库：SQLite 文件或 postgresql:// 地址（默认在工作区旁）")]


def register(group: typer.Typer) -> None:
    group.command("report", help="模型成效回测：按规则版本统计线索、成案率、检察建议采纳率、"
                                 "到位金额、线索到结案的中位天数，并按法院、季度分列。")(report)
    group.command("compare", help="比较同一规则两个版本在同一历史上发现的线索及其办理结果。")(
        compare_cmd)


def report(
    db: DbOption = DEFAULT_DB,
    app_db: AppDbOption = None,
    by: Annotated[list[str] | None, typer.Option(
        "--by", help="分组：rule（规则版本）/ court（法院）/ quarter（季度），"
                     "可重复；默认全部")] = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="只统计这些规则，可重复")] = None,
    fmt: Annotated[str, typer.Option("--format", help="输出格式：table / json")] = "table",
    demo: Annotated[bool, typer.Option(
        "--demo", help="演示：没有机构时建立演示机构和账号、发布线索，没有案件时生成演示办案历史"
    )] = False,
) -> None:
    dimensions = by or list(DIMENSIONS)
    unknown = [d for d in dimensions if d not in DIMENSIONS]
    if unknown or fmt not in ("table", "json"):
        typer.echo(f"未知的分组或格式：{'、'.join(unknown) or fmt}；分组可选 "
                   "rule / court / quarter，格式可选 table / json", err=True)
        raise typer.Exit(2)
    sessions = open_database(app_db_for(db, app_db))
    if demo:
        _prepare_demo(sessions, db)
    with sessions() as session:
        found = {d: backtest(session, None, d, rule) for d in dimensions}
    if fmt == "json":
        typer.echo(json.dumps({d: [as_dict(r) for r in rows] for d, rows in found.items()},
                              ensure_ascii=False, indent=1))
        return
    console = Console(width=200)
    if not any(found.values()):
        console.print("应用数据库中没有已发布的线索；请先运行 zhongben publish 或 zhongben serve")
        return
    for dimension, rows in found.items():
        table = Table(title=f"模型成效回测（按{DIMENSIONS[dimension]}）", box=box.SIMPLE_HEAD)
        headers = [h for h in CELL_HEADERS if dimension != "rule" or h != "分组"]
        for title in headers:
            table.add_column(DIMENSIONS[dimension] if title == "分组" else title,
                             justify="left" if title in ("规则", "版本", "分组") else "right")
        for row in rows:
            cells = row_cells(row)
            table.add_row(*(cells[:2] + cells[3:] if dimension == "rule" else cells))
        console.print(table)
    console.print("成案率 = 成案 / 线索；采纳率 = 采纳 / 法院已回复（含以“法院未回复”结案）；"
                  "到位金额每件案件只计一次；中位天数：线索筛查日至结案日。")


def _prepare_demo(sessions: sessionmaker[Session], db: str) -> None:
    """What ``zhongben serve --demo`` prepares, so the demo script can print the report."""
    from zhongben.store.setup import prepare_demo, publish_if_present

    prepare_demo(sessions, db)
    result = publish_if_present(sessions, db)
    if isinstance(result, str):
        typer.echo(result, err=True)
    seed_demo_history(sessions)


def compare_cmd(
    rule_id: Annotated[str, typer.Argument(help="规则编号，如 ZB-01")],
    v1: Annotated[int, typer.Option("--v1", help="版本一")],
    v2: Annotated[int, typer.Option("--v2", help="版本二")],
    db: DbOption = DEFAULT_DB,
    app_db: AppDbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="输出格式：table / json")] = "table",
) -> None:
    sessions = open_database(app_db_for(db, app_db))
    with sessions() as session:
        known = versions(session, rule_id)
        missing = [v for v in (v1, v2) if v not in known]
        if missing:
            have = "、".join(f"第{v}版" for v in known) or "无"
            typer.echo(f"规则 {rule_id} 没有第{missing[0]}版发现的线索（已有：{have}）", err=True)
            raise typer.Exit(1)
        result = compare(session, rule_id, v1, v2)
    parts = (("两版均发现", result.both), (f"仅第{v1}版发现", result.only_v1),
             (f"仅第{v2}版发现", result.only_v2))
    if fmt == "json":
        typer.echo(json.dumps({k: [vars(x) for x in v] for k, v in
                               zip(("both", "only_v1", "only_v2"), (p[1] for p in parts),
                                   strict=True)}, ensure_ascii=False, indent=1))
        return
    console = Console(width=200)
    console.print(f"规则 {rule_id} 第{v1}版与第{v2}版：" + "，".join(
        f"{title} {len(items)} 条" for title, items in parts))
    for title, items in parts:
        if items:
            console.print(_table(title, items, v1, v2))


def _table(title: str, items: list[ComparedLead], v1: int, v2: int) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD)
    for header in ("案号", "被执行人证件号", "法院", f"第{v1}版线索结果", f"第{v2}版线索结果"):
        table.add_column(header)
    for x in items:
        table.add_row(x.case_no or "—", x.subject_id or "—", x.court, x.outcome_v1 or "—",
                      x.outcome_v2 or "—")
    return table
