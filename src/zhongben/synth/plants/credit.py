"""E. 限高与失信 (XG-01 … XG-03). Some XG-01 plants are preceded by a 罚款 in the same case, which
makes them XJ-02 leads too."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from zhongben.synth.cases import PAID
from zhongben.synth.dates import add_months, add_workdays, day, to_date
from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import Planted, make_case, terminated
from zhongben.synth.travel import trip

VIOLATIONS = (
    ("航班", "经济舱", "MU5301"),
    ("铁路", "二等座", "G7512"),
    ("铁路", "一等座", "D3125"),
    ("铁路", "软卧", "K1373"),
)
ALLOWED = (("铁路", "二等座", "D3125"), ("铁路", "硬卧", "K1373"))


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _xg01(f, i)
        _xg02(f, i)
        _xg03(f, i)


def _xg01(f: Factory, i: int) -> None:
    p = terminated(f, 600 + 3 * i, 260)
    when = p.closed + 30 + 7 * i
    mode, seat, carrier = VIOLATIONS[i % len(VIOLATIONS)]
    f.world.add_rows("travel", [trip(p.debtor_id, when, mode, seat, carrier)])
    fined = (i + 1) % 3
    if fined == 1:  # fined first, then travelled: 拒执 lead
        p.act("罚款", when - 20, amount=5000, result="因违反限制消费令罚款")
    elif fined == 2:  # fined only afterwards
        p.act("罚款", when + 5, amount=5000, result="因违反限制消费令罚款")
    p.commit()
    f.world.plant("XG-01", p.case_no, p.debtor_id)
    if fined == 1:
        f.world.plant("XJ-02", None, p.debtor_id)
    elif fined == 2:
        f.world.near_miss("XJ-02", None, p.debtor_id, "罚款 after the journey")
    q = terminated(f, 600 + 3 * i, 260)
    mode, seat, carrier = ALLOWED[i % len(ALLOWED)]
    f.world.add_rows("travel", [trip(q.debtor_id, q.closed + 30 + 7 * i, mode, seat, carrier)])
    q.commit()
    f.world.near_miss("XG-01", q.case_no, q.debtor_id, f"{carrier} {seat}")


def _strip_bans(p: Planted) -> None:
    p.drop_actions("限制消费")
    p.drop_actions("解除限制消费")
    p.bundle.set_rows("restrictions", [])


def _xg02(f: Factory, i: int) -> None:
    variant = i % 3
    for true in (True, False):
        filed = f.day(-500 - 4 * i)
        p = make_case(f, PAID, filed, filed + 150)
        _strip_bans(p)
        closed = to_date(p.closed)
        start = p.filed + 20
        end: np.datetime64 | None
        if variant == 2:
            end = p.closed + (15 if true else 10)
            kind, action = "限制消费", ("限制消费", "解除限制消费")
        else:
            kind, action = "失信", ("纳入失信", "删除失信")
            workdays = 5 if true else 3
            end = None if (true and variant == 0) else day(add_workdays(closed, workdays))
        p.act(action[0], start)
        if end is not None:
            p.act(action[1], end)
        p.bundle.add_rows(
            "restrictions",
            [
                {
                    "subject_id": p.debtor_id,
                    "name": p.debtor_name,
                    "kind": kind,
                    "case_no": p.case_no,
                    "start_on": start,
                    "end_on": end,
                    "ground": 1 if kind == "失信" else None,
                }
            ],
        )
        p.commit()
        if true:
            f.world.plant("XG-02", p.case_no, p.debtor_id)
        else:
            f.world.near_miss(
                "XG-02",
                p.case_no,
                p.debtor_id,
                "限制消费 lifted on day 10"
                if variant == 2
                else "失信 removed on the 3rd working day",
            )


def _xg03(f: Factory, i: int) -> None:
    for variant in ("true", "ground1", "removed"):
        p = terminated(f, 1000 + 2 * i, 400)
        listed = p.filed + 60
        ground = 1 if variant == "ground1" else 2 + i % 5
        end = add_months(np.array([listed]), 24)[0] if variant == "removed" else None
        p.act("纳入失信", listed)
        if end is not None:
            p.act("删除失信", end)
        p.bundle.add_rows(
            "restrictions",
            [
                {
                    "subject_id": p.debtor_id,
                    "name": p.debtor_name,
                    "kind": "失信",
                    "case_no": p.case_no,
                    "start_on": listed,
                    "end_on": end,
                    "ground": ground,
                }
            ],
        )
        p.commit()
        assert to_date(listed) + timedelta(days=800) < to_date(f.as_of)
        if variant == "true":
            f.world.plant("XG-03", p.case_no, p.debtor_id)
        else:
            f.world.near_miss(
                "XG-03",
                p.case_no,
                p.debtor_id,
                "ground 1 (no term)" if variant == "ground1" else "removed at 2 years",
            )
