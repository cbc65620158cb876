"""From lines as read to one clean text: compatibility forms folded, private-use and control
characters dropped, letter-spacing removed, page furniture dropped, wrapped lines re-joined, and
the body told apart from what follows the signature (statute text, 附录)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from zhongben.extract.model import Line, RawDocument

# CJK radical-supplement forms that some PDF producers emit instead of the ideograph (NFKC does not
# map them; the Kangxi radicals U+2F00… it does).
RADICALS = str.maketrans({"⺠": "民", "⻓": "长", "⻔": "门", "⻋": "车", "⻛": "风", "⻅": "见",
                          "⻚": "页", "⻢": "马", "⻄": "西", "⻘": "青", "⻝": "食", "⻩": "黄",
                          "⻰": "龙", "⻬": "齐", "⻆": "角", "⺟": "母", "⻣": "骨"})
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
SPACED_RE = re.compile(f"(?<=[{CJK}〇○])[ \t\u3000]+(?=[{CJK}〇○])")
SPACES_RE = re.compile(r"[ \t]{2,}")
PAGE_FURNITURE_RE = re.compile(r"^(第\s*\d+\s*页\s*(,?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*/\s*\d+|"
                               r"共\s*\d+\s*页\s*第\s*\d+\s*页|\d{1,3})$")
SENTENCE_END = "。:;!?」』"
ROLE_START_RE = re.compile(r"^(申请执行人|被执行人|申请人|被申请人|法定代表人|负责人|"
                           r"委托诉讼代理人|"
                           r"委托代理人|经营者|案外人|第三人|原告|被告|代理人)\s*[:：]")
SIGNATURE_RE = re.compile(r"^(审判长|审判员|执行员|执行长|人民陪审员|法官助理|书记员|代理审判员)")
APPENDIX_RE = re.compile(r"^(附[:：]?.{0,12}(法律|条文|法条|规定)|附[:：]?$|"
                         r"(本案)?(相关|所?适用的?)"
                         r"(法律)?(条文|法条)|附录)")


@dataclass
class CleanText:
    """The document's text after cleanup; ``body_end`` is where the appendix (if any) starts."""

    text: str
    body_end: int
    line_starts: list[int] = field(default_factory=list)
    line_scores: list[float] = field(default_factory=list)
    dropped_chars: int = 0

    def lines(self, limit: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each line of the cleaned text (wrapped lines already re-joined)."""
        spans = []
        start = 0
        for piece in self.text.split("\n"):
            spans.append((start, start + len(piece)))
            start += len(piece) + 1
            if limit is not None and len(spans) >= limit:
                break
        return spans

    @property
    def body(self) -> str:
        return self.text[: self.body_end]

    def score(self, start: int, end: int) -> float:
        """The lowest OCR confidence over the lines the span touches (1.0 for a text layer)."""
        if not self.line_starts:
            return 1.0
        first = max(0, bisect.bisect_right(self.line_starts, start) - 1)
        last = max(first, bisect.bisect_right(self.line_starts, max(start, end - 1)) - 1)
        return min(self.line_scores[first : last + 1])


def normalise_chars(text: str) -> tuple[str, int]:
    """NFKC (full-width and Kangxi forms), radicals mapped; private-use, control and replacement
    characters dropped. Returns the text and how many characters were dropped."""
    text = unicodedata.normalize("NFKC", text.translate(RADICALS))
    kept = [ch for ch in text if not _junk(ch)]
    return "".join(kept), len(text) - len(kept)


def _junk(ch: str) -> bool:
    if ch in "\n\t ":
        return False
    category = unicodedata.category(ch)
    return category in {"Co", "Cc", "Cf", "Cs", "Cn"} or ch == "\ufffd"


def clean_line(text: str) -> tuple[str, int]:
    text, dropped = normalise_chars(text)
    text = SPACED_RE.sub("", text.strip())
    return SPACES_RE.sub(" ", text), dropped


def _content_lines(raw: RawDocument) -> tuple[list[Line], int]:
    out: list[Line] = []
    dropped = 0
    for page in raw.pages:
        for line in page:
            text, lost = clean_line(line.text)
            dropped += lost
            if text and not PAGE_FURNITURE_RE.match(text):
                out.append(Line(text, line.score))
    return out, dropped


def display_width(text: str) -> float:
    """Printed width in ideograph widths: ASCII (digits, Latin) counts as half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _wrap_width(lines: list[Line]) -> float:
    widths = sorted(display_width(line.text) for line in lines)
    return widths[int(len(widths) * 0.9)] if widths else 0.0


def _is_soft_break(prev: str, nxt: str, width: float) -> bool:
    """A line that fills the measure and does not end a sentence continues on the next line."""
    if not prev or prev[-1] in SENTENCE_END or width < 12:
        return False
    if ROLE_START_RE.match(nxt) or SIGNATURE_RE.match(nxt) or APPENDIX_RE.match(nxt):
        return False
    return display_width(prev) >= 0.8 * width


def clean(raw: RawDocument) -> CleanText:
    lines, dropped = _content_lines(raw)
    width = _wrap_width(lines)
    parts: list[str] = []
    starts: list[int] = []
    scores: list[float] = []
    pos = 0
    appendix_at: int | None = None
    for index, line in enumerate(lines):
        if index and not _is_soft_break(lines[index - 1].text, line.text, width):
            parts.append("\n")
            pos += 1
        if appendix_at is None and index > 3 and APPENDIX_RE.match(line.text):
            appendix_at = pos
        starts.append(pos)
        scores.append(line.score)
        parts.append(line.text)
        pos += len(line.text)
    text = "".join(parts)
    body_end = appendix_at if appendix_at is not None else len(text)
    return CleanText(text, body_end, starts, scores, dropped)
