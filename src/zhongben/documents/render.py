"""A DocumentModel to .docx on the GB/T 9704 page (layout.py): fixed parts in their places,
sections' rich text (<b>, <u>) as runs."""

from __future__ import annotations

import io
from html.parser import HTMLParser

from docx.document import Document as DocxDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from zhongben.documents.layout import SIZE_3, new_document, style_id
from zhongben.documents.model import DocumentModel


class _Runs(HTMLParser):
    """Text with <b>/<strong>/<u> marks → (text, bold, underline) runs; other tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, bool, bool]] = []
        self.bold = self.underline = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.bold += tag in ("b", "strong")
        self.underline += tag == "u"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        if tag == "u":
            self.underline = max(0, self.underline - 1)

    def handle_data(self, data: str) -> None:
        if data:
            self.runs.append((data, self.bold > 0, self.underline > 0))


def runs_of(markup: str) -> list[tuple[str, bool, bool]]:
    parser = _Runs()
    parser.feed(markup)
    parser.close()
    return parser.runs


def plain_text(markup: str) -> str:
    return "".join(text for text, _, _ in runs_of(markup))


def _styled(doc: DocxDocument, style: str) -> Paragraph:
    """A new paragraph in ``style``, set by id (python-docx's lookup by name is slow)."""
    paragraph = doc.add_paragraph()
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_id(style)
    return paragraph


def _para(doc: DocxDocument, style: str, markup: str = "", text: str = "") -> None:
    paragraph = _styled(doc, style)
    for chunk, bold, underline in (runs_of(markup) if markup else [(text, False, False)]):
        run = paragraph.add_run(chunk)
        run.bold, run.underline = bold or None, underline or None


def build(model: DocumentModel) -> DocxDocument:
    doc = new_document()
    if model.kind == "检察建议书":
        _para(doc, "ZB Org", text=model.org_name)
    _para(doc, "ZB Title", text=model.title)
    number = model.doc_no or model.doc_no_blank
    if number:
        _para(doc, "ZB DocNo", text=number)
    _para(doc, "ZB Body", text="")
    if model.addressee:
        _para(doc, "ZB Addressee", text=f"{model.addressee}：")
    for section in model.sections:
        if section.heading:
            _para(doc, "ZB Heading", text=section.heading)
        for markup in section.paragraphs or ([""] if section.heading else []):
            _para(doc, "ZB Body", markup=markup)
    _closing(doc, model)
    return doc


def _closing(doc: DocxDocument, model: DocumentModel) -> None:
    for _ in range(2):
        _para(doc, "ZB Body", text="")
    for text in (model.signer, model.signed_on) + (("（院印）",) if model.seal else ()):
        paragraph = _styled(doc, "ZB Signature")
        paragraph.paragraph_format.right_indent = SIZE_3 * 4  # 右空四字
        paragraph.add_run(text)
    if model.cc:
        _para(doc, "ZB Body", text="")
        cc = _styled(doc, "ZB CC")
        cc.paragraph_format.left_indent = cc.paragraph_format.right_indent = Pt(14)
        cc.add_run("抄送：" + "，".join(model.cc) + "。")


def to_docx(model: DocumentModel) -> bytes:
    buffer = io.BytesIO()
    build(model).save(buffer)
    return buffer.getvalue()
