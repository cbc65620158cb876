"""Petition periods on the working-day calendar: a period ending in the 2026 National Day
holiday (10-01 … 10-07) ends on the first working day after it (民事诉讼法 第八十五条)."""

from __future__ import annotations

import datetime as dt

from zhongben.petitions.deadlines import petition_deadlines, running

D = dt.date


def test_a_petition_received_before_the_holiday() -> None:
    accept, notice = petition_deadlines(D(2026, 9, 29))
    assert accept.label == "作出受理决定" and accept.due_on == D(2026, 10, 8)  # 10-06 is off
    assert notice.label == "发送受理通知书" and notice.due_on == D(2026, 10, 12)  # 10-08 + 3 = Sun
    assert "第三十三条" in notice.basis
    assert accept.status(D(2026, 10, 9)) == "已超期 1 天"
    assert accept.status(D(2026, 10, 1)) == "剩余 7 天"


def test_the_notice_runs_from_the_acceptance_and_the_review_follows() -> None:
    accept, notice, review = petition_deadlines(D(2026, 9, 28), accepted_on=D(2026, 9, 30))
    assert notice.due_on == D(2026, 10, 8)  # 10-03 falls in the holiday
    assert review.due_on == D(2026, 12, 30) and "第五十二条" in review.basis
    assert accept.status(D(2026, 10, 20)) == "已于 2026-09-30 完成"
    assert [d.label for d in running([accept, notice, review])] == [
        "发送受理通知书", "审查终结并答复申请人"]
    _, sent, _ = petition_deadlines(D(2026, 9, 28), D(2026, 9, 30), notified_on=D(2026, 10, 9))
    assert sent.status(D(2026, 10, 20)) == "已于 2026-10-09 完成（超期 1 天）"


def test_a_workday_end_is_kept() -> None:
    accept, _ = petition_deadlines(D(2026, 6, 1))
    assert accept.due_on == D(2026, 6, 8)  # Monday
