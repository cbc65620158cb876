"""The court of a 案号 of the scheme before 2016, from its abbreviation
(``(2015)绍嵊执民字第123号``).

Before 法〔2015〕137号 each province chose its courts' abbreviations: a county's first
character (北京 ``朝``), or its first two (四川 ``锦江``), often after the city's first character
(浙江 ``绍嵊``) and sometimes after the province's (``浙绍``). None of it is a national list,
so the court is recovered only where the abbreviation names exactly one court the table knows,
or exactly one in the province a caller names (``province_hint``, a province abbreviation such
as 浙); otherwise the candidates are returned for a person to choose.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from zhongben.identifiers.courts import Court, all_courts

_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "市", "区", "旗")
MAX_CANDIDATES = 8


@dataclass(frozen=True)
class LegacyMatch:
    court: Court | None  # the one court the abbreviation names, when there is one
    candidates: tuple[Court, ...]  # every court it could name (up to MAX_CANDIDATES)


def _base(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _keys(court: Court) -> set[str]:
    """The abbreviations the old scheme used for this court: 浙 (high court), 绍/浙绍/绍中
    (intermediate), 嵊/锦江 (a county's first one or two characters), 绍嵊/成锦江 (after the city's
    first character), 浙绍嵊 (after the province's abbreviation too)."""
    abbreviation = court.code[:1]
    if court.level == "high":
        return {abbreviation}
    if court.level == "intermediate" and court.city and not court.special:
        city = _base(court.city)[:1]
        return {city, abbreviation + city, city + "中"}
    if court.level == "basic" and court.county and not court.special:
        county = _base(court.county)
        city = _base(court.city)[:1] if court.city != court.province else ""
        keys = {county[:1], county[:2]}
        if city:
            keys |= {city + county[:1], city + county[:2], abbreviation + city + county[:1]}
        return keys
    return set()


@cache
def _index() -> dict[str, tuple[Court, ...]]:
    index: dict[str, list[Court]] = defaultdict(list)
    for court in all_courts().values():
        for key in _keys(court):
            index[key].append(court)
    return {key: tuple(courts) for key, courts in index.items()}


def legacy_court(abbreviation: str, province_hint: str | None = None) -> LegacyMatch:
    """The court an old-scheme abbreviation names (see the module text)."""
    found = _index().get(abbreviation, ())
    if province_hint:
        found = tuple(c for c in found if c.code.startswith(province_hint)) or found
    return LegacyMatch(found[0] if len(found) == 1 else None, found[:MAX_CANDIDATES])


@cache
def unique_legacy_keys() -> tuple[tuple[str, Court], ...]:
    """(abbreviation, court) for each old-scheme abbreviation that names exactly one court and is
    not itself a current-scheme code."""
    codes = all_courts()
    return tuple((key, courts[0]) for key, courts in sorted(_index().items())
                 if len(courts) == 1 and key not in codes)
