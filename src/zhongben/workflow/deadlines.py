"""The procuratorate's own deadlines (shared/rules.md, "The procuratorate's own deadlines"):
the review ends within 3 months (监督规则 第52条, applied to execution cases by analogy);
检察建议书 sent within 15 days of the decision (监督规则 第108条); a court asked to explain
(说明案件执行情况通知书) does so within 15 days (两高执行监督规定); the court replies to a
recommendation within 3 months of receipt, +1 month when extended (两高执行监督规定 第13条).
Several can run at once (a case under investigation waits for an explanation while its
recommendation is due)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

REVIEW_MONTHS = 3
SEND_DAYS = 15
EXPLAIN_DAYS = 15
REPLY_MONTHS = 3
EXTENSION_MONTHS = 1
REMIND_DAYS = 7  # a deadline this close is listed as 临近


class HasDates(Protocol):
    state: str
    opened_on: date
    decided_on: date | None
    explanation_requested_on: date | None
    explanation_received_on: date | None
    received_on: date | None
    reply_extended: bool


@dataclass(frozen=True)
class Deadline:
    label: str
    due: date
    basis: str
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def near(self) -> bool:
        return 0 <= self.days_left <= REMIND_DAYS


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def send_due(decided_on: date) -> date:
    return decided_on + timedelta(days=SEND_DAYS)


def reply_due(received_on: date, extended: bool) -> date:
    return add_months(received_on, REPLY_MONTHS + (EXTENSION_MONTHS if extended else 0))


def current_deadlines(case: HasDates, today: date) -> list[Deadline]:
    """The deadlines running now for ``case``, the nearest first."""
    found = []
    if case.state in ("pending", "reviewing"):
        due = add_months(case.opened_on, REVIEW_MONTHS)
        basis = "监督规则第52条：受理后3个月内审查终结（执行监督案件参照适用）"
        found.append(Deadline("审查终结（成案或不成案）", due, basis, (due - today).days))
    if case.state in ("opened", "investigating") and case.decided_on:
        due = send_due(case.decided_on)
        basis = "监督规则第108条：决定之日起15日内"
        found.append(Deadline("制发检察建议书", due, basis, (due - today).days))
    if (case.state == "investigating" and case.explanation_requested_on
            and not case.explanation_received_on):
        due = case.explanation_requested_on + timedelta(days=EXPLAIN_DAYS)
        basis = "两高执行监督规定：法院收到说明案件执行情况通知书之日起15日内书面说明"
        found.append(Deadline("法院说明案件执行情况", due, basis, (due - today).days))
    if case.state == "awaiting_reply" and case.received_on:
        due = reply_due(case.received_on, case.reply_extended)
        basis = "两高执行监督规定第13条：收到之日起3个月内" + ("（已延长1个月）"
                                                           if case.reply_extended else "")
        found.append(Deadline("法院书面回复", due, basis, (due - today).days))
    return sorted(found, key=lambda d: d.due)


def current_deadline(case: HasDates, today: date) -> Deadline | None:
    """The nearest deadline running now for ``case`` (None when none runs in its state)."""
    running = current_deadlines(case, today)
    return running[0] if running else None
