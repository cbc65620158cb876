from dataclasses import dataclass
from datetime import date

from zhongben.workflow.deadlines import add_months, current_deadline, reply_due, send_due


@dataclass
class Case:
    state: str
    decided_on: date | None = None
    received_on: date | None = None
    reply_extended: bool = False


def test_fifteen_days_to_send_the_recommendation() -> None:
    assert send_due(date(2025, 1, 20)) == date(2025, 2, 4)
    deadline = current_deadline(Case("opened", decided_on=date(2025, 1, 20)), date(2025, 2, 5))
    assert deadline is not None and deadline.overdue and deadline.days_left == -1


def test_three_months_for_the_reply_plus_one_when_extended() -> None:
    assert reply_due(date(2025, 1, 31), extended=False) == date(2025, 4, 30)
    assert reply_due(date(2025, 1, 31), extended=True) == date(2025, 5, 31)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    case = Case("awaiting_reply", received_on=date(2025, 3, 1))
    deadline = current_deadline(case, date(2025, 5, 28))
    assert deadline is not None and deadline.near and not deadline.overdue


def test_no_deadline_runs_once_the_court_replied() -> None:
    assert current_deadline(Case("adopted", received_on=date(2025, 3, 1)), date(2025, 9, 1)) \
        is None
