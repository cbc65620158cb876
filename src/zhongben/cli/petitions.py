"""``zhongben petitions``: after ``zhongben ingest`` has loaded a 12309 register (申请监督),
``petitions match`` links each petition to its case, screens the matched cases at once and
publishes; ``petitions list`` shows each petition with its case, the unmatched ones first."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from zhongben.cli.errors import workspace_errors
from zhongben.cli.screen import describe_publish
from zhongben.petitions.deadlines import petition_deadlines
from zhongben.workspace import DEFAULT_DB, Workspace

petitions_app = typer.Typer(help="12309 申请监督：匹配案件、立即筛查、受理与答复期限。",
                            no_args_is_help=True)
Db = Annotated[str, typer.Option("--db", help="工作库文件")]


def register(app: typer.Typer) -> None:
    app.add_typer(petitions_app, name="petitions")


@petitions_app.command("match", help="把已导入的申请监督逐件匹配到执行案件，匹配到的案件立即筛查，"
                                     "线索标注来源（12309申请）并发布到应用数据库。")
def match(
    db: Db = DEFAULT_DB,
    as_of: Annotated[str | None, typer.Option("--as-of", help="筛查日期，默认今天")] = None,
    publish: Annotated[bool, typer.Option("--publish/--no-publish",
                                          help="发布到已有的应用数据库")] = True,
) -> None:
    err = Console(stderr=True)
    day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    workspace = Workspace(db)
    with workspace_errors():
        report = workspace.match_petitions(day)
    for m in report.matches:
        where = m.case_no or (f"候选：{'、'.join(m.candidates)}" if m.candidates else "—")
        err.print(f"{m.petition_no}  {m.method}  {where}  {m.note}", highlight=False)
    err.print(f"申请监督 {len(report.matches)} 件：已匹配 {len(report.linked)} 件，"
              f"待人工匹配 {len(report.unlinked)} 件；筛查线索 {report.leads} 条，"
              f"标注来源 {report.links} 条（运行编号 {report.run_id or '—'}）", highlight=False)
    if publish and workspace.has_app_database():
        err.print(describe_publish(workspace.publish()), highlight=False)


@petitions_app.command("list", help="列出申请监督及其匹配结果、受理通知与答复期限"
                                    "（未匹配的在前）。")
def list_petitions(
    db: Db = DEFAULT_DB,
    today: Annotated[str | None, typer.Option("--today", help="计算剩余天数的日期")] = None,
    unmatched: Annotated[bool, typer.Option("--unmatched", help="只列未匹配的")] = False,
) -> None:
    day = dt.date.fromisoformat(today) if today else dt.date.today()
    with workspace_errors():
        rows = Workspace(db).petitions()
    table = Table("编号", "收到日期", "渠道", "申请人", "匹配", "案号", "期限")
    for row in rows:
        if unmatched and row["case_no"]:
            continue
        due = "；".join(f"{d.label} {d.due_on}（{d.status(day)}）" for d in petition_deadlines(
            row["received_on"], row["accepted_on"], row["notified_on"]))
        table.add_row(str(row["petition_no"]), str(row["received_on"]), str(row["channel"]),
                      str(row["applicant_name"]), str(row["method"] or "未匹配"),
                      str(row["case_no"] or row["candidates"] or ""), due)
    Console().print(table)
