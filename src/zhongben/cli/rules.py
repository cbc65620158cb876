"""``zhongben rules list | show ID | test [ID…] | check [PATH…]``: for rule authors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from zhongben.rules.families import BY_CODE
from zhongben.rules.problems import RuleError
from zhongben.rules.spec import Rule
from zhongben.rules.versions import history_lines
from zhongben.workspace import DEFAULT_DB, Workspace

rules_app = typer.Typer(help="规则库：列出、查看、测试、检查规则。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")


DbOption = Annotated[Path, typer.Option(
    "--db", help="工作库文件（DuckDB）：连同其旁边 <工作库名>.models/ 中的本地规则")]


AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="按此日期（YYYY-MM-DD，默认今天）显示生效的版本和法律依据的状态")]


def _library(db: Path) -> dict[str, Rule]:
    try:
        return Workspace(db).rules()
    except RuleError as exc:
        Console(stderr=True).print(str(exc), highlight=False)
        raise typer.Exit(code=2) from None


@rules_app.command("list", help="列出全部规则。")
def list_rules(db: DbOption = Path(DEFAULT_DB)) -> None:
    table = Table(title="规则库")
    for title in ("编号", "版本", "名称", "模型", "严重程度", "参数", "来源"):
        table.add_column(title)
    library = _library(db)
    origins = Workspace(db).rule_origins()
    for rule in library.values():
        h = rule.header
        params = "，".join(f"{n}={p.default}" for n, p in h.params.items()) or "—"
        table.add_row(h.id, str(h.version), h.name, BY_CODE[h.family].name,
                      h.severity.zh, params, origins[h.id].label)  # fmt: skip
    Console().print(table)


@rules_app.command("show", help="查看一条规则：头部、参数、法律依据与 SQL。")
def show(rule_id: Annotated[str, typer.Argument(help="规则编号，如 ZB-01")],
         db: DbOption = Path(DEFAULT_DB),
         as_of: AsOfOption = None) -> None:
    library = _library(db)
    if rule_id not in library:
        Console(stderr=True).print(f"未知的规则编号 {rule_id}", highlight=False)
        raise typer.Exit(code=2)
    day = _day(as_of)
    rule = library[rule_id]
    console = Console()
    _show_versions(console, rule, day)
    rule = rule.in_force(day) or rule
    h = rule.header
    for b in h.basis:
        status = {"V": "已核实", "S": "二手来源", "U": "待核实"}[b.status]
        period = f"（施行期间：{b.period()}；截至 {day}：{b.state(day)}）" if (
            b.effective_from or b.effective_to) else ""
        console.print(f"  法律依据：{b.text}［{status}］{period}", highlight=False)
    for name, p in h.params.items():
        kind = "办案政策设定" if p.policy else "法定"
        console.print(f"  参数 {name} = {p.default}{p.unit}（{p.label}；{kind}）", highlight=False)
    console.print(f"  说明模板：{h.explanation.strip()}", highlight=False)
    if h.uses:
        console.print(f"  使用的共用视图或规则：{'、'.join(h.uses)}", highlight=False)
    console.print(f"  来源：{Workspace(db).rule_origins()[rule_id].label}", highlight=False)
    console.print(f"  文件：{rule.path}", highlight=False)
    console.print(rule.sql.strip(), highlight=False, markup=False)


def _day(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        Console(stderr=True).print(f"日期 {text} 不合法，须为 YYYY-MM-DD", highlight=False)
        raise typer.Exit(code=2) from None


def _show_versions(console: Console, rule: Rule, day: dt.date) -> None:
    """The title of the version in force on ``day`` and every version's record."""
    shown = rule.in_force(day)
    h = (shown or rule).header
    model = BY_CODE[h.family].name
    console.print(f"{h.id} v{h.version} {h.name}（{model}，严重程度 {h.severity.zh}）",
                  highlight=False)
    if shown is None:
        console.print(f"  {day} 尚无生效的版本；以下为现行第{rule.version}版", highlight=False)
    elif shown is not rule:
        console.print(f"  {day} 生效的是第{shown.version}版；现行为第{rule.version}版",
                      highlight=False)
    for line in history_lines(rule):
        console.print(f"  版本：{line}", highlight=False)


@rules_app.command("test", help="运行规则旁的 YAML 测试（默认全部）。")
def test(ids: Annotated[list[str] | None, typer.Argument(help="规则编号")] = None,
         db: DbOption = Path(DEFAULT_DB)) -> None:
    library = _library(db)
    unknown = [i for i in ids or [] if i not in library]
    if unknown:
        Console(stderr=True).print(f"未知的规则编号：{'、'.join(unknown)}", highlight=False)
        raise typer.Exit(code=2)
    console = Console()
    failed = 0
    for rule_id, outcomes in Workspace(db).test_rules(ids or []).items():
        for outcome in outcomes:
            mark = "[green]通过[/]" if outcome.passed else "[red]失败[/]"
            console.print(f"{mark} {rule_id} {outcome.case.name}", highlight=False)
            for failure in outcome.failures:
                console.print(f"      {failure}", highlight=False, markup=False)
            failed += not outcome.passed
    if failed:
        raise typer.Exit(code=1)


CHECK_HELP = ("检查规则文件或规则库文件夹（默认内置规则库）：头部、SQL、合同表与列、参数、"
              "输出类型、可移植方言（DuckDB 与 Spark 结果一致）和旁边的测试文件。")


@rules_app.command("check", help=CHECK_HELP)
def check(paths: Annotated[list[Path] | None, typer.Argument(
        help="规则文件（.sql）或规则库文件夹")] = None) -> None:
    from zhongben.rules.check import check_paths

    report = check_paths(paths or [])
    err = Console(stderr=True)
    for problem in report.problems:
        err.print(str(problem), highlight=False, markup=False)
    if report.problems:
        err.print(f"检查未通过：{len(report.problems)} 个问题；请按提示修改后再检查",
                  highlight=False)
        raise typer.Exit(code=1)
    Console().print(f"检查通过：{len(report.rules)} 条规则（{'、'.join(report.rules[:8])}"
                    f"{'…' if len(report.rules) > 8 else ''}）", highlight=False)
