"""Holiday arrangements for the years the ``chinese_calendar`` package does not cover, from an
override file an office keeps (节假日安排文件), and the warning for years covered by neither.

Each December the State Council publishes 《国务院办公厅关于XXXX年部分节假日安排的通知》; an office
copies it into the file (YAML)::

    2027:
      notice: 国办发明电〔2026〕X号      # the notice the dates are copied from
      holidays:                          # 放假 (days off, weekends inside a holiday included)
        - 2027-01-01                     # a single day …
        - 2027-02-06 ~ 2027-02-13        # … or a range
      workdays:                          # 调休上班 (weekend days worked)
        - 2027-02-14

The file is ``$ZHONGBEN_HOLIDAYS`` when set, else ``节假日安排.yaml`` in the current folder. A year
in the file replaces the package's data for that year. A day in a year covered by neither is
still computed (Monday to Friday are working days) but every caller shows ``warning_for``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import chinese_calendar
import yaml

ENV = "ZHONGBEN_HOLIDAYS"
DEFAULT_FILE = "节假日安排.yaml"
_RANGE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*(?:[~～至到]\s*(\d{4}-\d{2}-\d{2}))?\s*$")
PACKAGE_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)


class HolidayFileError(ValueError):
    """The override file cannot be read (Chinese message naming the file and the entry)."""


@dataclass(frozen=True)
class YearArrangement:
    year: int
    notice: str
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]


def override_path() -> Path:
    return Path(os.environ.get(ENV) or DEFAULT_FILE)


@cache
def _load(path: str, mtime: float) -> dict[int, YearArrangement]:
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise HolidayFileError(f"节假日安排文件 {path} 无法读取：{error}") from error
    if not isinstance(data, dict):
        raise HolidayFileError(f"节假日安排文件 {path}：应按年份分节（如 “2027:”）")
    return {int(year): _year(path, int(year), entry or {}) for year, entry in data.items()}


def _year(path: str, year: int, entry: dict[str, object]) -> YearArrangement:
    days = {key: _days(path, year, key, entry.get(key) or []) for key in ("holidays", "workdays")}
    return YearArrangement(year, str(entry.get("notice") or ""), frozenset(days["holidays"]),
                           frozenset(days["workdays"]))


def _days(path: str, year: int, key: str, items: object) -> set[dt.date]:
    found: set[dt.date] = set()
    for item in items if isinstance(items, list) else [items]:
        match = _RANGE.match(str(item))
        if match is None:
            raise HolidayFileError(f"节假日安排文件 {path}：{year}年 {key} 中的“{item}”不是日期"
                                   "（写作 2027-01-01 或 2027-02-06 ~ 2027-02-13）")
        first = dt.date.fromisoformat(match.group(1))
        last = dt.date.fromisoformat(match.group(2) or match.group(1))
        if first.year != year or last.year != year or last < first:
            raise HolidayFileError(f"节假日安排文件 {path}：“{item}”不在{year}年内或起止颠倒")
        found.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return found


def overrides() -> dict[int, YearArrangement]:
    """The years of the override file (empty when there is none)."""
    path = override_path()
    if not path.is_file():
        return {}
    return _load(str(path.resolve()), path.stat().st_mtime)


def coverage(year: int) -> str:
    """'file' (the office's file), 'package' (chinese_calendar) or 'none'."""
    if year in overrides():
        return "file"
    return "package" if year in PACKAGE_YEARS else "none"


def uncovered_years(days: Iterable[dt.date | None]) -> list[int]:
    return sorted({d.year for d in days if d is not None and coverage(d.year) == "none"})


def warning_for(days: Iterable[dt.date | None]) -> str | None:
    """The loud warning to show beside a deadline (on screen, in the CLI, in a document) when any
    of ``days`` falls in a year without holiday data; None when every year is covered."""
    years = uncovered_years(days)
    if not years:
        return None
    listed = "、".join(f"{y}年" for y in years)
    return (f"警告：{listed}的法定节假日和调休安排尚未载入（节假日数据包只到{PACKAGE_YEARS[-1]}年，"
            f"节假日安排文件 {override_path()} 中也没有），期限暂按周一至周五为工作日推算，遇节假日"
            "可能不准。请按国务院办公厅当年的节假日安排通知补充该文件后重新计算。")
