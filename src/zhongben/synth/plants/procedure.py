"""A. 终本程序要件 (ZB-01 … ZB-05): true cases and near-misses one fact away."""

from __future__ import annotations

import numpy as np

from zhongben.synth.dates import add_months
from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import NAT, make_case, person_debtor, terminated
from zhongben.synth.plants.base import TERMINATED as ZB


def plant(f: Factory) -> None:
    n = f.config.plants_per_rule
    for i in range(n):
        _zb01(f, i)
        _zb02(f, i)
        _zb03(f, i)
        _zb04(f, i)
        _zb05(f, i)


def _zb01(f: Factory, i: int) -> None:
    filed = f.day(-600 - 7 * i)
    limit = add_months(np.array([filed]), 3)[0]
    p = make_case(f, ZB, filed, limit - (i % 3) * 5)  # closed on or before filed + 3 months
    p.commit()
    f.world.plant("ZB-01", p.case_no, None)
    q = make_case(f, ZB, filed, limit + 1)
    q.commit()
    f.world.near_miss("ZB-01", q.case_no, None, "closed the day after filed + 3 months")


def _zb02(f: Factory, i: int) -> None:
    p = terminated(f, 650 + 5 * i, 260)
    variant = i % 3
    if variant == 0:
        p.set_case(notice_on=None)
    elif variant == 1:
        late = p.filed + 11 + i % 5
        p.set_case(notice_on=late, report_order_on=late)
    else:
        p.set_case(report_order_on=None)
    p.commit()
    f.world.plant("ZB-02", p.case_no, None)
    q = terminated(f, 650 + 5 * i, 260)
    q.set_case(notice_on=q.filed + 10, report_order_on=q.filed + 10)
    q.commit()
    f.world.near_miss("ZB-02", q.case_no, None, "notice on the 10th day after filing")


def _zb03(f: Factory, i: int) -> None:
    p = terminated(f, 700 + 3 * i, 250)
    p.drop_actions("限制消费")
    p.bundle.edit("restrictions", lambda rows: [r for r in rows if r["kind"] != "限制消费"])
    if i % 2:  # the ban came only after closure
        late = p.closed + 1 + i % 10
        p.act("限制消费", late)
        p.bundle.add_rows("restrictions", [_ban(p.debtor_id, p.debtor_name, p.case_no, late)])
    p.commit()
    f.world.plant("ZB-03", p.case_no, None)
    q = terminated(f, 700 + 3 * i, 250)
    q.drop_actions("限制消费")
    q.bundle.edit("restrictions", lambda rows: [r for r in rows if r["kind"] != "限制消费"])
    q.act("限制消费", q.closed)
    q.bundle.add_rows("restrictions", [_ban(q.debtor_id, q.debtor_name, q.case_no, q.closed)])
    q.commit()
    f.world.near_miss("ZB-03", q.case_no, None, "限制消费 on the day of closure")


def _ban(subject: str, name: str, case_no: str, day: np.datetime64) -> dict[str, object]:
    return {
        "subject_id": subject,
        "name": name,
        "kind": "限制消费",
        "case_no": case_no,
        "start_on": day,
        "end_on": None,
        "ground": None,
    }


def _zb04(f: Factory, i: int) -> None:
    filed = f.day(-700 - 4 * i)
    listed = filed + 30
    eighteen = add_months(np.array([listed]), -216)[0]  # 18th birthday on the listing day
    for minor in (True, False):
        birth = eighteen + (1 + 40 * (i % 5) if minor else 0)
        debtor = person_debtor(f, birth=np.array([birth], dtype="datetime64[D]"))
        p = make_case(f, ZB, filed, filed + 280, debtor=debtor, cause="机动车交通事故责任纠纷")
        p.act("纳入失信", listed)
        p.bundle.add_rows(
            "restrictions",
            [
                {
                    "subject_id": p.debtor_id,
                    "name": p.debtor_name,
                    "kind": "失信",
                    "case_no": p.case_no,
                    "start_on": listed,
                    "end_on": None,
                    "ground": 1,
                }
            ],
        )
        p.commit()
        if minor:
            f.world.plant("ZB-04", p.case_no, p.debtor_id)
        else:
            f.world.near_miss("ZB-04", p.case_no, p.debtor_id, "turns 18 on the listing day")


def _zb05(f: Factory, i: int) -> None:
    p = terminated(f, 620 + 6 * i, 240)
    p.set_case(applicant_informed_on=None if i % 2 == 0 else p.closed + 1 + i % 7)
    p.commit()
    f.world.plant("ZB-05", p.case_no, None)
    q = terminated(f, 620 + 6 * i, 240)
    q.set_case(applicant_informed_on=q.closed)
    q.commit()
    f.world.near_miss("ZB-05", q.case_no, None, "applicant informed on the day of closure")


__all__ = ["NAT", "plant"]
