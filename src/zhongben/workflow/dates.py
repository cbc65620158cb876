"""Honest dates: a step's date is not in the future, not before the lead's screening date, not
before the case was opened and not before the step before it. The error names the limit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from zhongben.workflow.errors import WorkflowError


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def check_step_date(on: date, today: date, lead_day: date | None,
                    earlier: Iterable[tuple[str, date]]) -> None:
    """``earlier``: (step label, date) of the steps already recorded."""
    if on > today:
        raise WorkflowError(f"日期{chinese_date(on)}晚于今天（{chinese_date(today)}），"
                            "不能登记尚未发生的步骤")
    if lead_day and on < lead_day:
        raise WorkflowError(f"日期{chinese_date(on)}早于线索的筛查基准日"
                            f"（{chinese_date(lead_day)}），请核对")
    latest = max(earlier, key=lambda pair: pair[1], default=None)
    if latest and on < latest[1]:
        raise WorkflowError(f"日期{chinese_date(on)}早于上一步骤“{latest[0]}”的日期"
                            f"（{chinese_date(latest[1])}），各步骤须按时间先后登记")
