"""Writing facts the way a document prints them: dates as 2025年4月16日, amounts as
1,234.50元, ID and account numbers masked, law names in full, no field names."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from zhongben.documents.law import expand_names
from zhongben.store.security import mask_id

ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?!\d)")
ISO_MONTH = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?![\d-])")
# 身份证号, 统一社会信用代码 and bank account numbers (15–19 digits) in free text
LONG_ID = re.compile(r"(?<![0-9A-Z])(?:[0-9]{17}[0-9Xx]|[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}"
                     r"[0-9A-HJ-NPQRTUWXY]{10}|[0-9]{15,19})(?![0-9A-Z])")
TERMINATION = re.compile(r"终本(?!规定|裁定书|案件|程序)")
BLANK_DATE = "　　年　　月　　日"


def chinese_date(day: date | str | None) -> str:
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def money(value: Any) -> str:
    if value is None or value == "":
        return ""
    return f"{Decimal(str(value)):,.2f}元"


def mask(value: str | None) -> str:
    return mask_id(value) or "" if value else ""


def clean(text: str) -> str:
    """Free text (a lead's explanation) in document form."""
    text = ISO_DAY.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)
    text = ISO_MONTH.sub(lambda m: f"{int(m[1])}年{int(m[2])}月", text)
    text = LONG_ID.sub(lambda m: mask(m.group(0)), text)
    text = TERMINATION.sub("终结本次执行程序", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff]),|,(?=[\u4e00-\u9fff])", "，", text)
    return expand_names(text)


def sentences_without_advice(text: str) -> str:
    """The facts of an explanation, without its closing advice (the recommendations say what to
    do): sentences that tell the reader to act (建议…) are dropped."""
    parts = [p for p in re.split(r"(?<=[。；])", text) if p.strip()]
    kept = [p for p in parts if "建议" not in p]
    return "".join(kept) or text


def value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}" if value != int(value) or abs(value) >= 1000 else f"{value:g}"
    return clean(str(value))
