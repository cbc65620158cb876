"""The browser editor's HTML → a section's paragraphs: <p>/<div>/<br> split paragraphs, <b>,
<strong> and <u> are kept, everything else is dropped and text is escaped."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

BREAKS = frozenset({"p", "div", "br", "li"})
MARKS = {"b": "b", "strong": "b", "u": "u"}


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[str] = []
        self.current: list[str] = []
        self.open: list[str] = []

    def _flush(self) -> None:
        text = "".join(self.current) + "".join(f"</{m}>" for m in reversed(self.open))
        if text.replace("<b>", "").replace("</b>", "").replace("<u>", "").replace(
                "</u>", "").strip():
            self.done.append(text.strip())
        self.current = [f"<{m}>" for m in self.open]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BREAKS:
            self._flush()
        elif tag in MARKS:
            self.open.append(MARKS[tag])
            self.current.append(f"<{MARKS[tag]}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in BREAKS:
            self._flush()
        elif tag in MARKS and MARKS[tag] in self.open:
            self.open.remove(MARKS[tag])
            self.current.append(f"</{MARKS[tag]}>")

    def handle_data(self, data: str) -> None:
        self.current.append(escape(data.replace("\xa0", " "), quote=False))


def paragraphs_from_html(html: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.done
