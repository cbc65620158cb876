# ruff: noqa: E501  (Chinese template text: full-width characters count double)
"""Rendering a ``Doc`` into the file formats extraction reads: text PDF (reportlab, embedded
subset of a CJK TrueType font), scanned pages (PIL images with skew, blur, speckle and JPEG
artefacts; as PNG/JPEG/TIFF or an image-only PDF), .docx, .txt (UTF-8 or GBK) and saved .html."""

from __future__ import annotations

import html
import io
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from corpus_content import Doc
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
A4_MM = (210.0, 297.0)
KANGXI = str.maketrans({"人": "⼈", "民": "⺠", "长": "⻓", "门": "⻔"})


def font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise FileNotFoundError("需要中文字体：apt-get install fonts-wqy-zenhei")


@dataclass(frozen=True)
class Style:
    size: float  # body font size, points
    chars: int  # characters per body line
    spacing: float  # line height / font size
    top_mm: float
    left_mm: float
    footer: bool
    pua: bool  # private-use characters sprinkled after commas (a broken text layer)
    kangxi: bool  # radical code points instead of ideographs (a broken text layer)


def random_style(rng: random.Random) -> Style:
    size = rng.choice((11.0, 12.0, 13.0))
    chars = int((A4_MM[0] - 50) / (size * 0.3528))
    return Style(size, chars, rng.choice((1.6, 1.8, 2.0)), rng.choice((22.0, 28.0)),
                 rng.choice((24.0, 26.0)), rng.random() < 0.6, rng.random() < 0.15,
                 rng.random() < 0.15)


def wrap(text: str, width: int) -> list[str]:
    """Hard-wrap a paragraph; half-width characters count as half."""
    lines, current, used = [], "", 0.0
    for ch in text:
        w = 0.5 if ord(ch) < 0x2E80 and ch not in "　" else 1.0
        if used + w > width:
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += w
    if current:
        lines.append(current)
    return lines


def layout(doc: Doc, style: Style) -> list[tuple[str, str, float]]:
    """(text, align, size factor) per printed line."""
    out: list[tuple[str, str, float]] = []
    for line in doc.header:
        is_title = doc.title in line.replace(" ", "")
        court = line.endswith("人民法院") and not line.startswith("书记员")
        align = "center" if is_title or court else ("right" if line.startswith(("(", "（", "〔"))
                                                     else "left")
        if align == "left":
            out += [(t, "left", 1.0) for t in wrap(line, style.chars)]
        else:
            out.append((line, align, 1.6 if is_title else 1.2 if court else 1.0))
    for para in doc.body:
        out += [(t, "left", 1.0) for t in wrap("　　" + para, style.chars)]
    out.append(("", "left", 1.0))
    out += [(line, "right", 1.0) for line in doc.signature]
    for para in doc.appendix:
        out += [(t, "left", 0.9) for t in wrap(para, style.chars)]
    return out


def pages(doc: Doc, style: Style) -> list[list[tuple[str, str, float]]]:
    lines = layout(doc, style)
    usable = A4_MM[1] - style.top_mm - 25
    per_page = max(10, int(usable / (style.size * 0.3528 * style.spacing)))
    return [lines[i : i + per_page] for i in range(0, len(lines), per_page)]


def _broken_text(text: str, style: Style, rng: random.Random) -> str:
    if style.kangxi:
        text = text.translate(KANGXI)
    if style.pua and "，" in text and rng.random() < 0.5:
        text = text.replace("，", "，\ue01a", 1)
    return text


def render_text_pdf(doc: Doc, path: Path, style: Style, rng: random.Random) -> int:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "CJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CJK", font_path(), subfontIndex=0))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    laid = pages(doc, style)
    for number, page in enumerate(laid, 1):
        y = A4[1] - style.top_mm * mm
        for text, align, factor in page:
            size = style.size * factor
            pdf.setFont("CJK", size)
            drawn = _broken_text(text, style, rng)
            if align == "center":
                pdf.drawCentredString(A4[0] / 2, y, drawn)
            elif align == "right":
                pdf.drawRightString(A4[0] - style.left_mm * mm, y, drawn)
            else:
                pdf.drawString(style.left_mm * mm, y, drawn)
            y -= style.size * style.spacing
        if style.footer:
            pdf.setFont("CJK", 9)
            pdf.drawCentredString(A4[0] / 2, 12 * mm, f"第 {number} 页 共 {len(laid)} 页")
        pdf.showPage()
    pdf.save()
    return len(laid)


def render_images(doc: Doc, style: Style, rng: random.Random, dpi: int = 150) -> list[Image.Image]:
    px_per_mm = dpi / 25.4
    width, height = round(A4_MM[0] * px_per_mm), round(A4_MM[1] * px_per_mm)
    images = []
    for page in pages(doc, style):
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        y = style.top_mm * px_per_mm
        for text, align, factor in page:
            size = round(style.size * factor * dpi / 72)
            font = ImageFont.truetype(font_path(), size)
            text_width = draw.textlength(text, font=font)
            if align == "center":
                x = (width - text_width) / 2
            elif align == "right":
                x = width - style.left_mm * px_per_mm - text_width
            else:
                x = style.left_mm * px_per_mm
            draw.text((x, y), text, font=font, fill=rng.randrange(0, 50))
            y += style.size * style.spacing * dpi / 72
        images.append(degrade(img, rng))
    return images


def degrade(img: Image.Image, rng: random.Random) -> Image.Image:
    """What a scanner and a photocopier do: skew, blur, grey background, speckle, stains."""
    img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BILINEAR, fillcolor=255)
    if rng.random() < 0.7:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    sigma = rng.uniform(10, 28)
    grain = np.random.default_rng(rng.randrange(2**32)).normal(168, sigma, (img.height, img.width))
    noise = Image.fromarray(grain.clip(0, 255).astype(np.uint8))
    img = Image.blend(img, noise, 0.12)
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randrange(50, 200)):
        x, y = rng.randrange(img.width), rng.randrange(img.height)
        draw.point((x, y), fill=rng.randrange(0, 120))
    return img


def save_images(images: list[Image.Image], path: Path, rng: random.Random) -> None:
    suffix = path.suffix.lower()
    if suffix in (".jpg", ".jpeg"):
        images[0].save(path, quality=rng.randrange(55, 80))
    elif suffix in (".tif", ".tiff"):
        images[0].save(path, save_all=True, append_images=images[1:], compression="tiff_lzw")
    else:
        images[0].save(path, optimize=True)


def render_scanned_pdf(images: list[Image.Image], path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=70)
        buffer.seek(0)
        pdf.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()


def plain_lines(doc: Doc, spaced_title: bool) -> list[str]:
    lines = list(doc.header) + doc.body + doc.signature + doc.appendix
    if spaced_title:
        lines = [" ".join(line) if line == doc.title else line for line in lines]
    return lines


def render_docx(doc: Doc, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for line in plain_lines(doc, False):
        paragraph = document.add_paragraph(line)
        if line.replace(" ", "") == doc.title or line.endswith("人民法院"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.core_properties.author = "test"
    document.save(str(path))


def render_txt(doc: Doc, path: Path, rng: random.Random) -> None:
    text = "\r\n".join(plain_lines(doc, rng.random() < 0.5)) + "\r\n"
    path.write_bytes(text.encode(rng.choice(("utf-8", "gbk", "utf-8-sig"))))


def render_html(doc: Doc, path: Path, rng: random.Random) -> None:
    encoding = rng.choice(("utf-8", "gbk"))
    parts = [f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
             f"<title>{html.escape(doc.title)} - 中国裁判文书网</title>",
             "<style>.c{text-align:center}</style><script>var x = '裁定如下';</script></head><body>",
             '<div class="nav">首页 &gt; 文书详情</div><div id="content">']
    for line in plain_lines(doc, rng.random() < 0.5):
        parts.append(f'<div style="text-align:left">{html.escape(line)}</div>')
    parts.append("</div><div class='footer'>版权所有</div></body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
