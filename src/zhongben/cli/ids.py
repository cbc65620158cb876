"""``zhongben ids``: what a 案号, 身份证号 or 统一社会信用代码 says, one JSON line per input
(the checks a clerk runs by hand), and ``ids courts-refresh``, which rebuilds the national court
table."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from zhongben.identifiers import describe
from zhongben.identifiers.court_refresh import RefreshError, refresh

ids_app = typer.Typer(help="证件号、统一社会信用代码、案号的校验与解读（每个输入输出一行 JSON）。",
                      no_args_is_help=True)
PACKAGE_DATA = Path(describe.__file__).parent / "data"


def register(app: typer.Typer) -> None:
    app.add_typer(ids_app, name="ids")


def _inputs(values: list[str] | None) -> Iterable[str]:
    """The arguments, or one value per line of standard input when none are given."""
    if values:
        return values
    return (line.strip() for line in sys.stdin if line.strip())


def _emit(values: Iterable[str], describe_one: Callable[[str], dict[str, Any]]) -> None:
    invalid = 0
    for value in values:
        result = describe_one(value)
        invalid += not result.get("valid")
        typer.echo(json.dumps(result, ensure_ascii=False))
    if invalid:
        raise typer.Exit(code=1)


TextArgs = Annotated[list[str] | None, typer.Argument(help="要解读的值（不给则逐行读标准输入）",
                                                      show_default=False)]


@ids_app.command("case-no", help="解读案号：年度、法院、级别、地区、类型、序号。")
def case_no(
    values: TextArgs = None,
    province: Annotated[str | None, typer.Option(
        "--province", help="旧案号（2016年前）法院简称有歧义时所在省份的简称，如 浙")] = None,
) -> None:
    _emit(_inputs(values), lambda v: describe.describe_case_no(v, province))


@ids_app.command("id-no", help="校验身份证号：校验码、出生日期、性别、地区。")
def id_no(values: TextArgs = None) -> None:
    _emit(_inputs(values), describe.describe_id_no)


@ids_app.command("uscc", help="校验统一社会信用代码：校验码、登记管理部门、机构类别、地区。")
def uscc(values: TextArgs = None) -> None:
    _emit(_inputs(values), describe.describe_uscc)


@ids_app.command("courts-refresh",
                 help="由民政部行政区划代码表（可多年）和修订表重建全国法院代字表。")
def courts_refresh(
    lists: Annotated[list[Path], typer.Argument(
        help="行政区划代码表文件（文件名含年份，如 2024.txt / 2024年行政区划代码.xlsx）",
        show_default=False)],
    curated: Annotated[Path, typer.Option("--curated", help="修订表（规则以外的法院）")] =
        PACKAGE_DATA / "courts_curated.csv",
    out: Annotated[Path, typer.Option("--out", help="输出的法院表")] = PACKAGE_DATA / "courts.csv",
    source_note: Annotated[str | None, typer.Option(
        "--source-note", help="写入表头的代码表来源说明（默认列出文件名）")] = None,
) -> None:
    try:
        courts = refresh(lists, curated, out, source_note)
    except (RefreshError, OSError) as error:
        typer.echo(f"重建失败：{error}", err=True)
        raise typer.Exit(code=2) from error
    current = sum(c.current == "1" for c in courts)
    typer.echo(f"已写入 {out}：{len(courts):,} 个法院（现有 {current:,} 个）")
