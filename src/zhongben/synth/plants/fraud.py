"""J. 虚假诉讼、拒执与串并 (XJ-01, XJ-03, XJ-04; XJ-02 is planted with DC-05 and XG-01)."""

from __future__ import annotations

import numpy as np

from zhongben.synth.cases import PAID, TERMINATED
from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import Planted, make_case, person_debtor, terminated

LOAN = "民间借贷纠纷"
PLANTED_CLOSURES = 36  # a judge with 34 终本 out of 36 closures
NEAR_CLOSURES = 29  # below min_cases=30


def plant(f: Factory) -> None:
    n = f.config.plants_per_rule
    for i in range(n):
        _xj01(f, i)
        _xj03(f, i)
    # a judge's plant is 29–36 cases: a third as many in small worlds (they would tilt the court's
    # 终本 share), all of them from 30 plants a rule up (the city world's ≥ 30 per rule)
    for i in range(n if n >= 30 else max(1, n // 3) if n else 0):
        _xj04(f, i)


def _xj01(f: Factory, i: int) -> None:
    for variant in ("true", "slow", "apart"):
        filed = f.day(-700 - 4 * i)
        p = make_case(f, TERMINATED, filed, filed + 300, cause=LOAN, sued=filed - 150)
        _mediated_fast(p)
        gap = 61 if variant == "apart" else 20 + i % 30
        took = 31 if variant == "slow" else 15
        _second_loan_suit(f, p, p.sued + gap, took)
        p.commit()
        if variant == "true":
            f.world.plant("XJ-01", None, p.debtor_id)
        else:
            f.world.near_miss(
                "XJ-01",
                None,
                p.debtor_id,
                "second suit mediated on day 31"
                if variant == "slow"
                else "second suit filed 61 days later",
            )


def _mediated_fast(p: Planted) -> None:
    """The judgment enforced came from a 调解 twelve days after filing."""
    rows = p.bundle.rows("lawsuits")
    p.bundle.set_rows(
        "lawsuits", [{**r, "close_method": "调解", "closed_on": p.sued + 12} for r in rows]
    )


def _second_loan_suit(f: Factory, p: Planted, filed: np.datetime64, took: int) -> None:
    lender = f.persons(1)
    case_no = f.numbers.one(str(p.spec.court_code[0]), filed, "民初")
    f.world.add_rows(
        "lawsuits",
        [
            {
                "case_no": case_no,
                "cause": LOAN,
                "plaintiff_name": str(lender["name"][0]),
                "plaintiff_id": str(lender["id"][0]),
                "defendant_name": p.debtor_name,
                "defendant_id": p.debtor_id,
                "filed_on": filed,
                "closed_on": filed + took,
                "close_method": "调解",
                "amount": 200_000,
            }
        ],
    )


def _xj03(f: Factory, i: int) -> None:
    for true in (True, False):
        debtor = person_debtor(f)
        y = terminated(f, 800 + 3 * i, 300, debtor=debtor)
        y.commit()
        if true:
            z = make_case(f, PAID, y.closed - 100, y.closed + 40 + i, debtor=debtor)
        else:
            z = make_case(f, PAID, y.closed - 100, y.closed - 1, debtor=debtor)
        z.commit()
        if true:
            f.world.plant("XJ-03", y.case_no, None)
        else:
            f.world.near_miss("XJ-03", y.case_no, None, "the other case was paid the day before")


def _xj04(f: Factory, i: int) -> None:
    for true in (True, False):
        name = _fresh_judge(f)
        total = PLANTED_CLOSURES if true else NEAR_CLOSURES
        for k in range(total):
            closed = f.day(-40 - 7 * k - i)
            method = PAID if k < 2 else TERMINATED
            filed = closed - (150 if method == PAID else 200)
            p = make_case(f, method, filed, closed, judge=np.array([name], dtype=object))
            p.commit()
        if true:
            f.world.plant("XJ-04", None, name)
        else:
            f.world.near_miss("XJ-04", None, name, "29 closures (below 30)")


def _fresh_judge(f: Factory) -> str:
    while True:
        name = str(f.persons(1)["name"][0])
        if len(name) == 3 and name not in f.planted_judges:
            f.planted_judges.add(name)
            return name
