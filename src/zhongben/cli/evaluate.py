"""``zhongben evaluate --db DB --truth FILE --as-of DATE``: precision and recall per rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from zhongben.cli.errors import workspace_errors
from zhongben.leads.evaluate import Evaluation
from zhongben.rules.config import ConfigError, ScreenConfig, parse_date, read_config
from zhongben.rules.problems import RuleError
from zhongben.workspace import DEFAULT_DB, Workspace


def register(app: typer.Typer) -> None:
    app.command(
        "evaluate", help="与真值文件（rule_id,case_no,subject_id）比对，按规则给出查准率与查全率。"
    )(evaluate)


def evaluate(
    truth: Annotated[
        Path, typer.Option("--truth", help="真值文件 CSV：rule_id,case_no,subject_id")
    ],
    as_of: Annotated[str, typer.Option("--as-of", help="筛查日期 YYYY-MM-DD")],
    db: Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）")] = Path(DEFAULT_DB),
    rules: Annotated[str | None, typer.Option("--rules", help="只评估这些规则，逗号分隔")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="配置文件（YAML）")] = None,
    fmt: Annotated[str, typer.Option("--format", help="输出格式：table / json")] = "table",
    show_misses: Annotated[bool, typer.Option("--show-misses", help="列出误报与漏报")] = False,
) -> None:
    err = Console(stderr=True)
    try:
        settings = read_config(config) if config else ScreenConfig()
        if rules:
            settings = settings.model_copy(update={"rules": [r.strip() for r in rules.split(",")]})
        with workspace_errors():
            result = Workspace(db).evaluate(truth, parse_date(as_of), settings)
    except (ConfigError, ValueError, RuleError, OSError) as exc:
        err.print(f"[bold red]错误[/] {exc}", highlight=False)
        raise typer.Exit(code=2) from None
    if fmt == "json":
        typer.echo(json.dumps(_json(result), ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(_table(result))
    if show_misses:
        for title, items in (("误报", result.false_positives), ("漏报", result.false_negatives)):
            for rule_id, case_no, subject in items:
                console.print(
                    f"{title} {rule_id} {case_no or '—'} {subject or '—'}", highlight=False
                )


def _json(result: Evaluation) -> dict[str, object]:
    return {
        "rules": [s.record() for s in result.scores],
        "false_positives": [list(i) for i in result.false_positives],
        "false_negatives": [list(i) for i in result.false_negatives],
    }


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _table(result: Evaluation) -> Table:
    table = Table(title="规则评估（查准率 / 查全率）")
    for title in ("规则", "命中", "误报", "漏报", "查准率", "查全率"):
        table.add_column(title, justify="left" if title == "规则" else "right")
    for s in result.scores:
        table.add_row(s.rule_id, str(s.true_positives), str(s.false_positives),
                      str(s.false_negatives), _pct(s.precision), _pct(s.recall))  # fmt: skip
    return table
