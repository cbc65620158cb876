"""The national court table shipped in the package: complete and consistent."""

from __future__ import annotations

import re
from collections import Counter

from zhongben.identifiers.court_rules import ABBREVIATIONS
from zhongben.identifiers.courts import PROVINCES, all_courts, children, courts_by_name

COURTS = all_courts()
PROVINCE_OF = {abbreviation: prefix for prefix, abbreviation in ABBREVIATIONS.items()}
CODE_RE = re.compile(r"最高法|[^\W\d](?:[0-9]{2}|[0-9]{4})?")


def test_at_least_three_thousand_courts_in_every_province() -> None:
    current = [c for c in COURTS.values() if c.current]
    assert len(current) >= 3000
    high = {c.code for c in current if c.level == "high"}
    assert high == set(PROVINCES)  # 31 provinces, regions, municipalities and the 兵团 branch
    per_province = Counter(c.code[0] for c in current if c.level == "basic")
    assert all(per_province[a] >= 10 for a in ABBREVIATIONS.values()), per_province


def test_codes_are_unique_and_well_formed() -> None:
    # the table is keyed by code: a duplicate in the CSV would silently replace a court
    from importlib import resources

    text = resources.files("zhongben.identifiers").joinpath("data/courts.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")][1:]
    codes = [line.split(",")[0] for line in lines]
    assert len(codes) == len(set(codes)) == len(COURTS)
    assert all(CODE_RE.fullmatch(code) for code in codes)


def test_every_parent_exists_and_ranks_above() -> None:
    rank = {"supreme": 0, "high": 1, "intermediate": 2, "basic": 3}
    for court in COURTS.values():
        if court.level == "supreme":
            assert court.parent == ""
            continue
        parent = COURTS[court.parent]
        if court.code == "兵":  # the 兵团 branch of the Xinjiang high court
            assert parent.code == "新"
            continue
        assert rank[parent.level] < rank[court.level], court
        assert parent.code[0] == court.code[0] or parent.level == "supreme"


def test_every_division_is_a_division_of_its_province() -> None:
    for court in COURTS.values():
        assert re.fullmatch(r"[1-6][0-9]{5}", court.division), court
        if court.level != "supreme" and court.code[0] != "兵":
            assert court.division[:2] == PROVINCE_OF[court.code[0]], court
        if court.level == "basic" and court.source.startswith("rule"):
            assert court.code[1:] == court.division[2:], court  # the numbering rule itself
            assert court.county and court.name.endswith("人民法院")


def test_names_and_procuratorates() -> None:
    names = Counter(c.name for c in COURTS.values() if c.current)
    assert not [n for n, k in names.items() if k > 1]
    assert all(c.procuratorate.endswith(("检察院", "分院")) for c in COURTS.values())
    assert COURTS["京01"].procuratorate == "北京市人民检察院第一分院"
    assert courts_by_name()["嵊州市人民法院"].code == "浙0683"


def test_zhejiang_as_before() -> None:
    zhejiang = [c for c in COURTS.values() if c.code.startswith("浙")]
    basic = [c for c in zhejiang if c.level == "basic" and c.current and not c.special]
    assert len(basic) == 90
    assert len([c for c in zhejiang if c.level == "intermediate" and not c.special]) == 11
    assert {c.code for c in children("浙06")} >= {"浙0683", "浙0624"}


def test_sources_are_recorded() -> None:
    sources = Counter(c.source.split("+")[0] for c in COURTS.values())
    assert set(sources) <= {"rule", "published", "zhejiang", "structure"}
    assert sources["rule"] >= 3000
