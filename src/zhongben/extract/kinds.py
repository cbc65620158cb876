"""The kind of a document from its title, refined by what the decision orders."""

from __future__ import annotations

import re

from zhongben.extract.layout import CleanText
from zhongben.extract.model import Field

ZHONGBEN = "终结本次执行程序裁定书"
TERMINATION = "终结执行裁定书"
SEIZURE = "查封冻结扣划裁定书"
RESUME_RULING = "恢复执行裁定书"
OTHER_RULING = "执行裁定书"
NOTICE = "执行通知书"
CLOSING = "结案通知书"
RESUME_NOTICE = "恢复执行通知书"
CONSUMPTION = "限制消费令"
REPORT_ORDER = "报告财产令"
DISHONEST = "失信决定书"
OTHER = "其他"
KINDS = (ZHONGBEN, TERMINATION, SEIZURE, RESUME_RULING, OTHER_RULING, NOTICE, CLOSING,
         RESUME_NOTICE, CONSUMPTION, REPORT_ORDER, DISHONEST, OTHER)
RULINGS = (ZHONGBEN, TERMINATION, SEIZURE, RESUME_RULING, OTHER_RULING)

TITLE_RE = re.compile(r"(执行裁定书|民事裁定书|裁定书|恢复执行通知书|执行通知书|结案通知书|通知书|"
                      r"限制消费令|报告财产令|决定书)\s*$")
DECISION_RE = re.compile(r"(裁定|决定)如下|裁定:|决定:")
ZHONGBEN_RE = re.compile(r"终结\s*本次\s*执行\s*程序|本次执行程序\s*终结|终结本次执行")
TERMINATION_RE = re.compile(r"终结.{0,40}?(?:案件)?的?执行|执行.{0,6}终结")
RESUME_RE = re.compile(r"恢复(?:本院.{0,30})?执行")
SEIZE_RE = re.compile(r"查封|冻结|扣划|扣押|划拨|提取|续行")
HEADER_LINES = 12


def find_title(clean: CleanText) -> tuple[str, int, int] | None:
    """The title line among the first lines: (title text, start, end)."""
    for start, end in clean.lines(HEADER_LINES):
        line = clean.text[start:end].strip()
        match = TITLE_RE.search(line)
        if match and len(line) <= 20:
            return line, start, end
    return None


def decision_text(body: str) -> str:
    """What the ruling orders: the text after 裁定如下 (the whole body when there is none)."""
    match = DECISION_RE.search(body)
    return body[match.end():] if match else body


def _ruling_kind(decision: str) -> str:
    if ZHONGBEN_RE.search(decision):
        return ZHONGBEN
    if RESUME_RE.search(decision):
        return RESUME_RULING
    if TERMINATION_RE.search(decision):
        return TERMINATION
    if SEIZE_RE.search(decision):
        return SEIZURE
    return OTHER_RULING


def _notice_kind(title: str, head: str) -> str:
    if "恢复执行" in title or "恢复执行" in head:
        return RESUME_NOTICE
    if "结案" in title:
        return CLOSING
    return NOTICE


def _titled_kind(title: str, clean: CleanText) -> str:
    body = clean.body
    if "裁定书" in title:
        return _ruling_kind(decision_text(body))
    if "通知书" in title:
        return _notice_kind(title, body[:200])
    if "限制消费" in title:
        return CONSUMPTION
    if "报告财产" in title:
        return REPORT_ORDER
    if "失信" in title or "失信" in body[:300]:
        return DISHONEST
    return OTHER


def classify(clean: CleanText) -> Field:
    """The document kind with the title as its source; without a title, from the content."""
    title = find_title(clean)
    if title is not None:
        text, start, end = title
        kind = _titled_kind(text, clean)
        return Field("kind", kind, start, end, text, 0.98 * clean.score(start, end))
    body = clean.body
    match = ZHONGBEN_RE.search(body)
    if match:
        return Field("kind", ZHONGBEN, match.start(), match.end(), match.group(), 0.6)
    return Field("kind", OTHER, 0, 0, "", 0.3)
