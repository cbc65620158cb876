"""``zhongben templates export --out 模版/``: one data-request template (数据要素模版) per
agency."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zhongben.data_requests.sources import AGENCIES
from zhongben.data_requests.workbook import write_template

templates_app = typer.Typer(
    help="数据要素模版：向各单位调取数据的 Excel 模版（含函、填写说明、数据校验）。",
    no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(templates_app, name="templates")


@templates_app.command("export", help="导出全部单位（或 --agency 指定单位）的数据要素模版。")
def export(
    out: Annotated[Path, typer.Option("--out", help="输出文件夹")] = Path("模版"),
    agency: Annotated[list[str] | None, typer.Option(
        "--agency", help="只导出这些单位：" + "、".join(a.key for a in AGENCIES))] = None,
    office: Annotated[str | None, typer.Option("--office", help="发函的人民检察院名称")] = None,
) -> None:
    chosen = [a for a in AGENCIES if not agency or a.key in agency]
    unknown = set(agency or []) - {a.key for a in AGENCIES}
    if unknown:
        known = "、".join(a.key for a in AGENCIES)
        typer.echo(f"未知单位：{'、'.join(sorted(unknown))}（可选：{known}）", err=True)
        raise typer.Exit(code=2)
    out.mkdir(parents=True, exist_ok=True)
    for item in chosen:
        path = out / f"数据要素模版_{item.key}.xlsx"
        write_template(item, path, office)
        typer.echo(f"{path}（{'、'.join(item.tables)}）")
