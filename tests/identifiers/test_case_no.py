from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from id_strategies import case_parts, full_width, legacy_parts

from zhongben.identifiers.case_no import CaseNo, CaseNoError, normalise_case_no, parse_case_no
from zhongben.identifiers.case_types import CASE_TYPES, ENFORCEMENT_TYPES, LEGACY_TYPES


@pytest.mark.parametrize(
    ("raw", "year", "court", "type_code", "seq", "suffix"),
    [
        ("(2023)浙0683执1234号", 2023, "浙0683", "执", 1234, ""),
        ("（２０２３）浙０６８３执恢１２号", 2023, "浙0683", "执恢", 12, ""),
        ("(2024)浙06执异5号", 2024, "浙06", "执异", 5, ""),
        ("(2022)浙0683民初456号之一", 2022, "浙0683", "民初", 456, "之一"),
        ("〔2019〕最高法执监12号", 2019, "最高法", "执监", 12, ""),
        ("【2020】浙执复3号", 2020, "浙", "执复", 3, ""),
        ("［2021］浙72执保7号", 2021, "浙72", "执保", 7, ""),
        ("(2023)浙0683执01234号", 2023, "浙0683", "执", 1234, ""),
        ("(2023) 浙0683 执 1234 号", 2023, "浙0683", "执", 1234, ""),
        ("2023浙0683执1234", 2023, "浙0683", "执", 1234, ""),
        ("(2021)兵0102执88号", 2021, "兵0102", "执", 88, ""),
        ("(2022)浙0683民辖终9号", 2022, "浙0683", "民辖终", 9, ""),
    ],
)
def test_new_scheme(raw: str, year: int, court: str, type_code: str, seq: int, suffix: str) -> None:
    parsed = parse_case_no(raw)
    assert (parsed.year, parsed.court_code, parsed.type_code, parsed.seq, parsed.suffix) == (
        year,
        court,
        type_code,
        seq,
        suffix,
    )
    assert not parsed.legacy
    assert parse_case_no(parsed.canonical) == parsed


@pytest.mark.parametrize(
    ("raw", "court", "type_code", "canonical"),
    [
        ("(2015)绍嵊执民字第123号", "绍嵊", "执民", "(2015)绍嵊执民字第123号"),
        ("(2014)浙绍执字第45号", "浙绍", "执", "(2014)浙绍执字第45号"),
        ("（2013）杭西民一初字第00088号", "杭西", "民一初", "(2013)杭西民一初字第88号"),
        ("(2012)甬执恢字第3号之二", "甬", "执恢", "(2012)甬执恢字第3号之二"),
    ],
)
def test_legacy_scheme(raw: str, court: str, type_code: str, canonical: str) -> None:
    parsed = parse_case_no(raw)
    assert parsed.legacy
    assert (parsed.court_code, parsed.type_code, parsed.canonical) == (court, type_code, canonical)


@pytest.mark.parametrize(
    "raw",
    ["", "垃圾", "(2023)浙0683执号", "(2023)浙0683假1号", "(23)浙0683执1号", "(2023)浙068执1号"],
)
def test_unparseable(raw: str) -> None:
    with pytest.raises(CaseNoError, match="案号"):
        parse_case_no(raw)


def test_unparseable_is_kept_folded() -> None:
    assert normalise_case_no(" （2023）浙0683假１号 ") == "(2023)浙0683假1号"
    assert normalise_case_no("") is None
    assert normalise_case_no(None) is None


def test_type_tables() -> None:
    assert set(ENFORCEMENT_TYPES) <= set(CASE_TYPES) <= LEGACY_TYPES
    for code in (
        "执",
        "执恢",
        "执保",
        "执异",
        "执复",
        "执监",
        "执协",
        "执他",
        "执配",
        "执外",
        "执清",
        "执破",
        "民初",
        "民终",
        "民再",
        "民特",
        "民申",
        "刑初",
        "行初",
        "财保",
    ):
        assert code in CASE_TYPES


def _render(year: int, body: str, how: str) -> str:
    if how == "full":
        return full_width(f"({year})") + full_width(body)
    if how == "cjk":
        return f"〔{year}〕{body}"
    if how == "bare":
        return f"{year}{body}".removesuffix("号") if "之" not in body else f"{year}{body}"
    if how == "blanks":
        return f" ({year}) {body}\u3000"
    return f"({year}){body}"


@given(case_parts(), st.sampled_from(["plain", "full", "cjk", "bare", "blanks"]), st.integers(0, 2))
def test_new_scheme_round_trip(parts: tuple[int, str, str, int, str], how: str, zeros: int) -> None:
    year, court, type_code, seq, suffix = parts
    expected = CaseNo(year, court, type_code, seq, suffix, legacy=False)
    body = f"{court}{type_code}{'0' * zeros}{seq}号{suffix}"
    assert parse_case_no(_render(year, body, how)) == expected
    assert normalise_case_no(_render(year, body, how)) == expected.canonical


@given(legacy_parts(), st.sampled_from(["plain", "full", "cjk"]))
def test_legacy_round_trip(parts: tuple[int, str, str, int, str], how: str) -> None:
    year, abbreviation, type_code, seq, _ = parts
    parsed = parse_case_no(_render(year, f"{abbreviation}{type_code}字第{seq}号", how))
    assert parsed.legacy and parsed.year == year and parsed.seq == seq
    # The shortest abbreviation wins, so the type is the longest known 字号 that ends the run.
    assert (parsed.court_code + parsed.type_code).endswith(type_code)
    assert parsed.court_code.startswith(abbreviation) or abbreviation.startswith(parsed.court_code)
