"""Word (.docx), plain text and saved web pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from zhongben.extract.model import Line, RawDocument

ENCODINGS = ("utf-8-sig", "gb18030")
BLOCK_TAGS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
              "article", "title", "td"}
SKIP_TAGS = {"script", "style", "head", "noscript"}
CHARSET_RE = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (which also reads GBK and GB2312)."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("gb18030", errors="replace")


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.splitlines()]


def read_txt(path: str) -> RawDocument:
    return RawDocument(path, "txt", [_lines(decode(Path(path).read_bytes()))])


def read_docx(path: str) -> RawDocument:
    import docx

    document = docx.Document(path)
    lines = [Line(p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(Line(" ".join(cell.text for cell in row.cells)))
    return RawDocument(path, "docx", [lines])


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_text(data: bytes) -> str:
    declared = CHARSET_RE.search(data[:2048])
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    parser = _HtmlText()
    parser.feed(text if text is not None else decode(data))
    parser.close()
    return "".join(parser.parts)


def read_html(path: str) -> RawDocument:
    return RawDocument(path, "html", [_lines(html_text(Path(path).read_bytes()))])
