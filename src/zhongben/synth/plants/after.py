"""D. 终本后动态 (HF-01 … HF-04)."""

from __future__ import annotations

import numpy as np

from zhongben.synth.cases import CaseSpec
from zhongben.synth.dates import add_months
from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import (
    Planted,
    account_of,
    make_case,
    seize,
    terminated,
    vehicle_row,
)

CHECK = "终本后财产查询"


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _hf01(f, i)
        _hf02(f, i)
        _hf03(f, i)
        _hf04(f, i)


def _checks_from(p: Planted, first: np.datetime64, until: np.datetime64) -> None:
    p.drop_actions(CHECK)
    k = 0
    while True:
        day = add_months(np.array([first]), 6 * k)[0]
        if day > until:
            return
        p.act(CHECK, day, result="无财产")
        k += 1


def _hf01(f: Factory, i: int) -> None:
    p = terminated(f, 1000 + 9 * i, 300)
    six = add_months(np.array([p.closed]), 6)[0]
    if i % 2 == 0:  # one check skipped: a twelve-month gap
        _checks_from(p, six, f.as_of)
        p.bundle.edit(
            "actions",
            lambda rows: [
                r
                for r in rows
                if not (r["action"] == CHECK and r["acted_on"] == add_months(np.array([six]), 6)[0])
            ],
        )
    else:  # checks stopped after the first year
        _checks_from(p, six, add_months(np.array([six]), 6)[0])
    p.commit()
    f.world.plant("HF-01", p.case_no, None)
    q = terminated(f, 1000 + 9 * i, 300)
    _checks_from(q, add_months(np.array([q.closed]), 6)[0] + 30, f.as_of)
    q.commit()
    f.world.near_miss("HF-01", q.case_no, None, "first check exactly 6 months + 30 days after")


def _hf02(f: Factory, i: int) -> None:
    for true in (True, False):
        p = terminated(f, 760 + 3 * i, 300)
        p.commit()
        bought = f.day(-70 - 11 * i)
        f.world.add_rows("vehicles", [vehicle_row(f, p.debtor_id, p.debtor_name, bought)])
        if true:
            f.world.plant("HF-02", p.case_no, p.debtor_id)
        else:
            _resume(f, p, bought + 30)
            f.world.near_miss("HF-02", p.case_no, p.debtor_id, "执恢 filed on the 30th day")


def _resume(f: Factory, p: Planted, filed: np.datetime64) -> None:
    """An open 执恢 case resuming ``p`` (same parties, same judgment)."""
    spec = p.spec
    case_no = f.numbers.one(str(spec.court_code[0]), filed, "执恢")
    resumed = CaseSpec(
        court=spec.court,
        court_code=spec.court_code,
        cause=spec.cause,
        filed_on=np.array([filed], dtype="datetime64[D]"),
        closed_on=np.array([np.datetime64("NaT")], dtype="datetime64[D]"),
        method=np.array([None], dtype=object),
        claim=spec.claim,
        paid=np.zeros(1),
        applicant=spec.applicant,
        debtor=spec.debtor,
        case_no=np.array([case_no], dtype=object),
        basis_no=spec.basis_no,
        dishonest=np.zeros(1, dtype=bool),
        original_case_no=spec.case_no,
        with_lawsuit=False,
    )
    Planted(f, resumed, f.build(resumed)).commit()


def _hf03(f: Factory, i: int) -> None:
    for true in (True, False):
        p = terminated(f, 500 + 2 * i, 300)
        account = account_of(f, p.debtor_id, p.debtor_name)
        frozen = p.filed + 20
        seize(p, "冻结", frozen, "存款", account, 12, amount=3_260.5)
        expiry = add_months(np.array([frozen]), 12)[0]
        if not true:
            seize(p, "续行查封", expiry, "存款", account, 12, amount=3_260.5)
        p.commit()
        if true:
            f.world.plant("HF-03", p.case_no, None)
        else:
            f.world.near_miss("HF-03", p.case_no, None, "续冻 on the expiry day")


def _hf04(f: Factory, i: int) -> None:
    for true in (True, False):
        p = terminated(f, 760 + 3 * i, 300)
        p.commit()
        months = 6 + i % 4 if true else (5 if i % 2 == 0 else 6)
        base = 3000 + 500 * (i % 5) if true else (4200 if i % 2 == 0 else 2999)
        employer = f.employers
        pick = i % len(employer["uscc"])
        first = p.closed.astype("datetime64[M]") + 1
        f.world.add_rows(
            "social_insurance",
            [
                {
                    "person_id": p.debtor_id,
                    "employer_uscc": str(employer["uscc"][pick]),
                    "employer_name": str(employer["name"][pick]),
                    "month": str(first + k),
                    "base": base,
                }
                for k in range(months)
            ],
        )
        if true:
            f.world.plant("HF-04", p.case_no, p.debtor_id)
        else:
            f.world.near_miss(
                "HF-04", p.case_no, p.debtor_id, "five months" if i % 2 == 0 else "base 2999"
            )


__all__ = ["make_case", "plant"]
