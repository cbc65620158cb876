"""H. 执行款 (ZK-01, ZK-02): partial payments in 终本 cases."""

from __future__ import annotations

from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import Planted, terminated


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _zk01(f, i)
        _zk02(f, i)


def _paid_case(f: Factory, i: int) -> Planted:
    return terminated(f, 640 + 3 * i, 300, paid=20_000.0)


def _set_payment(p: Planted, **cols: object) -> None:
    p.bundle.edit("payments", lambda rows: [{**r, **cols} for r in rows])


def _zk01(f: Factory, i: int) -> None:
    p = _paid_case(f, i)
    received = p.bundle.rows("payments")[0]["received_on"]
    if i % 2 == 0:
        _set_payment(p, paid_out_on=received + 31 + i % 20)
    else:
        _set_payment(p, paid_out_on=None)
    p.commit()
    f.world.plant("ZK-01", p.case_no, None)
    q = _paid_case(f, i)
    received = q.bundle.rows("payments")[0]["received_on"]
    if i % 2 == 0:
        _set_payment(q, paid_out_on=received + 30)
        what = "paid out on the 30th day"
    else:
        _set_payment(
            q, paid_out_on=received + 90, delay_reason="申请执行人下落不明，经审批暂缓发放"
        )
        what = "late but with a recorded delay reason"
    q.commit()
    f.world.near_miss("ZK-01", q.case_no, None, what)


def _zk02(f: Factory, i: int) -> None:
    p = _paid_case(f, i)
    other = f.persons(1)
    _set_payment(p, payee_id=str(other["id"][0]), payee_name=str(other["name"][0]))
    p.commit()
    f.world.plant("ZK-02", p.case_no, None)
    q = _paid_case(f, i)
    second = f.as_parties(f.persons(1))
    q.bundle.add_rows(
        "parties",
        [
            {
                "case_no": q.case_no,
                "role": "申请执行人",
                "name": str(second["name"][0]),
                "id_no": str(second["id"][0]),
                "party_type": "自然人",
                "phone": str(second["phone"][0]),
                "address": str(second["address"][0]),
            }
        ],
    )
    _set_payment(q, payee_id=str(second["id"][0]), payee_name=str(second["name"][0]))
    q.commit()
    f.world.near_miss("ZK-02", q.case_no, None, "paid to the second applicant")
