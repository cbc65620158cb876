"""法院代字: the courts of Zhejiang by name, and the code patterns of every province.

A court code is a province abbreviation (高级人民法院) followed by nothing, by two digits
(01–70: the 中级人民法院 of a prefecture; 71–99: a special court such as a maritime, railway, IP
or financial court) or by four digits (a basic court, numbered after the county-level division
code 33XXYY; a first pair of 71–99: a special basic court such as 浙8601 杭州铁路运输法院).
最高法 is the Supreme People's Court. Names are known for Zhejiang only; elsewhere
``court_name`` returns ``None`` and a caller shows the code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from zhongben.identifiers.case_types import words

_PROVINCE_NAMES = words("""
京 北京市 津 天津市 冀 河北省 晋 山西省 蒙 内蒙古自治区 辽 辽宁省 吉 吉林省 黑 黑龙江省 沪 上海市
苏 江苏省 浙 浙江省 皖 安徽省 闽 福建省 赣 江西省 鲁 山东省 豫 河南省 鄂 湖北省 湘 湖南省 粤 广东省
桂 广西壮族自治区 琼 海南省 渝 重庆市 川 四川省 黔 贵州省 滇 云南省 藏 西藏自治区 陕 陕西省
甘 甘肃省 青 青海省 宁 宁夏回族自治区 新 新疆维吾尔自治区 兵 新疆生产建设兵团
""")
PROVINCES: dict[str, str] = dict(zip(_PROVINCE_NAMES[::2], _PROVINCE_NAMES[1::2], strict=True))
SUPREME = "最高法"
KINDS_ZH: dict[str, str] = {
    "supreme": "最高人民法院",
    "high": "高级人民法院",
    "intermediate": "中级人民法院",
    "basic": "基层人民法院",
    "special": "专门人民法院",
}
# A court code as it appears in a case number (regex usable by Python re and DuckDB's RE2).
COURT_CODE_PATTERN = f"(?:{SUPREME}|[{''.join(PROVINCES)}](?:[0-9]{{4}}|[0-9]{{2}})?)"
_CODE_RE = re.compile(f"{SUPREME}|([{''.join(PROVINCES)}])([0-9]{{2}})?([0-9]{{2}})?")
SPECIAL_FROM = 71


@dataclass(frozen=True)
class Court:
    code: str
    name: str
    kind: str  # a key of KINDS_ZH
    division: str  # administrative division code of its seat
    current: bool  # False: a court of a division since merged or renamed


@cache
def zhejiang_courts() -> dict[str, Court]:
    """Every court of Zhejiang (current and recently renamed ones) by code."""
    text = resources.files("zhongben.identifiers").joinpath("data/courts_zj.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {
        r["code"]: Court(r["code"], r["name"], r["kind"], r["division"], r["current"] == "1")
        for r in rows
    }


def court_kind(code: str) -> str | None:
    """'supreme', 'high', 'intermediate', 'basic' or 'special' from the code's shape; None if not a
    court code."""
    known = zhejiang_courts().get(code)
    if known is not None:
        return known.kind
    match = _CODE_RE.fullmatch(code)
    if match is None:
        return None
    if code == SUPREME:
        return "supreme"
    _, first, second = match.groups()
    if first is None:
        return "high"
    if int(first) == 0:
        return None
    if int(first) >= SPECIAL_FROM:
        return "special"
    return "intermediate" if second is None else "basic"


def court_name(code: str) -> str | None:
    """The court's name where known (the Supreme and high courts, every Zhejiang court)."""
    known = zhejiang_courts().get(code)
    if known is not None:
        return known.name
    if code == SUPREME:
        return "最高人民法院"
    if code == "兵":
        return "新疆维吾尔自治区高级人民法院生产建设兵团分院"
    if code in PROVINCES:
        return PROVINCES[code] + "高级人民法院"
    return None


def province(code: str) -> str | None:
    """The province (or 兵团) a court code belongs to."""
    return PROVINCES.get(code[:1]) if court_kind(code) not in (None, "supreme") else None
