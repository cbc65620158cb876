"""B. 财产调查充分性 (CC-01 … CC-03)."""

from __future__ import annotations

from zhongben.synth import assets
from zhongben.synth.factory import Factory
from zhongben.synth.plants.base import Planted, terminated

CORE = ("存款", "车辆", "不动产", "证券")


def plant(f: Factory) -> None:
    for i in range(f.config.plants_per_rule):
        _cc01(f, i)
        _cc02(f, i)
        _cc03(f, i)


def _move_search(p: Planted, category: str, day: object) -> None:
    def move(rows: list[dict[str, object]]) -> list[dict[str, object]]:
        return [
            {**r, "acted_on": day}
            if r["action"] == "网络查控" and r["target_type"] == category
            else r
            for r in rows
        ]

    p.bundle.edit("actions", move)


def _cc01(f: Factory, i: int) -> None:
    category = CORE[i % 4]
    p = terminated(f, 640 + 4 * i, 270)
    if i % 2 == 0:
        p.drop_actions("网络查控", category)
    else:
        _move_search(p, category, p.closed + 1 + i % 9)
    p.commit()
    f.world.plant("CC-01", p.case_no, p.debtor_id)
    q = terminated(f, 640 + 4 * i, 270)
    _move_search(q, category, q.closed)
    q.commit()
    f.world.near_miss("CC-01", q.case_no, q.debtor_id, f"{category} searched on the closing day")


def _cc02(f: Factory, i: int) -> None:
    urgent = i % 2 == 1
    limit = 3 if urgent else 7
    text = "紧急：申请人称被执行人即将转移车辆" if urgent else "申请人提供被执行人经营场所地址"
    for late in (True, False):
        p = terminated(f, 660 + 4 * i, 280)
        lead_day = p.filed + 40
        p.act("申请人提供财产线索", lead_day, result=text)
        if late and i % 3 == 2:
            pass  # never checked
        else:
            p.act(
                "核查财产线索",
                lead_day + limit + (1 + i % 5 if late else 0),
                result="经核查未发现可供执行财产",
            )
        p.commit()
        if late:
            f.world.plant("CC-02", p.case_no, None)
        else:
            f.world.near_miss("CC-02", p.case_no, None, f"clue checked on day {limit}")


def _cc03(f: Factory, i: int) -> None:
    kind = ("保险", "股权", "公积金")[i % 3]
    for true in (True, False):
        p = terminated(f, 680 + 4 * i, 300)
        p.drop_actions("网络查控", kind)
        _holding(f, p, kind, true)
        p.commit()
        if true:
            f.world.plant("CC-03", p.case_no, p.debtor_id)
        else:
            f.world.near_miss("CC-03", p.case_no, p.debtor_id, f"{kind}: not held on closing day")


def _holding(f: Factory, p: Planted, kind: str, true: bool) -> None:
    world, debtor, name = f.world, p.debtor_id, p.debtor_name
    if kind == "保险":
        serial = f.serials.take("policy", 1)
        world.add_rows(
            "insurance_policies",
            [
                {
                    "policy_no": str(assets.policy_nos(serial)[0]),
                    "holder_id": debtor,
                    "holder_name": name,
                    "insurer": assets.INSURERS[1],
                    "product_type": "分红型" if true else "意外",
                    "premium": 12000 if true else 300,
                    "cash_value": 46800.0 if true else 0.0,
                    "start_on": p.filed - 900,
                }
            ],
        )
    elif kind == "股权":
        comp = f.companies(1)
        world.add_rows(
            "shareholdings",
            [
                {
                    "company_uscc": str(comp["uscc"][0]),
                    "holder_name": name,
                    "holder_id": debtor,
                    "subscribed": 300000,
                    "ratio": 0.3,
                    "from_on": p.filed - 1200,
                    "to_on": None if true else p.closed,
                }
            ],
        )
    else:
        world.add_rows(
            "housing_fund",
            [
                {
                    "person_id": debtor,
                    "balance": 38650.0,
                    "as_of": p.closed - 20 if true else p.closed + 1,
                    "employer_name": "嵊州市某纺织有限公司",
                }
            ],
        )
