"""How pages write values: amounts ``1,555,687.00 元``, dates ``2025-04-16`` in tables and
``2025年4月16日`` in prose, times in Asia/Shanghai, evidence and parameters in Chinese, the score
as the product it is. Installed as Jinja filters by ``deps``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment

from zhongben.leads.output.labels import (
    field_zh,
    file_name,
    params_text,
    table_zh,
    value_text,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def shanghai(value: dt.datetime) -> dt.datetime:
    """A stored time (naive = the server's local time) in Beijing time."""
    return value.astimezone(SHANGHAI)


def money(value: Any) -> str:
    return "" if value is None else f"{Decimal(str(value)):,.2f}"


WAN = Decimal(10_000)


def yuan(value: Any) -> str:
    """``1,555,687.00 元（155.57 万元）``: large amounts also as the court ledgers write them."""
    if value is None:
        return "—"
    amount = Decimal(str(value))
    wan = f"（{amount / WAN:,.2f} 万元）" if abs(amount) >= WAN * 10 else ""
    return f"{money(amount)} 元{wan}"


def day(value: Any) -> str:
    """2025-04-16 (a date or a time's date in Beijing time); ISO text is accepted."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return shanghai(value).strftime("%Y-%m-%d")
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def when(value: dt.datetime | None) -> str:
    """2025-04-16 14:05 in Beijing time."""
    return shanghai(value).strftime("%Y-%m-%d %H:%M") if value else ""


def cn_date(value: dt.date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def cell(value: Any, column: str = "") -> str:
    """A value of a data row: amounts with separators, dates as dates, nothing for null."""
    if value is None:
        return ""
    if column.endswith("_on") or column.endswith("_at"):
        return day(value)
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        return money(value)
    return value_text(value)


def score_terms(terms: list[dict[str, Any]]) -> str:
    """``3 × 2.431 × 1 × 1.2 × 1.25``: the product the score is (rules.md, "Ranking")."""
    return " × ".join(f"{float(t['points']):g}" for t in terms)


def install(env: Environment) -> None:
    env.filters.update({
        "money": money, "yuan": yuan, "day": day, "when": when, "cn_date": cn_date,
        "cell": cell, "field_zh": field_zh, "table_zh": table_zh, "file_name": file_name,
        "score_product": score_terms})
    env.globals["params_text"] = params_text
