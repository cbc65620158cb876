"""K. 资金流水 (FL-01 … FL-06): debtors who report no property move money through relatives',
employees' and shell accounts. Each plant writes the statements the procuratorate would obtain
(a transfer between two obtained accounts appears on both statements; an account never obtained
appears only as a counterparty) and a near-miss one fact away from its rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from zhongben.synth import assets
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame, Row
from zhongben.synth.plants.base import Planted, account_of, company_debtor, relative, terminated

Day = np.datetime64
RELATIONS = ("配偶", "子女", "兄弟姐妹", "父母")
INSURERS = ("中国平安人寿保险股份有限公司绍兴中心支公司", "中国人寿保险股份有限公司嵊州市支公司")
DEALERS = ("绍兴恒信汽车销售服务有限公司", "嵊州市众诚汽车贸易有限公司")


@dataclass
class Ledger:
    """Statement rows of the accounts whose statements were obtained."""

    f: Factory
    obtained: dict[str, str] = field(default_factory=dict)  # account → holder name
    rows: list[Row] = field(default_factory=list)

    def open(self, holder_id: str, name: str) -> str:
        account = account_of(self.f, holder_id, name)
        self.obtained[account] = name
        return account

    def loose(self) -> str:
        """An account number that appears only as a counterparty (statement never obtained)."""
        serial = self.f.serials.take("account", 1)
        return str(assets.accounts(serial, np.array([1]))[0])

    def move(
        self,
        src: str | None,
        dst: str | None,
        at: np.datetime64,
        amount: float,
        summary: str = "转账",
        names: tuple[str | None, str | None] = (None, None),
    ) -> None:
        src_name = self.obtained.get(src or "", names[0])
        dst_name = self.obtained.get(dst or "", names[1])
        if src in self.obtained:
            self.rows.append(_row(src, at, amount, "out", dst, dst_name, summary))
        if dst in self.obtained:
            self.rows.append(
                _row(dst, at + np.timedelta64(3, "s"), amount, "in", src, src_name, summary)
            )

    def commit(self) -> None:
        self.f.world.add_rows("transactions", self.rows)
        self.rows = []


def _row(
    account: str,
    at: np.datetime64,
    amount: float,
    direction: str,
    other: str | None,
    other_name: str | None,
    summary: str,
) -> Row:
    return {
        "account_no": account,
        "txn_at": at,
        "amount": round(float(amount), 2),
        "direction": direction,
        "counterparty_account": other,
        "counterparty_name": other_name,
        "summary": summary,
        "channel": "网银" if other else "柜面",
    }


def at(day: np.datetime64, hours: float = 10) -> np.datetime64:
    return day.astype("datetime64[s]") + np.timedelta64(int(hours * 3600), "s")


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        for true in (True, False):
            _fl01(f, i, true)
            _fl02(f, i, true)
            _fl03(f, i, true)
            _fl04(f, i, true)
            _fl05(f, i, true)
            _fl06(f, i, true)


def _record(f: Factory, rule: str, p_debtor: str, true: bool, what: str) -> None:
    if true:
        f.world.plant(rule, None, p_debtor)
    else:
        f.world.near_miss(rule, None, p_debtor, what)


def _person_case(f: Factory, i: int, base: int) -> tuple[Planted, Ledger, str]:
    p = terminated(f, base + 7 * i, 240 + 5 * (i % 7))
    p.commit()
    ledger = Ledger(f)
    return p, ledger, ledger.open(p.debtor_id, p.debtor_name)


def _relative_account(f: Factory, p: Planted, ledger: Ledger, i: int) -> tuple[Frame, str]:
    rel = relative(f, p.debtor_id, RELATIONS[i % len(RELATIONS)], p.filed - 4000)
    return rel, ledger.open(str(rel["id"][0]), str(rel["name"][0]))


def _fl01(f: Factory, i: int, true: bool) -> None:
    """Income diverted: whoever paid the debtor pays a relative's account after filing."""
    p, ledger, own = _person_case(f, i, 640)
    _, rel_account = _relative_account(f, p, ledger, i)
    payer, payer_name = ledger.loose(), str(f.pop.companies(1)["name"][0])
    wage = 6000.0 + 500 * (i % 6)
    for months in (5, 4, 3, 2):
        ledger.move(payer, own, at(p.filed - 30 * months), wage, "工资", (payer_name, None))
    if true:
        days, target = (15, 45, 75), rel_account
    elif i % 2 == 0:
        days, target = (15, 45, 75), own  # salary still paid to the debtor
    else:
        days, target = (15, 75, 170), rel_account  # never three within 90 days
    for d in days:
        ledger.move(payer, target, at(p.filed + d), wage, "代发工资", (payer_name, None))
    ledger.commit()
    _record(
        f,
        "FL-01",
        p.debtor_id,
        true,
        "salary still paid into the debtor's own account"
        if i % 2 == 0
        else "only two payments to the relative within 90 days",
    )


def _fl02(f: Factory, i: int, true: bool) -> None:
    """A relative's account that receives ≥ 50,000 and passes ≥ 90 % on within 48 hours."""
    p, ledger, _own = _person_case(f, i, 660)
    _, relay = _relative_account(f, p, ledger, i)
    sender, receiver = ledger.loose(), ledger.loose()
    names = (str(f.pop.companies(1)["name"][0]), str(f.persons(1)["name"][0]))
    for k in range(3):
        amount = 60_000.0 + 15_000 * ((i + k) % 4)
        day = p.filed + 20 + 35 * k
        ledger.move(sender, relay, at(day), amount, "货款", (names[0], None))
        share, hours = 0.95, 20.0
        if not true:
            share, hours = (0.6, 20.0) if i % 2 == 0 else (0.95, 60.0)
        ledger.move(relay, receiver, at(day, 10 + hours), amount * share, "转账", (None, names[1]))
    ledger.commit()
    _record(
        f,
        "FL-02",
        p.debtor_id,
        true,
        "passes on only 60 %" if i % 2 == 0 else "passes on after 60 hours",
    )


def _fl03(f: Factory, i: int, true: bool) -> None:
    """Money leaves through strangers' accounts and lands with a relative (or their company)."""
    p, ledger, own = _person_case(f, i, 680)
    rel, rel_account = _relative_account(f, p, ledger, i)
    stranger = f.persons(1)
    middle = ledger.open(str(stranger["id"][0]), str(stranger["name"][0]))
    big = 100_000.0 if not true and i % 2 == 1 else 150_000.0 + 10_000 * (i % 5)
    scale = 0.9 if not true and i % 2 == 1 else 1.0  # near-miss: 90,000-ish hops
    gap = 40 if not true and i % 2 == 0 else 12  # near-miss: the next hop 40 days later
    start = p.filed - 90
    if i % 2 == 0:
        ledger.move(own, middle, at(start), big * scale)
        ledger.move(middle, rel_account, at(start + gap), (big - 5_000) * scale)
    else:
        company = f.companies(1, legal_reps=rel)
        target = ledger.open(str(company["uscc"][0]), str(company["name"][0]))
        hidden = ledger.loose()
        ledger.move(own, hidden, at(start), big * scale, "转账", (None, "赵某"))
        ledger.move(hidden, middle, at(start + 9), (big - 3_000) * scale, "转账", ("赵某", None))
        ledger.move(middle, target, at(start + 9 + gap), (big - 6_000) * scale, "往来款")
    ledger.commit()
    _record(
        f,
        "FL-03",
        p.debtor_id,
        true,
        "next hop 40 days later" if i % 2 == 0 else "every hop below 100,000",
    )


def _fl04(f: Factory, i: int, true: bool) -> None:
    """Money leaves the debtor company and comes back through companies of its people."""
    debtor, comp = company_debtor(f)
    p = terminated(f, 700 + 7 * i, 260, debtor=debtor)
    p.commit()
    rep: Frame = {"id": comp["legal_rep_id"], "name": comp["legal_rep_name"]}
    sister = f.companies(1, legal_reps=rep)
    spouse = relative(f, str(rep["id"][0]), "配偶", p.filed - 4000)
    spouse_co = f.companies(1, legal_reps=spouse)
    ledger = Ledger(f)
    d = ledger.open(p.debtor_id, p.debtor_name)
    b = ledger.open(str(sister["uscc"][0]), str(sister["name"][0]))
    c = ledger.open(str(spouse_co["uscc"][0]), str(spouse_co["name"][0]))
    amount = 300_000.0 + 50_000 * (i % 4)
    back = 0.5 if not true and i % 2 == 0 else 0.92
    late = 45 if not true and i % 2 == 1 else 0
    start = p.filed + 30
    if i % 2 == 0:
        ledger.move(d, b, at(start), amount, "货款")
        ledger.move(b, c, at(start + 3), amount * 0.97, "货款")
        ledger.move(c, d, at(start + 18 + late), amount * back, "往来款")
    else:
        ledger.move(d, b, at(start), amount, "预付款")
        ledger.move(b, d, at(start + 12 + late), amount * back, "退回预付款")
    ledger.commit()
    _record(
        f,
        "FL-04",
        p.debtor_id,
        true,
        "only 50 % comes back" if i % 2 == 0 else "comes back after 57 days",
    )


def _fl05(f: Factory, i: int, true: bool) -> None:
    """Insurance, a car or shares bought after 终本 by the debtor or a relative."""
    p, ledger, own = _person_case(f, i, 720)
    _, rel_account = _relative_account(f, p, ledger, i)
    after = p.closed + 20 + 3 * i
    if not true and i % 2 == 1:
        after = p.closed - 40  # bought before 终本
    premium = 22_000.0 if not true and i % 2 == 0 else 30_000.0
    insurer, dealer = INSURERS[i % 2], DEALERS[i % 2]
    if i % 3 == 2 and (true or i % 2 == 1):
        ledger.move(own, ledger.loose(), at(after), 60_000, "银证转账", (None, p.debtor_name))
    else:
        ledger.move(own, ledger.loose(), at(after), premium, "保费", (None, insurer))
        ledger.move(rel_account, ledger.loose(), at(after + 25), 23_000, "购车款", (None, dealer))
    ledger.move(own, None, at(after + 2), 3_000, "消费", (None, "浙江物美超市有限公司"))
    ledger.commit()
    _record(
        f,
        "FL-05",
        p.debtor_id,
        true,
        "45,000 in total" if i % 2 == 0 else "bought 40 days before 终本",
    )


def _fl06(f: Factory, i: int, true: bool) -> None:
    """Large transfers to a relative between the lawsuit and 终本."""
    p, ledger, own = _person_case(f, i, 740)
    _, rel_account = _relative_account(f, p, ledger, i)
    first, second = 70_000.0 + 10_000 * (i % 3), 60_000.0
    days = (p.sued - 10, p.filed + 30)
    if not true and i % 2 == 0:
        first, second = 45_000.0, 35_000.0  # 80,000 in total
    elif not true:
        days = (p.sued - 80, p.sued - 45)  # before the window opens
    ledger.move(own, rel_account, at(days[0]), first)
    ledger.move(own, rel_account, at(days[1]), second)
    ledger.commit()
    _record(
        f,
        "FL-06",
        p.debtor_id,
        true,
        "80,000 in total" if i % 2 == 0 else "transferred before the lawsuit",
    )
