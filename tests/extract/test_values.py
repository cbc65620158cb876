"""Locating and reading case numbers, dates, amounts and articles in running text."""

from __future__ import annotations

import pytest

from zhongben.extract.casenos import find_all, own_number
from zhongben.extract.numerals import chinese_number, parse_amount, parse_date


@pytest.mark.parametrize(("text", "doc_no", "case_no"), [
    ("（2023）浙0483执1234号", "(2023)浙0483执1234号", "(2023)浙0483执1234号"),
    ("(2023)浙0483执\n1234号之一", "(2023)浙0483执1234号之一", "(2023)浙0483执1234号"),
    ("〔2014〕嘉桐执字第00123号", "(2014)嘉桐执字第123号", "(2014)嘉桐执字第123号"),
    ("[2021]浙0602执1957号之二", "(2021)浙0602执1957号之二", "(2021)浙0602执1957号"),
    ("( 2023 ) 浙 0683 执恢 12 号", "(2023)浙0683执恢12号", "(2023)浙0683执恢12号"),
    ("【2022】浙04执异5号", "(2022)浙04执异5号", "(2022)浙04执异5号"),
])
def test_case_numbers_in_every_style(text: str, doc_no: str, case_no: str) -> None:
    found = find_all(f"本院{text}裁定")
    assert [(n.doc_no, n.case_no) for n in found] == [(doc_no, case_no)]


def test_own_number_is_the_execution_case_not_the_judgment() -> None:
    text = "执行裁定书\n依据(2022)浙0483民初456号民事判决书……\n(2023)浙0483执99号"
    own = own_number("执行裁定书\n(2023)浙0483执99号\n" + text, 40)
    assert own is not None and own.case_no == "(2023)浙0483执99号"
    basis = [n for n in find_all(text) if not n.is_execution]
    assert basis[0].type_code == "民初"


@pytest.mark.parametrize(("text", "iso"), [
    ("二〇二三年五月六日", "2023-05-06"),
    ("二O二三年十二月三十一日", "2023-12-31"),
    ("二零二一年一月一日", "2021-01-01"),
    ("二0二三年十月二十日", "2023-10-20"),
    ("2023年3月1日", "2023-03-01"),
    ("二〇二三年二月三十日", None),
])
def test_dates_with_any_zero(text: str, iso: str | None) -> None:
    assert parse_date(f"于{text}立案") == iso


@pytest.mark.parametrize(("text", "value"), [
    ("400，000元", 400000.0), ("400,000.50元", 400000.5), ("2677.1万元", 26771000.0),
    ("人民币1234元", 1234.0),
])
def test_amounts(text: str, value: float) -> None:
    assert parse_amount(f"标的{text}及利息") == value


def test_article_numbers() -> None:
    assert [chinese_number(t) for t in ("五百一十七", "二百六十四", "十九", "一千零一")] == \
        [517, 264, 19, 1001]
