"""Vectorised date helpers on numpy ``datetime64[D]`` arrays (NaT = null)."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import numpy as np

Days = np.ndarray
NAT = np.datetime64("NaT", "D")


def day(value: str | date) -> np.datetime64:
    return np.datetime64(value if isinstance(value, str) else value.isoformat(), "D")


def add_months(days: Days | np.datetime64, months: int | np.ndarray) -> Days:
    """The same day number ``months`` later, clipped to the month's end (rules.md convention)."""
    d = np.asarray(days, dtype="datetime64[D]")
    month0 = d.astype("datetime64[M]")
    dom = (d - month0.astype("datetime64[D]")).astype(np.int64)
    target = month0 + np.asarray(months, dtype=np.int64)
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    return target.astype("datetime64[D]") + np.minimum(dom, length - 1)


def add_workdays(start: date, n: int) -> date:
    """The n-th Chinese working day (with 调休) after ``start``."""
    current = start
    left = n
    while left > 0:
        current += timedelta(days=1)
        if is_workday(current):
            left -= 1
    return current


def is_workday(day_: date) -> bool:
    """Chinese working day (调休 included); plain Monday–Friday beyond the calendar's years."""
    try:
        return bool(chinese_calendar.is_workday(day_))
    except NotImplementedError:
        return day_.weekday() < 5


def to_date(value: np.datetime64) -> date:
    return date.fromisoformat(str(value)[:10])


def uniform_days(rng: np.random.Generator, lo: Days, hi: Days) -> Days:
    """A uniformly random day in [lo, hi] (element-wise; hi < lo gives lo)."""
    lo = np.asarray(lo, dtype="datetime64[D]")
    span = np.maximum((np.asarray(hi, dtype="datetime64[D]") - lo).astype(np.int64), 0)
    return lo + (rng.random(lo.shape) * (span + 1)).astype(np.int64)
