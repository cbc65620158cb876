"""``zhongben extract FILES_OR_DIRS... --out DIR``: read court documents into contract tables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from zhongben.extract import ExtractReport, extract_paths
from zhongben.extract.readers import UnreadableFile

HELP = ("从法律文书（PDF、扫描件图片、Word、文本、网页）中识别文书类型，"
        "提取案号、当事人、金额、日期、财产调查等字段，"
        "输出可直接导入的 cases/parties/actions/documents 表及 documents.jsonl。")


def register(app: typer.Typer) -> None:
    app.command("extract", help=HELP)(extract)


def extract(
    paths: Annotated[list[Path], typer.Argument(help="文书文件或文件夹", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="输出目录")] = Path("extracted"),
    no_ocr: Annotated[bool, typer.Option("--no-ocr", help="不对扫描页做文字识别（OCR）")] = False,
) -> None:
    console = Console(stderr=True)
    try:
        report = extract_paths(paths, out, use_ocr=not no_ocr,
                               progress=lambda p: console.print(f"读取 {p}", highlight=False))
    except UnreadableFile as exc:
        console.print(f"[bold red]错误[/] {exc}", highlight=False)
        raise typer.Exit(code=2) from exc
    print_summary(report, out, Console())
    if report.failures:
        raise typer.Exit(code=2)


def print_summary(report: ExtractReport, out: Path, console: Console) -> None:
    kinds: dict[str, int] = {}
    for doc in report.documents:
        kinds[doc.kind.value] = kinds.get(doc.kind.value, 0) + 1
    console.print(f"共读取文书 {len(report.documents)} 份、{report.pages} 页（其中 OCR "
                  f"{report.ocr_pages} 页），用时 {report.seconds:.1f} 秒。", highlight=False)
    for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        console.print(f"  {kind}：{count}", highlight=False)
    for name, count in report.written.items():
        console.print(f"  写出 {out / name}：{count} 行", highlight=False)
    for doc in report.documents:
        for warning in doc.warnings:
            console.print(f"  · {Path(doc.source).name}：{warning}", highlight=False)
    for file, why in report.failures:
        console.print(f"[bold red]无法读取[/] {file}：{why}", highlight=False)
