from dataclasses import dataclass
from datetime import date

from zhongben.workflow.deadlines import (
    add_months,
    current_deadline,
    current_deadlines,
    reply_due,
    send_due,
)


@dataclass
class Case:
    state: str
    opened_on: date = date(2025, 1, 2)
    decided_on: date | None = None
    explanation_requested_on: date | None = None
    explanation_received_on: date | None = None
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


def test_three_months_to_end_the_review() -> None:
    case = Case("reviewing", opened_on=date(2024, 11, 30))
    deadline = current_deadline(case, date(2025, 3, 1))
    assert deadline is not None and deadline.label.startswith("审查终结")
    assert deadline.due == date(2025, 2, 28) and deadline.overdue
    assert current_deadline(Case("pending", opened_on=date(2025, 1, 2)), date(2025, 1, 2)) \
        is not None
    assert [d.label for d in current_deadlines(Case("opened", decided_on=date(2025, 1, 20)),
                                               date(2025, 1, 21))] == ["制发检察建议书"]


def test_a_court_asked_to_explain_has_fifteen_days_alongside_the_send_deadline() -> None:
    case = Case("investigating", decided_on=date(2025, 3, 1),
                explanation_requested_on=date(2025, 3, 10))
    running = current_deadlines(case, date(2025, 3, 20))
    assert [(d.label, d.due) for d in running] == [("制发检察建议书", date(2025, 3, 16)),
                                                    ("法院说明案件执行情况", date(2025, 3, 25))]
    assert running[0].overdue and running[1].near
    case.explanation_received_on = date(2025, 3, 18)
    assert [d.label for d in current_deadlines(case, date(2025, 3, 20))] == ["制发检察建议书"]
