"""``zhongben calendar``: which years have holiday data, and a deadline computed with the warning
when its year has none."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

import typer
from rich.console import Console

from zhongben.rules.calendar import is_workday, roll_to_workday
from zhongben.rules.holidays import (
    ENV,
    HolidayFileError,
    coverage,
    override_path,
    overrides,
    warning_for,
)

calendar_app = typer.Typer(help="工作日历：节假日数据覆盖的年份、期限推算（含未覆盖年份的警告）。",
                           no_args_is_help=True)
SOURCES = {"file": "节假日安排文件", "package": "节假日数据包", "none": "无（按周一至周五推算）"}


def register(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")


@calendar_app.command("check", help="检查节假日安排文件，列出各年份的数据来源。")
def check(
    first: Annotated[int, typer.Option("--from", help="起始年份")] = date.today().year - 1,
    last: Annotated[int, typer.Option("--to", help="截止年份")] = date.today().year + 1,
) -> None:
    console = Console()
    try:
        years = overrides()
    except HolidayFileError as error:
        Console(stderr=True).print(f"[bold red]错误[/] {error}", highlight=False)
        raise typer.Exit(code=2) from error
    console.print(f"节假日安排文件：{override_path()}（可用环境变量 {ENV} 指定）", highlight=False)
    for year in range(first, last + 1):
        source = coverage(year)
        notice = f"，依据 {years[year].notice}" if year in years and years[year].notice else ""
        style = "bold red" if source == "none" else ""
        console.print(f"[{style}]{year}年：{SOURCES[source]}{notice}[/]" if style
                      else f"{year}年：{SOURCES[source]}{notice}", highlight=False)


@calendar_app.command("due", help="由起算日推算期限：自然日或工作日，届满日遇节假日顺延。")
def due(
    start: Annotated[str, typer.Argument(help="起算日 YYYY-MM-DD")],
    days: Annotated[int, typer.Option("--days", help="自然日数")] = 0,
    workdays: Annotated[int, typer.Option("--workdays", help="工作日数")] = 0,
) -> None:
    day = date.fromisoformat(start)
    end = day + timedelta(days=days)
    passed = [day]
    left = workdays
    while left > 0:
        end += timedelta(days=1)
        passed.append(end)
        left -= is_workday(end)
    final, _ = roll_to_workday(end)
    warning = warning_for([*passed, end, final])
    typer.echo(f"期限届满日：{final.year}年{final.month}月{final.day}日")
    if warning:
        Console(stderr=True).print(f"[bold red]{warning}[/]", highlight=False)
