from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from value_strategies import (
    DATE_FORMS,
    DATES,
    EXCEL_DATES,
    TIMESTAMP_FORMS,
    excel_serial,
    render_date,
    render_timestamp,
)

from zhongben.ingest.normalise.dates import cn_number, parse

D = date(2023, 5, 12)


@pytest.mark.parametrize(
    "raw",
    [
        "2023-05-12",
        "2023/5/12",
        "2023.05.12",
        "20230512",
        "2023年5月12日",
        "2023年05月12号",
        "二〇二三年五月十二日",
        "二○二三年五月十二日",
        "二OＯ二三年五月十二日".replace("OＯ", "〇"),
        "二零二三年五月十二日",
        "45058",
        "45058.0",
        "2023-05-12 14:03:00",
        "2023/5/12 14:03",
        "2023-05-12T14:03:00",
        "２０２３－０５－１２",
        "\u30002023-05-12 ",
    ],
)
def test_date_forms(raw: str) -> None:
    assert parse(raw, "date") == (D, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-05-12 14:03:00", datetime(2023, 5, 12, 14, 3)),
        ("2023/5/12 14:03", datetime(2023, 5, 12, 14, 3)),
        ("2023-05-12T14:03:00.25", datetime(2023, 5, 12, 14, 3, 0, 250000)),
        ("2023-05-12", datetime(2023, 5, 12)),
        ("45058.75", datetime(2023, 5, 12, 18)),
    ],
)
def test_timestamp_forms(raw: str, expected: datetime) -> None:
    assert parse(raw, "timestamp") == (expected, None)


@pytest.mark.parametrize(
    "raw", ["2023-05", "2023/5", "202305", "2023年5月", "二〇二三年五月", "2023-05-31", "45058"]
)
def test_month_forms(raw: str) -> None:
    assert parse(raw, "month") == (date(2023, 5, 1), None)


@pytest.mark.parametrize(
    ("raw", "kind", "reason"),
    [
        ("2023-02-30", "date", "无法识别的日期：2023-02-30"),
        ("2023-13-45", "date", "无法识别的日期：2023-13-45"),
        ("2023-02-29", "date", "无法识别的日期：2023-02-29"),
        ("二〇二三年二月三十日", "date", "无法识别的日期：二〇二三年二月三十日"),
        ("9999", "date", "无法识别的日期：9999"),  # serial out of the plausible range
        ("80001", "date", "无法识别的日期：80001"),
        ("2023-05-12 24:00", "timestamp", "无法识别的时间：2023-05-12 24:00"),
        ("明天", "timestamp", "无法识别的时间：明天"),
        ("2023-13", "month", "无法识别的月份：2023-13"),
        ("0023-05-12", "date", "无法识别的日期：0023-05-12"),
    ],
)
def test_errors(raw: str, kind: str, reason: str) -> None:
    assert parse(raw, kind) == (None, reason)


def test_empty_is_null_not_error() -> None:
    for raw in (None, "", " ", "\u3000"):
        assert parse(raw, "date") == (None, None)


def test_excel_serial_range_and_leap_bug() -> None:
    assert parse("10000", "date")[0] == date(1927, 5, 18)
    assert parse("80000", "date")[0] == date(2119, 1, 11)
    assert parse("61", "date")[1] is not None  # below the plausible range: not a date


def test_chinese_numbers() -> None:
    assert [cn_number(t) for t in ("一", "十", "十二", "二十", "三十一")] == [1, 10, 12, 20, 31]


@given(DATES, st.sampled_from([f for f in DATE_FORMS if not f.startswith("excel")]))
def test_dates_round_trip(day: date, how: str) -> None:
    assert parse(render_date(day, how), "date") == (day, None)
    assert parse(render_date(day, how), "month") == (day.replace(day=1), None)


@given(EXCEL_DATES, st.sampled_from(["excel", "excel_float"]))
def test_excel_dates_round_trip(day: date, how: str) -> None:
    assert parse(render_date(day, how), "date") == (day, None)


@given(st.datetimes(datetime(1000, 1, 1), datetime(9999, 12, 31)), st.sampled_from(TIMESTAMP_FORMS))
def test_timestamps_round_trip(moment: datetime, how: str) -> None:
    if how != "micro":
        moment = moment.replace(microsecond=0)
    assert parse(render_timestamp(moment, how), "timestamp") == (moment, None)
    assert parse(render_timestamp(moment, how), "date") == (moment.date(), None)


@given(st.datetimes(datetime(1927, 6, 1), datetime(2119, 1, 1)))
def test_excel_timestamps_round_trip(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    assert parse(excel_serial(moment), "timestamp") == (moment, None)
