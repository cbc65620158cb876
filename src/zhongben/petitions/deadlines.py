"""The periods of a party's application for supervision, counted as 民事诉讼法 第八十五条 says:
the first day is not counted, and a period ending on a day off ends on the next working day
(``rules.calendar.roll_to_workday``, with the office's holiday file).

- 受理通知书: within 3 days of the decision to accept — 监督规则 第三十三条 [V]:
  "负责控告申诉检察的部门应当在决定受理之日起三日内制作《受理通知书》，发送申请人，并告知其
  权利义务". Before a decision is recorded it is counted from the latest day the decision is due.
- 受理决定: 监督规则 states no period for deciding whether to accept (第三十二条 lists the
  outcomes only). ``ACCEPT_DAYS`` = 7 is a parameter [U]: the SPP's public commitment that
  every letter gets a procedural reply within 7 days (群众来信"七日内程序回复"), not a rule text.
- 审查终结并答复申请人: within 3 months of acceptance — 监督规则 第五十二条第二款 [V] (execution
  cases by reference to the first paragraph's 三个月); 调卷、鉴定、评估、审计、专家咨询 periods
  are not counted, so the date is the latest one without them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zhongben.rules.calendar import roll_to_workday
from zhongben.workflow.deadlines import add_months

ACCEPT_DAYS = 7  # [U] parameter, see the module docstring
NOTICE_DAYS = 3  # 监督规则 第三十三条 [V]
REVIEW_MONTHS = 3  # 监督规则 第五十二条 [V]
REMIND_DAYS = 3  # a petition deadline this close is listed as 临近

ACCEPT_BASIS = "受理决定：监督规则未规定期限，按收到后7日内（可配置参数，依最高检“七日内程序回复”）"
NOTICE_BASIS = "监督规则第三十三条：决定受理之日起三日内制作《受理通知书》，发送申请人"
REVIEW_BASIS = "监督规则第五十二条：受理后三个月内审查终结并作出决定（执行监督案件参照）"


@dataclass(frozen=True)
class PetitionDeadline:
    label: str
    due_on: dt.date
    basis: str
    done_on: dt.date | None = None
    warning: str | None = None  # the calendar's warning when a year has no holiday data

    def days_left(self, today: dt.date) -> int:
        return (self.due_on - today).days

    def status(self, today: dt.date) -> str:
        if self.done_on is not None:
            late = (self.done_on - self.due_on).days
            return f"已于 {self.done_on} 完成" + (f"（超期 {late} 天）" if late > 0 else "")
        left = self.days_left(today)
        return f"已超期 {-left} 天" if left < 0 else f"剩余 {left} 天"


def due_after(start: dt.date, days: int) -> tuple[dt.date, str | None]:
    """The last day of a period of ``days`` days starting the day after ``start``."""
    return roll_to_workday(start + dt.timedelta(days=days))


def petition_deadlines(received_on: dt.date, accepted_on: dt.date | None = None,
                       notified_on: dt.date | None = None, accept_days: int = ACCEPT_DAYS,
                       ) -> list[PetitionDeadline]:
    """The acceptance decision, the acceptance notice and (once accepted) the review period."""
    accept_due, warning = due_after(received_on, accept_days)
    found = [PetitionDeadline("作出受理决定", accept_due, ACCEPT_BASIS, accepted_on, warning)]
    notice_due, warning = due_after(accepted_on or accept_due, NOTICE_DAYS)
    found.append(PetitionDeadline("发送受理通知书", notice_due, NOTICE_BASIS, notified_on,
                                  warning))
    if accepted_on is not None:
        review_due, warning = roll_to_workday(add_months(accepted_on, REVIEW_MONTHS))
        found.append(PetitionDeadline("审查终结并答复申请人", review_due, REVIEW_BASIS, None,
                                      warning))
    return found


def running(deadlines: list[PetitionDeadline]) -> list[PetitionDeadline]:
    """The deadlines not yet met."""
    return [d for d in deadlines if d.done_on is None]
