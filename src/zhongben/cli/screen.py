"""``zhongben screen --db DB --as-of DATE``: run the rule library and write the leads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from zhongben.cli.entities import warn_unresolved
from zhongben.cli.errors import workspace_errors
from zhongben.engine.spark_session import SparkUnavailable
from zhongben.leads.output import FORMATS, leads_table, write_csv, write_json, write_xlsx
from zhongben.protect.mark import ExportMark, clean_purpose
from zhongben.rules.config import (
    ConfigError,
    ScreenConfig,
    parse_date,
    parse_param_overrides,
    read_config,
)
from zhongben.rules.holidays import warning_for
from zhongben.rules.problems import RuleError
from zhongben.rules.screen import ScreenResult
from zhongben.workspace import DEFAULT_DB, Workspace

ENGINES = ("duckdb", "spark")

if TYPE_CHECKING:
    from zhongben.store.publish import PublishReport


def register(app: typer.Typer) -> None:
    app.command(
        "screen", help="按筛查日期运行规则库，保存线索并输出（表格 / JSON / CSV / Excel）。"
    )(screen)


def screen(
    as_of: Annotated[str, typer.Option("--as-of", help="筛查日期 YYYY-MM-DD：此后的数据不可见")],
    db: Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）")] = Path(DEFAULT_DB),
    rules: Annotated[
        str | None, typer.Option("--rules", help="只运行这些规则，逗号分隔，如 ZB-01,DC-01")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="输出格式：table / json / csv / xlsx")
    ] = "table",
    out: Annotated[
        Path | None, typer.Option("--out", help="输出文件（xlsx 必填；其他默认打印）")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="配置文件（YAML）：rules、scope、params")
    ] = None,
    params: Annotated[
        list[str] | None, typer.Option("--param", help="参数覆盖 规则.参数=值，可重复")
    ] = None,
    court: Annotated[
        list[str] | None, typer.Option("--court", help="只保留这些法院（名称或代字）的线索，可重复")
    ] = None,
    case_type: Annotated[
        list[str] | None,
        typer.Option("--case-type", help="只保留这些案件类型（执、执恢…），可重复"),
    ] = None,
    filed_from: Annotated[str | None, typer.Option("--filed-from", help="立案日期不早于")] = None,
    filed_to: Annotated[str | None, typer.Option("--filed-to", help="立案日期不晚于")] = None,
    closed_from: Annotated[str | None, typer.Option("--closed-from", help="结案日期不早于")] = None,
    closed_to: Annotated[str | None, typer.Option("--closed-to", help="结案日期不晚于")] = None,
    purpose: Annotated[
        str, typer.Option("--purpose", help="导出用途（写入 CSV / Excel 水印）")
    ] = "筛查线索",
    engine: Annotated[
        str, typer.Option("--engine", help="计算引擎：duckdb（默认）/ spark")
    ] = "duckdb",
    lake: Annotated[
        Path | None,
        typer.Option("--lake", help="Spark 读取的湖目录（zhongben lake export 导出）；"
                                    "不给则把工作库临时导出"),
    ] = None,
    spark_master: Annotated[
        str | None,
        typer.Option("--spark-master", envvar="ZHONGBEN_SPARK_MASTER",
                     help="Spark 集群地址或 Spark Connect 地址（sc://…），默认本机 local[N]"),
    ] = None,
    publish: Annotated[
        bool,
        typer.Option("--publish/--no-publish",
                     help="筛查后把线索发布到已有的应用数据库（工作库旁的 .app.sqlite 或 "
                          "ZHONGBEN_APP_DB），网页随即可见"),
    ] = True,
    incremental: Annotated[
        bool,
        typer.Option("--incremental",
                     help="增量筛查：只重新筛查最近一次导入批次涉及的案件、主体、账户及其关联，"
                          "其余线索保持不变（结果与全量筛查一致）"),
    ] = False,
) -> None:
    err = Console(stderr=True)
    if fmt not in FORMATS:
        _fail(err, f"未知的输出格式 {fmt}（可选：{' / '.join(FORMATS)}）")
    if fmt == "xlsx" and out is None:
        _fail(err, "xlsx 格式须用 --out 指定输出文件")
    if engine not in ENGINES:
        _fail(err, f"未知的计算引擎 {engine}（可选：{' / '.join(ENGINES)}）")
    if lake is not None and engine != "spark":
        _fail(err, "--lake 只用于 --engine spark")
    if incremental and (engine != "duckdb" or rules or court or case_type or config
                        or any((filed_from, filed_to, closed_from, closed_to))):
        _fail(err, "--incremental 只用于 DuckDB 上的整库筛查：不能与 --engine spark、--rules、"
                   "--config 或法院、案件类型、日期范围同用")
    try:
        purpose = clean_purpose(purpose)  # PurposeError is a ValueError
        day = parse_date(as_of)
        settings = read_config(config) if config else ScreenConfig()
        settings = _with_options(settings, rules, params or [], court, case_type,
                                 (filed_from, filed_to, closed_from, closed_to))  # fmt: skip
        with workspace_errors():
            result = _run(Workspace(db), day, settings, err, show_progress=fmt == "table",
                          engine=(engine, lake, spark_master), incremental=incremental)
    except (ConfigError, ValueError, RuleError, SparkUnavailable) as exc:
        _fail(err, str(exc))
    _write(result, fmt, out, purpose)
    for line in result.warning_lines():
        err.print(f"[bold yellow]数据截止警告[/] {line}", highlight=False)
    for line in result.skipped_lines():
        err.print(f"[bold yellow]规则版本[/] {line}", highlight=False)
    counts = f"运行 {len(result.rules)} 条规则，线索 {len(result.leads)} 条"
    err.print(f"筛查日期 {result.as_of}，{counts}（运行编号 {result.run_id}）", highlight=False)
    calendar_warning = warning_for([result.as_of])
    if calendar_warning:  # working-day deadlines up to the screening date may be off
        err.print(f"[bold red]{calendar_warning}[/]", highlight=False)
    workspace = Workspace(db)
    warn_unresolved(workspace, err)
    if publish and workspace.has_app_database():
        err.print(describe_publish(workspace.publish()), highlight=False)


def describe_publish(result: PublishReport | str) -> str:
    if isinstance(result, str):
        return result
    return f"已发布到应用数据库：新增 {result.inserted} 条，更新 {result.updated} 条"


def _with_options(
    settings: ScreenConfig,
    rules: str | None,
    params: list[str],
    courts: list[str] | None,
    case_types: list[str] | None,
    dates: tuple[str | None, ...],
) -> ScreenConfig:
    update: dict[str, object] = {}
    if rules:
        update["rules"] = [r.strip() for r in rules.split(",") if r.strip()]
    if params:
        merged = {k: dict(v) for k, v in settings.params.items()}
        for rule_id, values in parse_param_overrides(params).items():
            merged.setdefault(rule_id, {}).update(values)
        update["params"] = merged
    scope = settings.scope.model_copy()
    if courts:
        scope.courts = courts
    if case_types:
        scope.case_types = case_types
    names = ("filed_from", "filed_to", "closed_from", "closed_to")
    for name, text in zip(names, dates, strict=True):
        if text:
            setattr(scope, name, parse_date(text))
    update["scope"] = scope
    return settings.model_copy(update=update)


def _run(
    workspace: Workspace, day: object, settings: ScreenConfig, err: Console, show_progress: bool,
    engine: tuple[str, Path | None, str | None] = ("duckdb", None, None),
    incremental: bool = False,
) -> ScreenResult:
    import datetime as dt

    assert isinstance(day, dt.date)
    name, lake, master = engine
    if not show_progress or incremental:
        return workspace.screen(day, settings, None, name, lake, master, incremental)
    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("运行规则", total=None)

        def progress(rule_id: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"已运行 {rule_id}")

        return workspace.screen(day, settings, progress, name, lake, master)


def _write(result: ScreenResult, fmt: str, out: Path | None, purpose: str) -> None:
    mark = ExportMark.for_command_line(purpose) if fmt in ("csv", "xlsx") else None
    if fmt == "xlsx":
        assert out is not None
        write_xlsx(result.leads, out, mark)
        return
    if fmt == "table":
        if out:
            Console(file=out.open("w", encoding="utf-8"), width=200).print(
                leads_table(result.leads)
            )
        else:
            Console().print(leads_table(result.leads, limit=200))
        return
    extra = {"as_of": result.as_of.isoformat(), "run_id": result.run_id, "rules": result.rules,
             "horizon_warnings": [w.as_json() for w in result.warnings],
             "rule_versions": result.versions, "skipped": result.skipped}
    text = write_json(result.leads, extra) if fmt == "json" else write_csv(result.leads, mark)
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)


def _fail(err: Console, message: str) -> None:
    err.print(f"[bold red]错误[/] {message}", highlight=False)
    raise typer.Exit(code=2)
