"""The SPC's numbering rule for 法院代字 (法〔2015〕137号《关于人民法院案件案号的若干规定》
and its 配套标准): from the 行政区划代码 (GB/T 2260) of a court's seat to its code, name, level,
parent court and the procuratorate of the same level that supervises it.

- 高级人民法院: the province abbreviation (``京``); the division code ends in ``0000``.
- 中级人民法院: abbreviation + digits 3–4 of the prefecture's code (``川01`` for 510100 成都市).
- 基层人民法院: abbreviation + digits 3–6 of the county-level code (``京0105`` for 110105 朝阳区,
  ``鄂9004`` for 429004 仙桃市, a county-level city under the province directly).

Everything the rule cannot say (专门法院, the numbered intermediate courts of the four 直辖市,
cities without districts, courts that do not exist) is in ``data/courts_curated.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhongben.identifiers.case_types import words

_PREFIXES = words("""
11 京 12 津 13 冀 14 晋 15 蒙 21 辽 22 吉 23 黑 31 沪 32 苏 33 浙 34 皖 35 闽 36 赣 37 鲁 41 豫
42 鄂 43 湘 44 粤 45 桂 46 琼 50 渝 51 川 52 黔 53 滇 54 藏 61 陕 62 甘 63 青 64 宁 65 新
""")
ABBREVIATIONS: dict[str, str] = dict(zip(_PREFIXES[::2], _PREFIXES[1::2], strict=True))
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
PROVINCE_ADMINISTERED = "90"  # digits 3–4 of 省直辖县级行政区划 (仙桃市 429004 …)
# 兵团 cities (6590XX) are served by the 兵团's own courts, whose codes no public list gives.
SKIPPED_PREFIXES = ("6590",)
# A district name that is not prefixed by its city in the court's name.
_UNPREFIXED_DISTRICTS = ("特区", "林区")
LEVELS = ("supreme", "high", "intermediate", "basic")
LEVELS_ZH = {"supreme": "最高", "high": "高级", "intermediate": "中级", "basic": "基层"}
SPECIALS_ZH = {
    "maritime": "海事法院",
    "railway": "铁路运输法院",
    "ip": "知识产权法院",
    "financial": "金融法院",
    "internet": "互联网法院",
}
ORDINALS = "一二三四五六七八九十"


@dataclass
class CourtRow:
    """One court as the refresh writes it (all fields text, as in the CSV)."""

    code: str
    name: str
    level: str  # a key of LEVELS_ZH
    special: str  # '' or a key of SPECIALS_ZH
    division: str  # 6-digit 行政区划代码 of the seat
    province: str
    city: str
    county: str
    parent: str  # code of the court above ('' for the SPC)
    procuratorate: str
    current: str  # '1' or '0' (its division has been abolished or renamed)
    source: str  # 'rule' (derived here) or the curated file's basis


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    current: bool  # in the newest list read


def court_for_division(division: Division, names: dict[str, str]) -> CourtRow | None:
    """The court the rule gives a division (None where the rule gives none)."""
    code = division.code
    abbreviation = ABBREVIATIONS.get(code[:2])
    if abbreviation is None or code.startswith(SKIPPED_PREFIXES):
        return None
    province = names.get(code[:2] + "0000", "")
    current = "1" if division.current else "0"
    if code.endswith("0000"):
        return CourtRow(abbreviation, f"{division.name}高级人民法院", "high", "", code, province,
                        "", "", "最高法", f"{division.name}人民检察院", current, "rule")
    if code.endswith("00"):
        if code[:2] in MUNICIPALITIES or code[2:4] == PROVINCE_ADMINISTERED:
            return None
        return CourtRow(abbreviation + code[2:4], f"{division.name}中级人民法院", "intermediate",
                        "", code, province, division.name, "", abbreviation,
                        f"{division.name}人民检察院", current, "rule")
    return _basic(division, names, abbreviation, province, current)


def _basic(division: Division, names: dict[str, str], abbreviation: str, province: str,
           current: str) -> CourtRow:
    code = division.code
    if code[:2] in MUNICIPALITIES:
        city, parent = province, abbreviation
    elif code[2:4] == PROVINCE_ADMINISTERED:
        city, parent = "", abbreviation
    else:
        city, parent = names.get(code[:4] + "00", ""), abbreviation + code[2:4]
    district = division.name.endswith("区") and not division.name.endswith(_UNPREFIXED_DISTRICTS)
    name = f"{city}{division.name}人民法院" if district and city else f"{division.name}人民法院"
    return CourtRow(abbreviation + code[2:6], name, "basic", "", code, province, city,
                    division.name, parent, procuratorate_of(name), current, "rule")


def procuratorate_of(court_name: str) -> str:
    """The same-level procuratorate's name for a court's name, by the naming rule."""
    return court_name.replace("人民法院", "人民检察院").replace("法院", "检察院")
