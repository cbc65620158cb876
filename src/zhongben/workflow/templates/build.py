"""Builds the .docx templates (docxtpl / Jinja tags) in the standard layout of procuratorial
documents: 方正小标宋 title, 仿宋 三号 body, first-line indent of two characters, the
procuratorate's name and the date at the bottom right. Run ``python -m
zhongben.workflow.templates.build`` after editing; the .docx files are committed."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

HERE = Path(__file__).parent
TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"


def _run_font(paragraph: Paragraph, text: str, font: str, size: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, font
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _para(doc: DocxDocument, text: str, *, align: str = "body", size: float = 16,
          font: str = BODY_FONT, bold: bool = False) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.line_spacing = Pt(28)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "body":
        p.paragraph_format.first_line_indent = Pt(size * 2)
    _run_font(p, text, font, size, bold)


def _new() -> DocxDocument:
    doc = Document()
    for section in doc.sections:
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    return doc


def recommendation() -> DocxDocument:
    doc = _new()
    _para(doc, "{{ org_name }}", align="center", size=22, font=TITLE_FONT)
    _para(doc, "检察建议书", align="center", size=22, font=TITLE_FONT)
    _para(doc, "{{ doc_no }}", align="right")
    _para(doc, "{{ court }}：", align="left")
    _para(doc, "本院在履行民事执行法律监督职责中发现，{{ facts_intro }}")
    _para(doc, "{%p for fact in facts %}")
    _para(doc, "{{ loop.index }}. {{ fact }}")
    _para(doc, "{%p endfor %}")
    _para(doc, "经审查，本院认为：{{ finding }}")
    _para(doc, "根据{{ basis_text }}的规定，现向你院提出如下检察建议：")
    _para(doc, "{%p for item in suggestions %}")
    _para(doc, "{{ item }}")
    _para(doc, "{%p endfor %}")
    _para(doc, "请你院在收到本检察建议书之日起三个月内将办理情况书面回复本院。")
    _para(doc, "")
    _para(doc, "{{ org_name }}", align="right")
    _para(doc, "{{ date_text }}", align="right")
    _para(doc, "（院印）", align="right")
    _para(doc, "抄送：{{ cc }}", align="left", size=14)
    return doc


def investigation() -> DocxDocument:
    doc = _new()
    _para(doc, "关于{{ title }}的调查核实报告", align="center", size=22, font=TITLE_FONT)
    _para(doc, "{{ matter_no }}", align="right")
    _para(doc, "一、线索来源", bold=True)
    _para(doc, "{{ source }}")
    _para(doc, "二、案件基本情况", bold=True)
    _para(doc, "{%p for fact in facts %}")
    _para(doc, "{{ loop.index }}. {{ fact }}")
    _para(doc, "{%p endfor %}")
    _para(doc, "三、调查核实情况", bold=True)
    _para(doc, "{%p for ev in evidence %}")
    _para(doc, "（{{ loop.index }}）{{ ev }}")
    _para(doc, "{%p endfor %}")
    _para(doc, "四、法律依据", bold=True)
    _para(doc, "{%p for b in basis %}")
    _para(doc, "{{ b }}")
    _para(doc, "{%p endfor %}")
    _para(doc, "五、审查意见", bold=True)
    _para(doc, "{{ opinion }}")
    _para(doc, "")
    _para(doc, "承办检察官：{{ prosecutor }}", align="right")
    _para(doc, "{{ date_text }}", align="right")
    return doc


if __name__ == "__main__":
    recommendation().save(str(HERE / "recommendation.docx"))
    investigation().save(str(HERE / "investigation.docx"))
