"""``zhongben documents draft``: the document generator from the command line, for batch
printing and checks — a draft from a lead's evidence and its case's facts in the workspace,
unsigned and without 文号; ``--pdf`` writes the PDF beside it. ``zhongben documents check``
runs the send-before checks on a .docx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from zhongben.documents.model import KINDS
from zhongben.workspace import DEFAULT_DB, Workspace

documents_app = typer.Typer(
    help="检察文书：起草（检察建议书、说明案件执行情况通知书、调查核实报告）与检查。",
    no_args_is_help=True)
KIND_HELP = "检察建议书 | 说明案件执行情况通知书 | 调查核实报告"


def draft(
    db: str = typer.Option(DEFAULT_DB, "--db", help="分析工作区（DuckDB 文件）"),
    lead: str = typer.Option(..., "--lead", help="线索编号（lead_key）"),
    kind: str = typer.Option(..., "--kind", help=KIND_HELP),
    out_file: str = typer.Option(..., "--out", help="输出的 .docx 文件"),
    pdf: bool = typer.Option(False, "--pdf", help="同时在旁边生成 PDF（需要 LibreOffice）"),
) -> None:
    """按线索的证据和案件数据起草文书（未签发，无文号，落款日期留空）。"""
    from zhongben.documents.pdf import PdfError
    from zhongben.documents.sources import LeadNotFound

    out = Path(out_file)
    if kind not in KINDS:
        _fail(f"--kind 只能是 {'、'.join(KINDS)}，不能是“{kind}”")
    if not Path(db).exists():
        _fail(f"找不到工作区文件 {db}（请先运行 zhongben ingest 和 zhongben screen）")
    if out.suffix.lower() != ".docx":
        _fail(f"--out 须是 .docx 文件，不能是 {out}")
    try:
        drafted = Workspace(db).draft_document(lead, kind, date.today())
    except LeadNotFound as exc:
        _fail(str(exc))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(drafted.content)
    typer.echo(f"已生成{kind}草稿：{out}")
    for warning in drafted.warnings:
        typer.echo(f"  提示：{warning}")
    if pdf:
        from zhongben.documents.pdf import docx_to_pdf

        try:
            target = out.with_suffix(".pdf")
            target.write_bytes(docx_to_pdf(drafted.content, out.stem))
        except PdfError as exc:
            _fail(str(exc))
        typer.echo(f"已生成 PDF：{target}")


def check(
    path: str = typer.Argument(..., help="要检查的 .docx"),
    kind: str = typer.Option(..., "--kind", help="文书种类"),
    issued: bool = typer.Option(False, "--issued", help="按已签发文书检查（须有文号）"),
) -> None:
    """按 shared/documents.md 的清单检查文书；有不合格项时退出码为 1。"""
    from zhongben.documents.check import check_docx

    file = Path(path)
    if kind not in KINDS:
        _fail(f"--kind 只能是 {'、'.join(KINDS)}")
    if not file.exists():
        _fail(f"找不到文件 {file}")
    problems = check_docx(file.read_bytes(), kind, issued)
    for p in problems:
        typer.echo(f"{p.severity}：{p.message}")
    if not problems:
        typer.echo("检查通过")
    raise typer.Exit(1 if any(p.severity == "不合格" for p in problems) else 0)


def _fail(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    documents_app.command("draft")(draft)
    documents_app.command("check")(check)
    app.add_typer(documents_app, name="documents")
