from __future__ import annotations

import pytest

from zhongben.identifiers.courts import (
    PROVINCES,
    court_kind,
    court_name,
    province,
    zhejiang_courts,
)


def test_provinces() -> None:
    assert len(PROVINCES) == 32
    assert PROVINCES["浙"] == "浙江省"
    assert PROVINCES["兵"] == "新疆生产建设兵团"


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [
        ("浙", "浙江省高级人民法院", "high"),
        ("浙01", "杭州市中级人民法院", "intermediate"),
        ("浙11", "丽水市中级人民法院", "intermediate"),
        ("浙0683", "嵊州市人民法院", "basic"),
        ("浙0102", "杭州市上城区人民法院", "basic"),
        ("浙1127", "景宁畲族自治县人民法院", "basic"),
        ("浙0192", "杭州互联网法院", "basic"),
        ("浙72", "宁波海事法院", "special"),
        ("浙8601", "杭州铁路运输法院", "special"),
        ("最高法", "最高人民法院", "supreme"),
        ("京", "北京市高级人民法院", "high"),
    ],
)
def test_known_courts(code: str, name: str, kind: str) -> None:
    assert court_name(code) == name
    assert court_kind(code) == kind


def test_every_zhejiang_county_has_a_court() -> None:
    courts = zhejiang_courts()
    current_basic = [c for c in courts.values() if c.kind == "basic" and c.current]
    assert len(current_basic) >= 90  # 90 county-level divisions plus the internet court
    assert all(c.code == "浙" + c.division[2:] for c in current_basic if c.code != "浙0192")
    assert len([c for c in courts.values() if c.kind == "intermediate"]) == 11


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [
        ("苏05", "苏州市中级人民法院", "intermediate"),
        ("苏0505", "苏州市虎丘区人民法院", "basic"),
        ("京73", "北京知识产权法院", "special"),
        ("沪7101", "上海铁路运输法院", "special"),
        ("京0105", "北京市朝阳区人民法院", "basic"),
        ("川0104", "成都市锦江区人民法院", "basic"),
        ("粤0304", "深圳市福田区人民法院", "basic"),
        ("鄂9004", "仙桃市人民法院", "basic"),
        ("新40", "伊犁哈萨克自治州中级人民法院", "intermediate"),
    ],
)
def test_courts_elsewhere(code: str, name: str, kind: str) -> None:
    assert court_kind(code) == kind
    assert court_name(code) == name
    assert province(code) == PROVINCES[code[0]]


@pytest.mark.parametrize(("code", "kind"), [("苏99", "special"), ("沪7199", "special"),
                                            ("藏0999", "basic"), ("藏09", "intermediate")])
def test_unknown_codes_have_a_kind_from_their_shape(code: str, kind: str) -> None:
    assert court_kind(code) == kind
    assert court_name(code) is None
    assert province(code) == PROVINCES[code[0]]


@pytest.mark.parametrize("code", ["浙00", "浙1", "浙068", "X01", "", "浙0683执"])
def test_not_court_codes(code: str) -> None:
    assert court_kind(code) is None
    assert court_name(code) is None
