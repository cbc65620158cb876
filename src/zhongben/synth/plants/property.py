"""C. 带财终本 (DC-01 … DC-06). DC-05 plants also make XJ-02 leads (a DC-05 transfer)."""

from __future__ import annotations

import numpy as np

from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import (
    TERMINATED,
    Day,
    Planted,
    company_debtor,
    estate_row,
    make_case,
    relative,
    seize,
    terminated,
    vehicle_row,
)


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _dc01(f, i)
        _dc02(f, i)
        _dc03(f, i)
        _dc04(f, i)
        _dc05(f, i)
        _dc06(f, i)


def _own(
    f: Factory, p: Planted, vehicle: bool, since: np.datetime64, until: np.datetime64 | None = None
) -> dict[str, object]:
    if vehicle:
        row = vehicle_row(f, p.debtor_id, p.debtor_name, since, until)
        f.world.add_rows("vehicles", [row])
    else:
        row = estate_row(f, p.debtor_id, p.debtor_name, since, until)
        f.world.add_rows("real_estate", [row])
    return row


def _next_owner(
    f: Factory, row: dict[str, object], vehicle: bool, owner_id: str, name: str, day: np.datetime64
) -> None:
    if vehicle:
        f.world.add_rows(
            "vehicles",
            [
                {
                    **row,
                    "owner_id": owner_id,
                    "owner_name": name,
                    "registered_on": day,
                    "transferred_on": None,
                }
            ],
        )
    else:
        f.world.add_rows(
            "real_estate",
            [
                {
                    **row,
                    "owner_id": owner_id,
                    "owner_name": name,
                    "acquired_on": day,
                    "disposed_on": None,
                }
            ],
        )


def _stranger(f: Factory) -> tuple[str, str]:
    s = f.persons(1)
    return str(s["id"][0]), str(s["name"][0])


def _dc01(f: Factory, i: int) -> None:
    vehicle = i % 2 == 0
    p = terminated(f, 700 + 5 * i, 300)
    _own(f, p, vehicle, p.filed - 800)
    p.commit()
    f.world.plant("DC-01", p.case_no, p.debtor_id)
    q = terminated(f, 700 + 5 * i, 300)
    row = _own(f, q, vehicle, q.filed - 800, q.closed - 1)
    _next_owner(f, row, vehicle, *_stranger(f), q.closed - 1)
    q.commit()
    f.world.near_miss("DC-01", q.case_no, q.debtor_id, "sold the day before 终本")


def _dc02(f: Factory, i: int) -> None:
    for true in (True, False):
        p = terminated(f, 520 + 3 * i, 220)
        row = _own(f, p, True, p.filed - 600)
        plate = str(row["plate"])
        seize(p, "查封", p.filed + 30, "车辆", plate, 24, amount=120_000)
        p.act(
            "评估",
            p.filed + 50,
            target_type="车辆",
            target_id=plate,
            result="车辆未能实际控制，无法评估",
            amount=120_000,
        )
        p.commit()
        count = 3 + i % 4 if true else 2
        since = np.array([p.closed + 1], dtype="datetime64[D]")
        _exact_sightings(f, plate, since[0], count)
        if true:
            f.world.plant("DC-02", p.case_no, None)
        else:
            f.world.near_miss("DC-02", p.case_no, None, "only two sightings after 终本")


def _exact_sightings(f: Factory, plate: str, since: np.datetime64, count: int) -> None:
    span = int((f.as_of - since).astype(int))
    rows = [
        {
            "plate": plate,
            "seen_at": (since + (k + 1) * span // (count + 1)).astype("datetime64[s]")
            + 8 * 3600
            + 60 * k,
            "location": "104国道三界卡口",
        }
        for k in range(count)
    ]
    f.world.add_rows("vehicle_sightings", rows)


def _dc03(f: Factory, i: int) -> None:
    for true in (True, False):
        p = make_case(f, None, f.day(-120 - i), None)
        row = _own(f, p, False, p.filed - 2000)
        seized = f.day(-95 + i)
        seize(p, "查封", seized, "不动产", str(row["unit_no"]), 36, amount=1_200_000)
        if not true:
            p.act(
                "评估",
                seized + 30,
                target_type="不动产",
                target_id=str(row["unit_no"]),
                amount=1_200_000,
                result="已委托评估",
            )
        p.commit()
        if true:
            f.world.plant("DC-03", p.case_no, None)
        else:
            f.world.near_miss("DC-03", p.case_no, None, "评估 on the 30th day after 查封")
            _dc03_queued(f, p, row, seized)


def _dc03_queued(f: Factory, first: Planted, row: dict[str, object], seized: Day) -> None:
    """A second open case against the same debtor holds a 轮候 seizure of the unit the first case
    seized (and had evaluated in time) and never has it evaluated: the first-seizing court
    disposes, so DC-03 (v2) does not speak about the queued case."""
    queued = make_case(f, None, first.filed + 10, None, debtor=first.spec.debtor)
    seize(queued, "查封", seized + 5, "不动产", str(row["unit_no"]), 36, amount=1_200_000,
          rank="轮候")
    queued.commit()
    f.world.near_miss("DC-03", queued.case_no, None, "轮候 seizure: the 首封 court disposes")


def _dc04(f: Factory, i: int) -> None:
    variant = i % 3
    for true in (True, False):
        debtor, comp = company_debtor(f)
        p = terminated(f, 760 + 4 * i, 320, debtor=debtor)
        p.commit()
        if variant == 0:
            _company_staff(
                f, p, str(comp["uscc"][0]), str(comp["name"][0]), 3 + i % 3 if true else 2
            )
        else:
            founded = p.closed + 40 if true else p.closed - 1
            f.companies(
                1,
                legal_reps=None
                if variant == 1
                else {"id": comp["legal_rep_id"], "name": comp["legal_rep_name"]},
                address=comp["address"] if variant == 1 else None,
                founded_lo=str(founded),
                founded_hi=str(founded),
            )
        if true:
            f.world.plant("DC-04", p.case_no, p.debtor_id)
        else:
            f.world.near_miss(
                "DC-04",
                p.case_no,
                p.debtor_id,
                (
                    "two months of contributions",
                    "same-address company set up before 终本",
                    "same-representative company set up before 终本",
                )[variant],
            )


def _company_staff(f: Factory, p: Planted, uscc: str, name: str, months: int) -> None:
    staff = f.persons(1)
    first = p.closed.astype("datetime64[M]") + 1
    f.world.add_rows(
        "social_insurance",
        [
            {
                "person_id": str(staff["id"][0]),
                "employer_uscc": uscc,
                "employer_name": name,
                "month": str(first + k),
                "base": 4200,
            }
            for k in range(months)
        ],
    )


def _dc05(f: Factory, i: int) -> None:
    vehicle = i % 2 == 1
    relation = ("父母", "兄弟姐妹", "子女")[i % 3]
    for variant in ("true", "before_suit", "stranger"):
        filed = f.day(-640 - 3 * i)
        p = make_case(f, TERMINATED, filed, filed + 280, sued=filed - 200)
        day = p.sued - 1 if variant == "before_suit" else p.sued + 30 + i
        row = _own(f, p, vehicle, p.sued - 1500, day)
        if variant == "stranger":
            owner_id, owner_name = _stranger(f)
        else:
            rel = relative(f, p.debtor_id, relation)
            owner_id, owner_name = str(rel["id"][0]), str(rel["name"][0])
        _next_owner(f, row, vehicle, owner_id, owner_name, day)
        p.commit()
        if variant == "true":
            f.world.plant("DC-05", p.case_no, p.debtor_id)
            f.world.plant("XJ-02", None, p.debtor_id)
        else:
            f.world.near_miss(
                "DC-05",
                p.case_no,
                p.debtor_id,
                "transferred the day before the lawsuit"
                if variant == "before_suit"
                else "transferred to an unrelated buyer",
            )
            f.world.near_miss("XJ-02", None, p.debtor_id, "no DC-05 transfer: no 拒执 signal")


def _dc06(f: Factory, i: int) -> None:
    vehicle = i % 2 == 0
    for true in (True, False):
        p = terminated(f, 700 + 4 * i, 300)
        married = p.filed - 3000
        spouse = relative(f, p.debtor_id, "配偶", since=married)
        sid, sname = str(spouse["id"][0]), str(spouse["name"][0])
        acquired = married + 600 if true else married - 100
        if vehicle:
            f.world.add_rows("vehicles", [vehicle_row(f, sid, sname, acquired)])
        else:
            f.world.add_rows("real_estate", [estate_row(f, sid, sname, acquired)])
        p.commit()
        if true:
            f.world.plant("DC-06", p.case_no, p.debtor_id)
        else:
            f.world.near_miss("DC-06", p.case_no, p.debtor_id, "spouse bought it before marriage")
