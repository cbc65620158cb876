"""``zhongben export anonymised``: the workspace for research and teaching (脱敏), with its leak
check and, given ``--as-of``, the proof that the rules find as many leads per rule on it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zhongben.anon.check import lead_counts
from zhongben.anon.export import AnonymiseError, LeakFound, anonymise, new_key, read_key
from zhongben.engine.opener import WorkspaceError
from zhongben.rules.config import ConfigError, parse_date
from zhongben.workspace import DEFAULT_DB


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="导出工作库。", no_args_is_help=True)
    group.command("anonymised", help="脱敏导出：以本院密钥生成假名替换姓名、证件号、电话、车牌、"
                  "账号、地址和案号（校验位仍有效，关联不变），出生日期按人平移，自由文本清洗；"
                  "导出后自动做泄露检查，给出 --as-of 时再核对各规则线索数。")(anonymised)
    app.add_typer(group, name="export")


def anonymised(
    key_file: Annotated[Path, typer.Option("--key-file", help="本院保管的密钥文件（至少16字节）")],
    out: Annotated[Path, typer.Option("--out", help="输出的脱敏工作库（DuckDB 文件，不得已存在）")],
    db: Annotated[Path, typer.Option("--db", help="分析工作区（DuckDB 文件）")] = Path(DEFAULT_DB),
    new: Annotated[bool, typer.Option("--new-key", help="密钥文件不存在时生成一个新密钥")] = False,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="筛查日期：在原库与脱敏库（日期同样平移）上各筛查一次，"
                        "核对每条规则线索数")] = None,
    shift_years: Annotated[int, typer.Option(
        "--shift-years", min=0, max=20,
        help="所有日期整体提前的年数（默认 0：与法律修改日期、节假日相关的规则"
             "会因平移而结果不同）")] = 0,
) -> None:
    try:
        day = parse_date(as_of) if as_of else None
        if new and not key_file.exists():
            new_key(key_file)
            typer.echo(f"已生成密钥文件 {key_file}：请由本院妥善保管，勿随脱敏数据外发")
        report = anonymise(db, out, read_key(key_file), shift_years, day)
    except LeakFound as exc:
        for leak in exc.leaks:
            typer.echo(f"泄露：表 {leak.table} 列 {leak.column} 含原始值", err=True)
        typer.echo("泄露检查未通过，未写出输出文件", err=True)
        raise typer.Exit(2) from exc
    except (AnonymiseError, WorkspaceError, ConfigError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"已写出脱敏工作库 {report.out}：{report.tables} 张表、{report.rows:,} 行，"
               f"替换原始值 {report.values:,} 个；出生日期按人平移 {report.births_moved:,}/"
               f"{report.persons:,} 人（各人在其记录日期上的年龄不变）"
               + (f"；日期整体提前 {report.year_shift} 年" if report.year_shift else ""))
    typer.echo("泄露检查通过（各表逐值及文件字节）：输出中没有任何原始姓名、证件号、电话、车牌、账号、地址或案号")
    if day is not None:
        _compare(db, out, day, report.year_shift)


def _compare(db: Path, out: Path, day: object, years: int) -> None:
    import datetime as dt

    assert isinstance(day, dt.date)
    shifted = day.replace(year=day.year - years) if (day.month, day.day) != (2, 29) else \
        day.replace(year=day.year - years, day=28)
    before, after = lead_counts(db, day), lead_counts(out, shifted)
    for rule in sorted(set(before) | set(after)):
        mark = "" if before[rule] == after[rule] else "  ← 不一致"
        typer.echo(f"{rule}：原库 {before[rule]} 条，脱敏库 {after[rule]} 条{mark}")
    if before != after:
        typer.echo("脱敏库上的线索数与原库不一致", err=True)
        raise typer.Exit(3)
    typer.echo(f"各规则线索数一致（原库筛查日 {day}，脱敏库筛查日 {shifted}）")
