"""G. 拍卖变卖 (PM-01 … PM-03): real estate sold in 执行完毕 cases. The registry transfer to the
buyer is recorded after the case closed, as in practice, so DC-05 does not fire on the sale."""

from __future__ import annotations

from dataclasses import dataclass

from zhongben.synth.cases import PAID
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame
from zhongben.synth.plants.base import Planted, estate_row, make_case, relative, seize

REF = 1_000_000


@dataclass
class Sale:
    first_ratio: float = 0.8  # 一拍 start / reference
    second_ratio: float | None = None  # 二拍 start / 一拍 start (None: sold in 一拍)
    sell_off: float | None = None  # 变卖 deal / reference (after 二拍 failed)
    buyer: tuple[str, str] | None = None


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _pm01(f, i)
        _pm02(f, i)
        _pm03(f, i)


def _sell(f: Factory, i: int, sale: Sale, debtor: Frame | None = None) -> Planted:
    filed = f.day(-560 - 5 * i)
    p = make_case(f, PAID, filed, filed + 200, claim=600_000, debtor=debtor)
    unit = estate_row(f, p.debtor_id, p.debtor_name, filed - 3000, p.closed + 12, value=REF)
    f.world.add_rows("real_estate", [unit])
    item = str(unit["unit_no"])
    seize(p, "查封", filed + 8, "不动产", item, 36, amount=REF)
    p.act("评估", filed + 25, target_type="不动产", target_id=item, amount=REF, result="评估完成")
    p.act("拍卖", filed + 40, target_type="不动产", target_id=item, result="网络司法拍卖")
    p.act("解除查封", p.closed + 5, target_type="不动产", target_id=item)
    buyer_id, buyer_name = sale.buyer or _someone(f)
    rounds = _rounds(sale, filed)
    rows = []
    for k, (name, start, deal) in enumerate(rounds):
        last = k == len(rounds) - 1
        announced = filed + 40 + 45 * k
        rows.append(
            {
                "case_no": p.case_no,
                "item_id": item,
                "item_type": "住宅",
                "reference_price": REF,
                "round": name,
                "channel": "网络",
                "announced_on": announced,
                "start_price": start,
                "deal_price": deal if last else None,
                "started_on": announced + 30,
                "ended_on": announced + 31,
                "status": "成交" if last else "流拍",
                "buyer_id": buyer_id if last else None,
            }
        )
    p.bundle.add_rows("auctions", rows)
    f.world.add_rows(
        "real_estate",
        [
            {
                **unit,
                "owner_id": buyer_id,
                "owner_name": buyer_name,
                "acquired_on": p.closed + 12,
                "disposed_on": None,
            }
        ],
    )
    return p


def _rounds(sale: Sale, filed: object) -> list[tuple[str, float | None, float]]:
    first = round(REF * sale.first_ratio)
    if sale.second_ratio is None and sale.sell_off is None:
        return [("一拍", first, first + 20_000)]
    second = round(first * (sale.second_ratio or 0.85))
    if sale.sell_off is None:
        return [("一拍", first, 0), ("二拍", second, second + 10_000)]
    return [("一拍", first, 0), ("二拍", second, 0), ("变卖", None, round(REF * sale.sell_off))]


def _someone(f: Factory) -> tuple[str, str]:
    s = f.persons(1)
    return str(s["id"][0]), str(s["name"][0])


def _pm01(f: Factory, i: int) -> None:
    second = i % 2 == 1
    p = _sell(f, i, Sale(0.8, 0.75) if second else Sale(0.65))
    p.commit()
    f.world.plant("PM-01", p.case_no, None)
    q = _sell(f, i, Sale(0.8, 0.8) if second else Sale(0.7))
    q.commit()
    f.world.near_miss("PM-01", q.case_no, None, "exactly 80% of 一拍" if second else "exactly 70%")


def _pm02(f: Factory, i: int) -> None:
    p = _sell(f, i, Sale(0.8, 0.85, sell_off=0.45))
    p.commit()
    f.world.plant("PM-02", p.case_no, None)
    q = _sell(f, i, Sale(0.8, 0.85, sell_off=0.5))
    q.commit()
    f.world.near_miss("PM-02", q.case_no, None, "变卖 at exactly half the reference price")


def _pm03(f: Factory, i: int) -> None:
    debtor = f.as_parties(f.persons(1))
    did = str(debtor["id"][0])
    if i % 2 == 0:
        sibling = relative(f, did, "兄弟姐妹")
        comp = f.companies(1)
        f.world.add_rows(
            "shareholdings",
            [
                {
                    "company_uscc": str(comp["uscc"][0]),
                    "holder_name": str(sibling["name"][0]),
                    "holder_id": str(sibling["id"][0]),
                    "subscribed": 500_000,
                    "ratio": 0.5,
                    "from_on": f.day(-3000),
                }
            ],
        )
        buyer = (str(comp["uscc"][0]), str(comp["name"][0]))
    else:
        spouse = relative(f, did, "配偶", since=f.day(-5000))
        buyer = (str(spouse["id"][0]), str(spouse["name"][0]))
    p = _sell(f, i, Sale(buyer=buyer), debtor=debtor)
    p.commit()
    f.world.plant("PM-03", p.case_no, buyer[0])
    debtor2 = f.as_parties(f.persons(1))
    look_alike = f.persons(1)
    name = str(debtor2["name"][0])[0] + str(look_alike["name"][0])[1:]
    q = _sell(f, i, Sale(buyer=(str(look_alike["id"][0]), name)), debtor=debtor2)
    q.commit()
    f.world.near_miss(
        "PM-03",
        q.case_no,
        str(look_alike["id"][0]),
        "buyer shares the debtor's surname, no registered relation",
    )
