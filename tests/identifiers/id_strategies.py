"""Hypothesis strategies for valid identifiers and case numbers, and ways to write them."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from zhongben.identifiers import id_card, uscc
from zhongben.identifiers.case_types import CASE_TYPES, LEGACY_TYPES
from zhongben.identifiers.courts import PROVINCES

FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def full_width(text: str) -> str:
    return "".join(FULL.get(c, c) for c in text)


@st.composite
def person_ids(draw: st.DrawFn, min_year: int = 1900, max_year: int = 2024) -> str:
    region = draw(st.from_regex(r"[1-8][0-9]{5}", fullmatch=True))
    born = draw(st.dates(date(min_year, 1, 1), date(max_year, 12, 31)))
    seq = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    first17 = region + born.strftime("%Y%m%d") + seq
    return first17 + id_card.check_digit(first17)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    first17 = draw(st.text(alphabet=uscc.CHARSET, min_size=17, max_size=17))
    return first17 + uscc.check_char(first17)


@st.composite
def court_codes(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(sorted(PROVINCES)))
    digits = draw(st.sampled_from(["", "01", "11", "72", "0683", "0102", "8601", "0192"]))
    return draw(st.sampled_from([province + digits, "最高法"]))


@st.composite
def case_parts(draw: st.DrawFn) -> tuple[int, str, str, int, str]:
    year = draw(st.integers(1990, 2099))
    court = draw(court_codes())
    type_code = draw(st.sampled_from(sorted(CASE_TYPES)))
    seq = draw(st.integers(1, 99999))
    suffix = draw(st.sampled_from(["", "之一", "之二", "之十一"]))
    return year, court, type_code, seq, suffix


@st.composite
def legacy_parts(draw: st.DrawFn) -> tuple[int, str, str, int, str]:
    year = draw(st.integers(1990, 2015))
    abbreviation = draw(st.sampled_from(["绍嵊", "浙绍", "杭西", "甬", "浙"]))
    type_code = draw(st.sampled_from(sorted(LEGACY_TYPES)))
    seq = draw(st.integers(1, 99999))
    return year, abbreviation, type_code, seq, ""
