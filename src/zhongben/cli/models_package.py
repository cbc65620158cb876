"""``zhongben models export IDS --db WS --out PKG.zip`` and ``zhongben models import PKG.zip --db
WS``: model packages (docs/model-packages.md). Every refusal is printed in Chinese with what to
do, exit code 1 (the package) or 2 (the command line, the workspace)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from zhongben.rules.local import library_of, local_library_dir
from zhongben.rules.packages.archive import PackageRefused
from zhongben.rules.problems import RuleError
from zhongben.workspace import DEFAULT_DB

DbOption = Annotated[Path, typer.Option("--db", help="工作库文件（DuckDB）；本地规则库在其旁边的 "
                                                     "<工作库名>.models/ 中")]


def register(group: typer.Typer) -> None:
    group.command("export", help="把规则（内置或本地）导出为自包含的模型包（zip）：规则 SQL 与"
                                 "头部、测试、参数、说明文档、所需数据表与列、内容哈希。")(export)
    group.command("import", help="校验模型包（内容哈希、数据契约、可移植写法、包内测试）后安装到"
                                 "工作库的本地规则库；不通过则拒绝并说明原因，内置规则库不变。")(
        import_cmd)


def export(
    ids: Annotated[str, typer.Argument(help="规则编号，逗号分隔，如 ZB-01,DC-04")] = "",
    out: Annotated[Path | None, typer.Option("--out", help="模型包文件（.zip），必填")] = None,
    db: DbOption = Path(DEFAULT_DB),
    name: Annotated[str | None, typer.Option("--name", help="模型包名称（默认取文件名）")] = None,
    rename: Annotated[list[str] | None, typer.Option(
        "--rename", help="以新编号导出：旧编号=新编号，如 DC-04=LC-04，可重复")] = None,
    office: Annotated[str, typer.Option("--office", envvar="ZHONGBEN_OFFICE",
                                        help="导出单位（写入清单），默认取 ZHONGBEN_OFFICE")] = "",
) -> None:
    from zhongben.rules.packages.export import ExportRequest, export_package

    err = Console(stderr=True)
    if out is None or not ids.strip():
        _fail(err, "请给出规则编号与输出文件，如 zhongben models export ZB-01,DC-04 --db ws.duckdb "
                   "--out 模型包.zip", 2)
    assert out is not None
    renames = _renames(err, rename or [])
    request = ExportRequest([i.strip() for i in ids.split(",") if i.strip()], out,
                            name or out.stem, renames, office, local_library_dir(db))
    try:
        done = export_package(library_of(db), request)
    except RuleError as exc:
        _fail(err, f"工作区规则库有误：{exc}", 2)
    except PackageRefused as exc:
        _fail(err, f"未导出模型包，原因：\n{exc}", 1)
    for warning in done.warnings:
        err.print(f"[bold yellow]提示[/] {warning}", highlight=False, soft_wrap=True)
    rules = "、".join(r.id for r in done.manifest.rules)
    err.print(f"已导出模型包 {done.manifest.name}：{rules}，写入 {done.path}（内容哈希 "
              f"{done.manifest.content_hash[:12]}…）", highlight=False, soft_wrap=True)


def import_cmd(
    package: Annotated[Path | None, typer.Argument(help="模型包文件（.zip）")] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    from zhongben.rules.packages.install import install_package

    err = Console(stderr=True)
    if package is None:
        _fail(err, "请给出模型包文件，如 zhongben models import 模型包.zip --db ws.duckdb", 2)
    assert package is not None
    try:
        done = install_package(db, package)
    except PackageRefused as exc:
        _fail(err, f"拒绝导入模型包 {package.name}，原因：\n{exc}\n工作区与规则库均未改动。", 1)
    rules = "、".join(r.id for r in done.manifest.rules)
    if done.unchanged:
        err.print(f"模型包 {done.manifest.name} 已导入过（内容相同），未作改动", highlight=False,
                  soft_wrap=True)
        return
    again = f"（替换此前导入的 {'、'.join(done.replaced)}）" if done.replaced else ""
    err.print(f"已导入模型包 {done.manifest.name}：{rules}{again}，包内测试 {done.tests_passed} "
              f"项通过，安装到 {done.library}", highlight=False, soft_wrap=True)


def _renames(err: Console, items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        old, sep, new = item.partition("=")
        if not sep or not old.strip() or not new.strip():
            _fail(err, f"--rename {item!r} 的格式应为 旧编号=新编号，如 DC-04=LC-04", 2)
        out[old.strip()] = new.strip()
    return out


def _fail(err: Console, message: str, code: int) -> None:
    err.print("[bold red]错误[/] ", end="", highlight=False, soft_wrap=True)
    err.print(message, highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(code=code)
