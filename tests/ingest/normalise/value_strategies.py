"""Hypothesis strategies: valid values of each kind and the ways ledgers write them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import strategies as st
from id_strategies import full_width

CN = "〇一二三四五六七八九"
EXCEL_EPOCH = date(1899, 12, 30)


def cn_number(n: int) -> str:
    """Month/day numerals: 五, 十, 十二, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN[tens] + "十")
    return head + (CN[ones] if ones else "")


def cn_year(year: int, zero: str = "〇") -> str:
    return "".join(zero if d == "0" else CN[int(d)] for d in str(year))


def render_date(day: date, how: str) -> str:
    month_day = f"{cn_number(day.month)}月{cn_number(day.day)}日"
    forms = {
        "iso": day.isoformat(),
        "slash": f"{day.year}/{day.month}/{day.day}",
        "dot": day.strftime("%Y.%m.%d"),
        "compact": day.strftime("%Y%m%d"),
        "cjk": f"{day.year}年{day.month}月{day.day}日",
        "chinese": f"{cn_year(day.year)}年{month_day}",
        "chinese_o": f"{cn_year(day.year, 'Ｏ')}年{month_day}",
        "chinese_ling": f"{cn_year(day.year, '零')}年{month_day}",
        "excel": str((day - EXCEL_EPOCH).days),
        "excel_float": f"{(day - EXCEL_EPOCH).days}.0",
        "midnight": f"{day.isoformat()} 00:00:00",
        "full": full_width(day.isoformat()),
        "padded": f"\u3000{day.isoformat()} \t",
    }
    return forms[how]


DATE_FORMS = [
    "iso",
    "slash",
    "dot",
    "compact",
    "cjk",
    "chinese",
    "chinese_o",
    "chinese_ling",
    "excel",
    "excel_float",
    "midnight",
    "full",
    "padded",
]
EXCEL_DATES = st.dates(date(1927, 5, 18), date(2119, 1, 11))  # serials 10000..80000
DATES = st.dates(date(1000, 1, 1), date(9999, 12, 31))


def render_timestamp(moment: datetime, how: str) -> str:
    forms = {
        "iso": moment.strftime("%Y-%m-%d %H:%M:%S"),
        "t": moment.strftime("%Y-%m-%dT%H:%M:%S"),
        "slash": f"{moment.year}/{moment.month}/{moment.day} {moment:%H:%M:%S}",
        "micro": moment.strftime("%Y-%m-%d %H:%M:%S.%f"),
        "cjk": f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M:%S}",
    }
    return forms[how]


TIMESTAMP_FORMS = ["iso", "t", "slash", "micro", "cjk"]


def excel_serial(moment: datetime) -> str:
    delta = moment - datetime(1899, 12, 30)
    return repr(delta / timedelta(days=1))


def render_amount(value: Decimal, how: str) -> str:
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    forms = {
        "plain": f"{value:.2f}",
        "commas": f"{sign}{magnitude:,.2f}",
        "yen": f"{sign}¥{magnitude:,.2f}",
        "yuan": f"{value:.2f}元",
        "wan": f"{sign}{magnitude / 10000:f}万元",
        "wan_short": f"{sign}{magnitude / 10000:f}万",
        "full": full_width(f"{sign}{magnitude:,.2f}").replace("，", "，"),
        "blanks": f" {sign}¥ {magnitude:.2f} 元 ",
    }
    return forms[how]


AMOUNT_FORMS = ["plain", "commas", "yen", "yuan", "wan", "wan_short", "full", "blanks"]
AMOUNTS = st.decimals(
    min_value=Decimal("-9999999999999.99"),
    max_value=Decimal("9999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
