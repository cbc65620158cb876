"""Small pure helpers on statement cells (strings in, strings out)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation


def fold(text: str | None) -> str:
    """NFKC (full-width → ASCII), no blanks, lower-case ASCII."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


_DATE = re.compile(r"^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")


def looks_like_date(text: str) -> bool:
    text = unicodedata.normalize("NFKC", text or "").strip()
    return bool(_DATE.match(text) or _SERIAL.match(text))


def iso_date(text: str) -> str:
    """``20230512`` / ``2023/5/12`` / ``2023.05.12`` / ``2023年5月12日`` → ``2023-05-12``;
    a date with its own time keeps the time; anything else is returned as written (the
    normaliser decides)."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.match(text)
    if not m:
        return text
    rest = text[m.end() :].strip()
    day = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    clock = iso_time(rest) if rest else ""
    return f"{day} {clock}" if clock else day


_CLOCK = re.compile(r"^(\d{1,2})[:：.时](\d{1,2})(?:[:：.分](\d{1,2}))?秒?")


def iso_time(text: str) -> str:
    """``101503`` / ``10:15:03`` / ``10.15.03`` / ``10时15分03秒`` → ``10:15:03``;
    '' when unreadable."""
    text = unicodedata.normalize("NFKC", text).strip()
    if re.fullmatch(r"\d{6}", text):
        return f"{text[:2]}:{text[2:4]}:{text[4:]}"
    if re.fullmatch(r"\d{4}", text):
        return f"{text[:2]}:{text[2:]}:00"
    m = _CLOCK.match(text)
    if not m:
        return ""
    second = int(m.group(3) or 0)
    return f"{int(m.group(1)):02d}:{int(m.group(2)):02d}:{second:02d}"


_NOTE_TAIL = re.compile(r"(?<=[0-9])\([^0-9()][^()]*\)$|(?<=[0-9])\(已[^()]*\)$")
PLACEHOLDER = re.compile(r"^[-—_*/\s]*$")  # ------, /, ****: an empty cell as banks print it


def split_sign(raw: str) -> tuple[bool, str]:
    """(negative?, the amount without its sign): ``-1,000.00``, ``1000.00-``, ``(1,000.00)``,
    ``+500``, ``¥-20.00``."""
    text = unicodedata.normalize("NFKC", raw or "").strip().replace(" ", "")
    if not text:
        return False, ""
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = _NOTE_TAIL.sub("", text)  # 8,000.00(CN), 131.77(已退款89.84)
    for mark in ("¥", "￥", "RMB", "CNY", "元"):
        text = text.replace(mark, "")
    if text.startswith("-") or text.endswith("-"):
        negative, text = True, text.strip("-")
    elif text.startswith("+"):
        text = text[1:]
    return negative, text


def is_zero(text: str) -> bool:
    try:
        return Decimal(text.replace(",", "")) == 0
    except InvalidOperation:
        return False


def yuan_from_fen(text: str) -> str:
    """An amount in 分 (``150000``) as yuan (``1500.00``); unreadable values stay as written."""
    negative, magnitude = split_sign(text)
    try:
        value = Decimal(magnitude.replace(",", "")) / 100
    except InvalidOperation:
        return text
    return f"{'-' if negative else ''}{value:.2f}"


_SUMMARY_WORDS = (
    "合计",
    "总计",
    "小计",
    "本页",
    "共",
    "总笔数",
    "笔数",
    "已收入",
    "已支出",
    "待收入",
    "待支出",
    "收入:",
    "支出:",
    "中性交易",
    "导出时间",
    "打印时间",
    "注:",
    "说明",
    "以下空白",
    "温馨提示",
    "----",
    "====",
    "截止",
    "期末余额",
    "期初余额",
    "承前页",
    "过次页",
    "以上数据",
    "人民币合计",
    "本期",
)
_SUMMARY_ANYWHERE = re.compile(r"合计|总计|小计")


def summary_label(cells: Sequence[str]) -> str | None:
    """The text that marks a summary/footer row (合计, 共 N 笔, 导出时间 …), or None."""
    for cell in cells:
        folded = fold(cell)
        if folded and (folded.startswith(_SUMMARY_WORDS) or _SUMMARY_ANYWHERE.search(folded)):
            return cell.strip()[:40]
    return None


_ACCOUNT_LABELS = (
    "卡号",
    "账号",
    "帐号",
    "账户",
    "帐户",
    "客户账号",
    "查询账号",
    "支付宝账户",
    "支付宝账号",
    "微信号",
    "用户id",
    "京东账号名",
    "卡号/账号",
    "微信昵称",
)
_ACCOUNT = re.compile(
    r"(" + "|".join(_ACCOUNT_LABELS) + r")\s*[:：]\s*\[?\s*([\w@.*+\-]+(?:\s\d{3,})*)"
)


def account_from_preamble(preamble: Sequence[Sequence[str]]) -> str | None:
    """The account number written in a title row (``卡号：6222 0210 …``, ``账号:[138…]``, or the
    label and the number in two cells: ``账　　号：`` | ``6222…``); the strongest label wins (a
    nickname only when nothing else names the account)."""
    found: dict[str, str] = {}
    for row in preamble:
        for text in _preamble_texts(row):
            for m in _ACCOUNT.finditer(text.lower()):
                found.setdefault(m.group(1), _original(text, m))
    for label in _ACCOUNT_LABELS:
        if label in found:
            return found[label]
    return None


_LABEL_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff:：])")


def _preamble_texts(row: Sequence[str]) -> list[str]:
    """Each cell of a title row, and each label cell joined to the cell after it (``账号`` |
    ``6200…`` → ``账号:6200…``); blanks inside a label (``账　　号``) removed."""
    cells = [_LABEL_GAP.sub("", unicodedata.normalize("NFKC", str(c or ""))).strip() for c in row]
    texts = list(cells)
    for label, value in itertools.pairwise(cells):
        if label and value and len(label) <= 8 and not re.search(r"[0-9]", label):
            texts.append(f"{label.rstrip(':：')}:{value}")
    return texts


_NAME_ACCOUNT = re.compile(r"(?<![0-9])([0-9]{4}[0-9*]{6,21}[0-9]{0,4})(?![0-9])")
_NAME_TAIL = re.compile(r"(?:尾号|_)([0-9]{4})(?=_|\.|$)")


def account_from_name(file_name: str) -> tuple[str | None, str | None]:
    """(full account, last four digits) written in a file name such as
    ``6222021001123456789_工商银行.csv`` or ``交易明细_1546_20250101_20250620.xls``; a run of
    eight digits is a date, not an account."""
    stem = file_name.rsplit(".", 1)[0]
    for match in _NAME_ACCOUNT.finditer(stem):
        value = match.group(1)
        if not re.fullmatch(r"(19|20)[0-9]{6}", value):
            return value, None
    tail = _NAME_TAIL.search(stem)
    return None, (tail.group(1) if tail else None)


def _original(text: str, m: re.Match[str]) -> str:
    """The matched account in its original case (the search ran on the lower-cased text)."""
    value = text[m.start(2) : m.end(2)]
    return re.sub(r"\s+", "", value)
