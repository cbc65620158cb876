"""法院代字: every court of China by its code (``data/courts.csv``), and the code patterns.

A court code is a province abbreviation (高级人民法院) followed by nothing, by two digits
(01–70: the 中级人民法院 of a prefecture; 71–99: a special court such as a maritime, railway, IP
or financial court, or a province's numbered intermediate court) or by four digits (a basic court,
numbered after its county-level division code; a first pair of 71–99: a special basic court such
as 浙8601 杭州铁路运输法院). 最高法 is the Supreme People's Court.

The table is built by ``zhongben ids courts-refresh`` (``court_refresh``) from the 民政部's lists of
行政区划代码 by the SPC's numbering rule, plus the curated exceptions; its ``source`` column says
which entries are derived by rule and which are curated. A code not in the table still has a
level from its shape (``court_kind``) but no name.
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
# Special courts of intermediate rank (their kind is 'special', not 'intermediate').
_SPECIAL_KINDS = frozenset({"maritime", "railway", "ip", "financial"})
DATA_FILE = "data/courts.csv"


@dataclass(frozen=True)
class Court:
    code: str
    name: str
    kind: str  # a key of KINDS_ZH ('special' for maritime, railway, IP and financial courts)
    division: str  # administrative division code of its seat
    current: bool  # False: a court of a division since merged or renamed
    level: str = ""  # supreme / high / intermediate / basic (a special court has its rank here)
    special: str = ""  # '' or maritime / railway / ip / financial / internet
    province: str = ""
    city: str = ""
    county: str = ""
    parent: str = ""  # the code of the court above it
    procuratorate: str = ""  # the procuratorate of the same level that supervises it
    source: str = ""  # 'rule' (derived from the division code) or the curated basis

    @property
    def region(self) -> str:
        """Province, city and county as one name (北京市朝阳区, 浙江省绍兴市嵊州市)."""
        parts = [self.province]
        for part in (self.city, self.county):
            if part and part not in parts:
                parts.append(part)
        return "".join(parts)


def _court(row: dict[str, str]) -> Court:
    special = row["special"]
    kind = "special" if special in _SPECIAL_KINDS else row["level"]
    return Court(row["code"], row["name"], kind, row["division"], row["current"] == "1",
                 row["level"], special, row["province"], row["city"], row["county"],
                 row["parent"], row["procuratorate"], row["source"])


@cache
def all_courts() -> dict[str, Court]:
    """Every court of the national table (current and recently abolished ones) by code."""
    text = resources.files("zhongben.identifiers").joinpath(DATA_FILE).read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["code"]: _court(row) for row in rows}


def get_court(code: str) -> Court | None:
    return all_courts().get(code)


@cache
def zhejiang_courts() -> dict[str, Court]:
    """The courts of Zhejiang (the demo world's province) by code."""
    return {code: c for code, c in all_courts().items() if code.startswith("浙")}


@cache
def courts_by_name() -> dict[str, Court]:
    """Court name → court (a current court wins over an abolished one of the same name)."""
    found: dict[str, Court] = {}
    for court in sorted(all_courts().values(), key=lambda c: c.current):
        found[court.name] = court
    return found


def court_kind(code: str) -> str | None:
    """'supreme', 'high', 'intermediate', 'basic' or 'special' (from the table, else from the
    code's shape); None if not a court code."""
    known = all_courts().get(code)
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
    """The court's name where the table knows the code."""
    known = all_courts().get(code)
    return known.name if known is not None else None


def province(code: str) -> str | None:
    """The province (or 兵团) a court code belongs to."""
    return PROVINCES.get(code[:1]) if court_kind(code) not in (None, "supreme") else None


def children(code: str) -> list[Court]:
    """The current courts directly below a court."""
    return [c for c in all_courts().values() if c.parent == code and c.current]


def jurisdiction(codes: list[str]) -> list[str]:
    """The codes given and every court below them in the table (current or abolished); values
    that are no court code (names) pass through."""
    below: dict[str, list[str]] = {}
    for court in all_courts().values():
        below.setdefault(court.parent, []).append(court.code)
    found, todo = [], list(codes)
    while todo:
        code = todo.pop()
        if code not in found:
            found.append(code)
            todo.extend(below.get(code, []) if code != SUPREME else [])
    return found
