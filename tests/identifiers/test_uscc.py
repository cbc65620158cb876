from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from id_strategies import full_width, usccs

from zhongben.identifiers import uscc
from zhongben.identifiers.party_id import normalise_party_id
from zhongben.identifiers.uscc import normalise_uscc


def test_known_code() -> None:
    assert uscc.check_char("91110000600037341") == "L"
    assert uscc.is_valid("91110000600037341L")
    assert not uscc.is_valid("91110000600037341M")


def test_check_char_zero_case() -> None:
    # Σ mod 31 == 0 gives check character '0', not an index out of range.
    first17 = next(c for c in (f"9133{n:013d}" for n in range(10_000)) if uscc.check_char(c) == "0")
    assert uscc.is_valid(first17 + "0")


def test_lower_case_and_blanks() -> None:
    assert normalise_uscc(" 91110000 600037341l ").value == "91110000600037341L"


def test_bad_input() -> None:
    with pytest.raises(ValueError):
        uscc.check_char("9111000060003734I")  # I is not in the charset
    assert normalise_uscc("91110000600037341M").invalid_raw == "91110000600037341M"
    assert normalise_uscc("").value is None


@given(usccs(), st.booleans())
def test_generated_codes_parse_back(code: str, wide: bool) -> None:
    assert uscc.is_valid(code)
    assert normalise_uscc(full_width(code) if wide else code.lower()).value == code


@given(usccs(), st.integers(0, 17), st.integers(1, 30))
def test_any_single_substitution_is_caught(code: str, pos: int, delta: int) -> None:
    index = (uscc.CHARSET.index(code[pos]) + delta) % 31
    changed = code[:pos] + uscc.CHARSET[index] + code[pos + 1 :]
    assert not uscc.is_valid(changed)


@pytest.mark.parametrize(
    ("raw", "value", "invalid"),
    [
        ("11010519491231002x", "11010519491231002X", None),
        ("110105491231002", "11010519491231002X", None),
        ("91110000600037341L", "91110000600037341L", None),
        ("110105194912310021", None, "110105194912310021"),  # a 身份证号 that fails
        ("91110000600037341M", None, "91110000600037341M"),  # a USCC that fails
        ("3306831990****1234", None, "3306831990****1234"),  # masked
        ("E12345678", "E12345678", None),  # passport: kept as is
        ("MA2BXXXX-1", "MA2BXXXX-1", None),  # 组织机构代码: kept
        ("", None, None),
    ],
)
def test_party_ids(raw: str, value: str | None, invalid: str | None) -> None:
    result = normalise_party_id(raw)
    assert (result.value, result.invalid_raw) == (value, invalid)
