"""F. 查封扣押冻结 (CF-01 … CF-03)."""

from __future__ import annotations

from zhongben.synth.cases import PAID
from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import (
    TERMINATED,
    account_of,
    estate_row,
    make_case,
    person_debtor,
    seize,
    vehicle_row,
)


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _cf01(f, i)
        _cf02(f, i)
        _cf03(f, i)


def _cf01(f: Factory, i: int) -> None:
    for true in (True, False):
        p = make_case(f, None, f.day(-110 - i), claim=100_000)
        home = 180_000 if true else 150_000
        car = 60_000 if true else 50_000
        unit = estate_row(f, p.debtor_id, p.debtor_name, p.filed - 3000, value=home)
        plate = vehicle_row(f, p.debtor_id, p.debtor_name, p.filed - 900, value=car)
        f.world.add_rows("real_estate", [unit])
        f.world.add_rows("vehicles", [plate])
        seize(p, "查封", p.filed + 10, "不动产", str(unit["unit_no"]), 36, amount=home)
        seize(p, "查封", p.filed + 12, "车辆", str(plate["plate"]), 24, amount=car)
        p.act(
            "评估",
            p.filed + 30,
            target_type="不动产",
            target_id=str(unit["unit_no"]),
            amount=home,
            result="已委托评估",
        )
        p.act(
            "评估",
            p.filed + 32,
            target_type="车辆",
            target_id=str(plate["plate"]),
            amount=car,
            result="已委托评估",
        )
        p.commit()
        if true:
            f.world.plant("CF-01", p.case_no, None)
        else:
            f.world.near_miss("CF-01", p.case_no, None, "seized exactly twice the unpaid claim")


def _cf02(f: Factory, i: int) -> None:
    for true in (True, False):
        filed = f.day(-420 - 3 * i)
        p = make_case(f, PAID, filed, filed + 90)
        account = account_of(f, p.debtor_id, p.debtor_name)
        seize(p, "冻结", p.filed + 5, "存款", account, 12, amount=float(p.spec.claim[0]))
        if true and i % 2 == 1:
            p.act("解除查封", p.closed + 31 + i % 10, target_type="存款", target_id=account)
        elif not true:
            p.act("解除查封", p.closed + 30, target_type="存款", target_id=account)
        p.commit()
        if true:
            f.world.plant("CF-02", p.case_no, None)
        else:
            f.world.near_miss("CF-02", p.case_no, None, "released on the 30th day")


def _cf03(f: Factory, i: int) -> None:
    for true in (True, False):
        debtor = person_debtor(f)
        first = make_case(f, None, f.day(-150 - i), debtor=debtor)
        unit = estate_row(f, first.debtor_id, first.debtor_name, first.filed - 2500)
        f.world.add_rows("real_estate", [unit])
        unit_no = str(unit["unit_no"])
        seize(first, "查封", f.day(-130 - i), "不动产", unit_no, 36, amount=1_200_000)
        first.act(
            "评估",
            f.day(-112 - i),
            target_type="不动产",
            target_id=unit_no,
            amount=1_200_000,
            result="已委托评估",
        )
        if not true:
            first.act(
                "拍卖",
                f.day(-90 - i),
                target_type="不动产",
                target_id=unit_no,
                result="已发布拍卖公告",
            )
        first.commit()
        later = make_case(f, TERMINATED, f.day(-420 - i), f.day(-80 - i), debtor=debtor)
        seize(later, "查封", f.day(-100 - i), "不动产", unit_no, 36, amount=1_200_000, rank="轮候")
        later.act(
            "评估",
            f.day(-95 - i),
            target_type="不动产",
            target_id=unit_no,
            amount=1_200_000,
            result="首封法院已委托评估",
        )
        later.commit()
        if true:
            f.world.plant("CF-03", later.case_no, None)
        else:
            f.world.near_miss("CF-03", later.case_no, None, "首封 court put it up for auction")
