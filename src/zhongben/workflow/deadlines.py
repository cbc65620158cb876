"""The procuratorate's own deadlines (shared/rules.md, "The procuratorate's own deadlines"):
检察建议书 sent within 15 days of the decision (监督规则 第108条); the court replies within 3 months
of receipt, +1 month when extended (两高执行监督规定 第13条)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

SEND_DAYS = 15
REPLY_MONTHS = 3
EXTENSION_MONTHS = 1
REMIND_DAYS = 7  # a deadline this close is listed as 临近


class HasDates(Protocol):
    state: str
    decided_on: date | None
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


def current_deadline(case: HasDates, today: date) -> Deadline | None:
    """The deadline running now for ``case`` (None when none runs in its state)."""
    if case.state in ("opened", "investigating") and case.decided_on:
        due = send_due(case.decided_on)
        basis = "监督规则第108条：决定之日起15日内"
        return Deadline("制发检察建议书", due, basis, (due - today).days)
    if case.state == "awaiting_reply" and case.received_on:
        due = reply_due(case.received_on, case.reply_extended)
        basis = "两高执行监督规定第13条：收到之日起3个月内" + ("（已延长1个月）"
                                                           if case.reply_extended else "")
        return Deadline("法院书面回复", due, basis, (due - today).days)
    return None
