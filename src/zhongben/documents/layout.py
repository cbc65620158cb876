"""The page of a procuratorial document after GB/T 9704-2012 (党政机关公文格式): A4, 天头 37 mm,
订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters (a line and character grid), title in
2号 方正小标宋简体, body in 3号 仿宋_GB2312, headings in 黑体 / 楷体_GB2312, page numbers in
4号 as `— 1 —` from a PAGE field (odd pages right, even pages left, one character in).
The font names are those a procuratorate's Word has; the PDF renderer maps them to free fonts
(documents/fonts/fonts.conf) and embeds those."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

TITLE_FONT, BODY_FONT, HEI_FONT, KAI_FONT, SONG_FONT = (
    "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体")
SIZE_2, SIZE_3, SIZE_4 = Pt(22), Pt(16), Pt(14)
LINE_PITCH = 579  # twips: 225 mm / 22 lines
# 28 characters to the 156 mm (442.2 pt) line: 16 pt characters set 0.25 pt closer (15.75 pt).
# (A linesAndChars grid would say the same to Word, but LibreOffice lays it out wider.)
CHAR_TIGHTEN = -5  # twentieths of a point
A4 = (Mm(210), Mm(297))
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
FOOTER_DISTANCE = Mm(23)  # the page number sits 7 mm below the 版心
STYLES = {  # name: (font, size, alignment, first-line indent in characters, bold)
    "ZB Body": (BODY_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, False),
    "ZB Title": (TITLE_FONT, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    "ZB Org": (TITLE_FONT, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    "ZB DocNo": (BODY_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
    "ZB Addressee": (BODY_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "ZB Heading": (HEI_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.LEFT, 2, False),
    "ZB Heading2": (KAI_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.LEFT, 2, False),
    "ZB Signature": (BODY_FONT, SIZE_3, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
    "ZB CC": (BODY_FONT, SIZE_4, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "ZB PageNo": (SONG_FONT, SIZE_4, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
}


def set_fonts(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _style(doc: DocxDocument, name: str) -> ParagraphStyle:
    font, size, align, indent, bold = STYLES[name]
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles["Normal"]
    style.font.size, style.font.bold = size, bold
    set_fonts(style.element.get_or_add_rPr(), font)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.line_spacing, fmt.space_before, fmt.space_after = Twips(LINE_PITCH), Pt(0), Pt(0)
    if indent:
        ind = OxmlElement("w:ind")
        ind.set(qn("w:firstLineChars"), str(indent * 100))
        ind.set(qn("w:firstLine"), str(int(size.pt * 20 * indent)))
        style.element.get_or_add_pPr().append(ind)
    return style


def _grid(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    section.footer_distance = FOOTER_DISTANCE
    section.header_distance = Mm(15)
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    sect.append(grid)


def add_page_field(paragraph: Paragraph) -> None:
    """`— N —` where N is a PAGE field (Word and LibreOffice update it per page)."""
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""
    paragraph.add_run(" —")


def _page_numbers(doc: DocxDocument) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles["ZB PageNo"]
        paragraph.alignment = align
        setattr(paragraph.paragraph_format, f"{side}_indent", SIZE_4)  # one character in
        add_page_field(paragraph)


def _defaults(doc: DocxDocument) -> None:
    """Document defaults: 3号 仿宋 set 0.25 pt tight (28 to the line), exact 22-line pitch."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in list(rpr):
        rpr.remove(old)
    set_fonts(rpr, BODY_FONT)
    tighten = OxmlElement("w:spacing")
    tighten.set(qn("w:val"), str(CHAR_TIGHTEN))
    rpr.append(tighten)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "32")
        rpr.append(size)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(LINE_PITCH))
    spacing.set(qn("w:lineRule"), "exact")


@lru_cache(maxsize=1)
def _template() -> bytes:
    buffer = io.BytesIO()
    _fresh().save(buffer)
    return buffer.getvalue()


def new_document() -> DocxDocument:
    """An empty document on the page above (built once, then copied: building is slow)."""
    return Document(io.BytesIO(_template()))


def style_id(name: str) -> str:
    return name.replace(" ", "")


def _fresh() -> DocxDocument:
    doc = Document()
    _defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.size = SIZE_3
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    for name in STYLES:
        _style(doc, name)
    _grid(doc)
    _page_numbers(doc)
    doc.core_properties.language = "zh-CN"
    return doc
