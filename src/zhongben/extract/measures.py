"""Measures a ruling orders (查封, 冻结, 扣划, 扣押 …), one per item of its decision."""

from __future__ import annotations

import re

from zhongben.extract.kinds import DECISION_RE
from zhongben.extract.layout import CleanText
from zhongben.extract.model import Measure
from zhongben.extract.numerals import AMOUNT_RE, DATE_RE, parse_amount_match, parse_date_match

VERB_RE = re.compile(r"续行查封|续行冻结|解除查封|解除冻结|解除扣押|"
                     r"查封|冻结|扣划|划拨|扣押|提取|扣留")
VERB_ACTION = {"续行冻结": "续行查封", "解除冻结": "解除查封", "解除扣押": "解除查封",
               "划拨": "扣划", "提取": "扣划", "扣留": "扣押"}
TARGETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("车辆", ("车辆", "机动车", "轿车", "货车", "号牌", "车牌")),
    ("不动产", ("不动产", "房产", "房屋", "土地使用权", "商铺")),
    ("公积金", ("公积金",)),
    ("股权", ("股权",)),
    ("证券", ("证券", "股票")),
    ("保险", ("保险", "保单")),
    ("网络资金", ("支付宝", "微信", "财付通")),
    ("存款", ("存款", "银行", "账户", "账号")),
)
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_RE = re.compile(rf"[{PROVINCES}]\s*[A-Z]\s*[A-Z0-9]{{5,6}}")
UNIT_RE = re.compile(r"(?:不动产单元号|单元号)\s*[:：为]?\s*([0-9A-Z]{19,28})")
ACCOUNT_RE = re.compile(r"(?:账号|账户|卡号)\s*[:：为]?\s*([0-9]{8,25})")
POLICY_RE = re.compile(r"保单号\s*[:：为]?\s*([0-9A-Z]{6,30})")
ITEM_SPLIT_RE = re.compile(r"[。;；]|(?:^|\n)\s*[一二三四五六七八九十]+、")
EXPIRES_RE = re.compile(r"至\s*$")
TERM_RE = re.compile(r"(查封|冻结|扣押)(的)?期限")


def _target(text: str) -> tuple[str | None, str | None]:
    target_type = next((t for t, words in TARGETS if any(w in text for w in words)), None)
    for pattern in (UNIT_RE, ACCOUNT_RE, POLICY_RE):
        match = pattern.search(text)
        if match:
            return target_type, match.group(1)
    plate = PLATE_RE.search(text)
    if plate:
        return target_type or "车辆", re.sub(r"\s", "", plate.group())
    return target_type, None


def _expires(text: str) -> str | None:
    for match in DATE_RE.finditer(text):
        after = text[match.end() : match.end() + 3]
        if EXPIRES_RE.search(text[: match.start()][-4:]) and "止" in after:
            return parse_date_match(match)
    return None


def ordered_measures(clean: CleanText, acted_on: str | None) -> list[Measure]:
    """One measure per item of the decision that names a seizure verb."""
    body = clean.body
    decision = DECISION_RE.search(body)
    if decision is None:
        return []
    start = decision.end()
    measures: list[Measure] = []
    for piece in _pieces(body, start):
        text = body[piece[0] : piece[1]]
        verb = VERB_RE.search(text)
        if verb is None or "执行程序" in text:
            continue
        if TERM_RE.match(text.strip()):  # 冻结期限为一年，自…至…止: belongs to the item before
            if measures:
                measures[-1].expires_on = _expires(text) or measures[-1].expires_on
            continue
        target_type, target_id = _target(text)
        amount = AMOUNT_RE.search(text)
        measures.append(Measure(
            action=VERB_ACTION.get(verb.group(), verb.group()), target_type=target_type,
            target_id=target_id, amount=parse_amount_match(amount) if amount else None,
            acted_on=acted_on, expires_on=_expires(text), start=piece[0], end=piece[1]))
    return measures


def _pieces(body: str, start: int) -> list[tuple[int, int]]:
    pieces = []
    pos = start
    for match in ITEM_SPLIT_RE.finditer(body, start):
        if match.start() > pos:
            pieces.append((pos, match.start()))
        pos = match.end()
    if pos < len(body):
        pieces.append((pos, len(body)))
    return pieces
