from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from value_strategies import AMOUNT_FORMS, AMOUNTS, render_amount

from zhongben.ingest.normalise.amounts import parse_amount, parse_integer, parse_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234567.89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("¥1,234.00", "1234.00"),
        ("￥1,234", "1234.00"),
        ("123.4万元", "1234000.00"),
        ("123.4万", "1234000.00"),
        ("500元", "500.00"),
        ("１，２３４．５", "1234.50"),
        ("-12.345", "-12.35"),
        ("-¥3", "-3.00"),
        ("0.005", "0.01"),
        ("-0.005", "-0.01"),
        ("1.23456万", "12345.60"),
        ("7.", "7.00"),
        ("+5", "5.00"),
        (".5", "0.50"),
        (" -.5 ", "-0.50"),
    ],
)
def test_amount_forms(raw: str, expected: str) -> None:
    assert parse_amount(raw) == (Decimal(expected), None)


@pytest.mark.parametrize(
    "raw",
    ["abc", "--3", "+-3", "1,23", "1.2.3", "¥", ".", "10000000000000000", "1e5", "1_000", "12%",
     "110960423445201240006516250665.70771341"],  # past 28 digits: rounding itself would fail
)
def test_amount_errors(raw: str) -> None:
    value, error = parse_amount(raw)
    assert value is None and error is not None and error.startswith("无法识别的金额：")


def test_empty_amount() -> None:
    assert parse_amount(" ") == (None, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("30%", 0.3),
        ("1.5e3", 1500.0),
        ("-.5", -0.5),
        ("1,200", 1200.0),
        ("+2", 2.0),
        ("88.5", 88.5),
    ],
)
def test_numbers(raw: str, expected: float) -> None:
    assert parse_number(raw) == (expected, None)


@pytest.mark.parametrize("raw", [".", "1e400", "abc", "%"])
def test_number_errors(raw: str) -> None:
    assert parse_number(raw)[1] == f"无法识别的数值：{raw}"


@pytest.mark.parametrize(("raw", "expected"), [("12", 12), ("1,200", 1200), ("3.0", 3), ("-7", -7)])
def test_integers(raw: str, expected: int) -> None:
    assert parse_integer(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["3.5", "2147483648", "x"])
def test_integer_errors(raw: str) -> None:
    assert parse_integer(raw)[1] == f"无法识别的整数：{raw}"


@given(AMOUNTS, st.sampled_from(AMOUNT_FORMS))
def test_amounts_round_trip(value: Decimal, how: str) -> None:
    assert parse_amount(render_amount(value, how)) == (value, None)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6, allow_nan=False))
def test_amount_rounding_is_half_up(value: Decimal) -> None:
    from decimal import ROUND_HALF_UP

    expected = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert parse_amount(f"{value:f}") == (expected, None)
