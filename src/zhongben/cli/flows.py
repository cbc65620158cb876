"""``zhongben flows DEBTOR_ID --out DIR``: the per-debtor fund-flow report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from zhongben.cli.errors import workspace_errors
from zhongben.workspace import DEFAULT_DB, Workspace


def register(app: typer.Typer) -> None:
    app.command(
        "flows",
        help="追踪被执行人本人账户转出的资金，输出资金流向图（PNG、HTML）和路径明细表（CSV）。",
    )(flows)


def flows(
    debtor_id: Annotated[
        str, typer.Argument(help="被执行人证件号码（身份证号或统一社会信用代码）")
    ],
    out: Annotated[Path, typer.Option("--out", help="输出目录")],
    db: Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）")] = Path(DEFAULT_DB),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="截止日期 YYYY-MM-DD（默认今天），此后的流水不可见"),
    ] = None,
    hops: Annotated[int, typer.Option("--hops", help="最多追踪层数")] = 3,
    window_days: Annotated[
        int, typer.Option("--window-days", help="相邻两层转账最长间隔（天）")
    ] = 30,
    min_amount: Annotated[
        float, typer.Option("--min-amount", help="每层转账金额下限（元）")
    ] = 10_000,
) -> None:
    day = _date(as_of) if as_of else dt.date.today()
    with workspace_errors():
        written = Workspace(db).flow_report(debtor_id, out, day, hops, window_days, min_amount)
    for path in written:
        typer.echo(f"已写入 {path}")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"日期须为 YYYY-MM-DD：{text}", param_hint="--as-of") from None
