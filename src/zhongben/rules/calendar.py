"""The working-day calendar the engine registers as ``zb_calendar`` for ``zb_add_workdays``.

Built from the maintained ``chinese_calendar`` package (statutory holidays and 调休 make-up working
days) and, for the years an office's 节假日安排文件 covers, from that file (``holidays``); in a year
covered by neither, Monday–Friday are working days and ``holidays.warning_for`` gives the warning
every caller must show with a deadline computed there.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pyarrow as pa

from zhongben.rules.holidays import overrides, warning_for

__all__ = ["calendar_table", "is_workday", "roll_to_workday", "warning_for"]

FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2035, 12, 31)
EPOCH = dt.date(1970, 1, 1)
COLUMNS = (("day", "DATE"), ("is_workday", "BOOLEAN"), ("workday_index", "INTEGER"))


_HOLIDAYS: frozenset[dt.date] = frozenset(chinese_calendar.holidays)
_MAKEUP_WORKDAYS: frozenset[dt.date] = frozenset(chinese_calendar.workdays)
_COVERED = range(min(_HOLIDAYS).year, max(_HOLIDAYS).year + 1)


def is_workday(day: dt.date) -> bool:
    """As ``chinese_calendar.is_workday`` (read from its tables for speed), the office's file for
    the years it covers; Monday–Friday in a year covered by neither."""
    arrangement = overrides().get(day.year)
    if arrangement is not None:
        if day in arrangement.workdays:
            return True
        return day.weekday() < 5 and day not in arrangement.holidays
    if day.year not in _COVERED:
        return day.weekday() < 5
    if day in _MAKEUP_WORKDAYS:
        return True
    return day.weekday() < 5 and day not in _HOLIDAYS


def calendar_table(first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> pa.Table:
    """One row per day: whether it is a working day, and the count of working days up to it."""
    days, flags, index = [], [], []
    count = 0
    day = first
    while day <= last:
        work = is_workday(day)
        count += work
        days.append(day)
        flags.append(work)
        index.append(count)
        day += dt.timedelta(days=1)
    return pa.table(
        {
            # from epoch day numbers: pyarrow converts date objects very slowly
            "day": pa.array([(d - EPOCH).days for d in days], pa.int32()).cast(pa.date32()),
            "is_workday": pa.array(flags, pa.bool_()),
            "workday_index": pa.array(index, pa.int32()),
        }
    )


def roll_to_workday(day: dt.date) -> tuple[dt.date, str | None]:
    """A period ending on a day off ends on the next working day (民事诉讼法 第85条); with the
    warning to show when a year on the way has no holiday data."""
    current = day
    while not is_workday(current):
        current += dt.timedelta(days=1)
    return current, warning_for([day, current])
