from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from id_strategies import full_width, person_ids

from zhongben.identifiers import id_card
from zhongben.identifiers.id_card import normalise_person_id

SAMPLE = "11010519491231002X"  # the example of GB 11643-1999


def test_check_digit_of_the_standard_example() -> None:
    assert id_card.check_digit(SAMPLE[:17]) == "X"
    assert id_card.is_valid(SAMPLE)


def test_fields() -> None:
    assert id_card.birth_date(SAMPLE) == date(1949, 12, 31)
    assert id_card.sex(SAMPLE) == "女"
    assert id_card.sex("110105194912310011") == "男"
    assert id_card.region_code(SAMPLE) == "110105"


def test_fifteen_digits_become_eighteen() -> None:
    assert id_card.upgrade_15("110105491231002") == SAMPLE
    assert normalise_person_id("110105491231002").value == SAMPLE


@pytest.mark.parametrize(
    "raw", ["11010519491231002x", " 110105 19491231 002X ", "１１０１０５１９４９１２３１００２Ｘ"]
)
def test_written_forms(raw: str) -> None:
    assert normalise_person_id(raw).value == SAMPLE


@pytest.mark.parametrize(
    "raw",
    [
        "110105194912310021",  # wrong check digit
        "110105194902300029",  # 1949-02-30
        "11010519491231002",  # 17 digits
        "110105491331002",  # 15 digits, month 13
        "E12345678",
    ],
)
def test_invalid_is_kept_not_used(raw: str) -> None:
    result = normalise_person_id(raw)
    assert result.value is None
    assert result.invalid_raw == id_card.clean_id(raw)
    assert not result.masked


@pytest.mark.parametrize(
    "raw", ["3306831990****1234", "330683********123X", "3306831990xxxx1234", "330683××××××××1234"]
)
def test_masked_numbers(raw: str) -> None:
    result = normalise_person_id(raw)
    assert result.value is None and result.masked
    assert result.invalid_raw == id_card.clean_id(raw)


def test_empty() -> None:
    assert normalise_person_id(None).value is None
    assert normalise_person_id("  ").invalid_raw is None


def test_check_digit_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        id_card.check_digit("123")
    with pytest.raises(ValueError):
        id_card.upgrade_15("12345")


@given(person_ids())
def test_generated_ids_are_valid(number: str) -> None:
    assert id_card.is_valid(number)


@given(person_ids(), st.sampled_from(["lower", "full", "blanks"]))
def test_renderings_parse_back(number: str, how: str) -> None:
    written = {
        "lower": number.lower(),
        "full": full_width(number),
        "blanks": f" {number[:6]} {number[6:14]}\u3000{number[14:]}\t",
    }[how]
    assert normalise_person_id(written).value == number


@given(person_ids(min_year=1900, max_year=1999))
def test_fifteen_digit_form_parses_back(number: str) -> None:
    old = number[:6] + number[8:17]
    assert normalise_person_id(old).value == number


@given(person_ids(), st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_caught(number: str, pos: int, delta: int) -> None:
    changed = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    assert not id_card.is_valid(changed)
    assert normalise_person_id(changed).invalid_raw == changed
