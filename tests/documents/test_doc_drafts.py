"""For the top lead of every rule family on the demo-like world, the three documents draft from
the CLI and from the web, and each .docx passes the send-before checks (A4, page-number field,
parts in order, no ISO date / marker / brace / English word / unmasked ID / short law name) with
the parties, the judgment enforced, the 终本 date and the unpaid amount filled from the data."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import docx
import duckdb
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from zhongben.cli.main import app as cli
from zhongben.documents.check import check_docx, paragraphs
from zhongben.documents.model import KINDS
from zhongben.documents.pdf import docx_to_pdf
from zhongben.store.models import Lead
from zhongben.web.app import Settings, create_app

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))
from helpers import login

CODES = {"检察建议书": "recommendation", "说明案件执行情况通知书": "notice",
         "调查核实报告": "investigation"}


def case_row(workspace: Path, text: str) -> tuple | None:  # type: ignore[type-arg]
    found = re.search(r"案号(\(\d{4}\)[^，。]+?号)", text)
    if not found:
        return None
    with duckdb.connect(str(workspace), read_only=True) as con:
        return con.execute("select close_method, closed_on, basis_no from cases where case_no = ?",
                           [found.group(1)]).fetchone()


def assert_sendable(content: bytes, kind: str, workspace: Path) -> str:
    problems = [p for p in check_docx(content, kind) if p.severity == "不合格"]
    assert not problems, (kind, problems)
    text = "\n".join(paragraphs(content))
    assert re.search(r"申请执行人[\u4e00-\u9fa5]{2,}依据", text), kind
    row = case_row(workspace, text)
    assert row is not None, text[:400]
    close_method, closed_on, basis_no = row
    assert basis_no and basis_no in text
    if close_method == "终结本次执行程序":
        day = f"{closed_on.year}年{closed_on.month}月{closed_on.day}日"
        assert re.search(day + r"作出.*执行裁定，终结本次执行程序", text), kind
        assert re.search(r"尚有[0-9,]+\.\d{2}元未履行", text)
    for p in re.findall(r"公民身份号码(\S{18})", text):
        assert "*" in p
    return text


def test_cli_drafts_every_kind_for_every_family(workspace: Path, top_leads: dict[str, str],
                                                tmp_path: Path) -> None:
    runner = CliRunner()
    assert len(top_leads) == 12
    for family, key in top_leads.items():
        for kind in KINDS:
            out = tmp_path / f"{key[:8]}-{CODES[kind]}.docx"
            result = runner.invoke(cli, ["documents", "draft", "--db", str(workspace), "--lead",
                                         key, "--kind", kind, "--out", str(out)])
            assert result.exit_code == 0, (family, kind, result.output)
            text = assert_sendable(out.read_bytes(), kind, workspace)
            if kind == "调查核实报告":  # no pre-written conclusion
                assert re.search(r"七、处理意见\n+承办检察官", text)
                assert re.search(r"五、认定的事实与证据\n+六、", text)
                assert "经调查核实，线索反映的问题属实" not in text


def test_cli_refuses_bad_input_in_chinese(workspace: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["documents", "draft", "--db", str(workspace), "--lead", "x",
                                 "--kind", "起诉书", "--out", str(tmp_path / "a.docx")])
    assert result.exit_code == 2 and "--kind 只能是" in result.output
    result = runner.invoke(cli, ["documents", "draft", "--db", str(workspace), "--lead", "nope",
                                 "--kind", "检察建议书", "--out", str(tmp_path / "a.docx")])
    assert result.exit_code == 2 and "工作区中没有线索 nope" in result.output
    assert not (tmp_path / "a.docx").exists()


def test_web_drafts_every_kind_for_every_family(world_db: sessionmaker[Session],
                                                workspace: Path, top_leads: dict[str, str],
                                                tmp_path: Path) -> None:
    db = str(world_db.kw["bind"].url.database)
    client = TestClient(create_app(Settings(db=db, workspace=str(workspace),
                                            secret_key="t")))
    token = login(client, "jcg")
    with world_db() as s:
        keys = [k for k in top_leads.values() if s.get(Lead, k) is not None]
    assert len(keys) == 12
    for key in keys:
        opened = client.post(f"/leads/{key}/open-case", data={"csrf_token": token})
        assert "/cases/" in str(opened.url), opened.text[:300]
        case_id = str(opened.url).rstrip("/").split("/")[-1].split("#")[0]
        for kind, code in CODES.items():
            page = client.post(f"/cases/{case_id}/documents/{code}", data={"csrf_token": token})
            assert "/documents/" in str(page.url)
            doc_id = str(page.url).split("/documents/")[1]
            content = client.get(f"/documents/{doc_id}/docx").content
            assert_sendable(content, kind, workspace)
    with world_db() as s:
        assert s.scalar(select(Lead.matter_id).where(Lead.lead_key == keys[0])) is not None


def test_the_pdf_renders_a4_with_embedded_fonts(workspace: Path, top_leads: dict[str, str],
                                                tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "jy.docx"
    key = next(iter(top_leads.values()))
    result = runner.invoke(cli, ["documents", "draft", "--db", str(workspace), "--lead", key,
                                 "--kind", "检察建议书", "--out", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = out.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "A4" in info and int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 2  # type: ignore[union-attr]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "CJK" in fonts and all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    assert "— 1 —" in text.replace("—1—", "— 1 —") and "— 2 —" in text.replace("—2—", "— 2 —")
    height = docx.Document(io.BytesIO(out.read_bytes())).sections[0].page_height or 0
    assert abs(height - docx.shared.Mm(297)) < docx.shared.Mm(1)
    assert docx_to_pdf(out.read_bytes())[:5] == b"%PDF-"
