"""失信还是失能 (will not pay, or cannot pay): the debtor profile's assessment, term by term.

Each term is one fact read from one stored row (its table, file and row), with a weight: positive
where the fact shows means the debtor keeps from the creditor (失信), negative where it shows the
debtor has nothing to pay with (失能). The verdict is the sign of the sum beyond ``THRESHOLD``;
between the two the profile says the evidence does not decide. Nothing here is guessed: a term
is shown only for a record the workspace holds (or, for an empty registry, for its absence)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zhongben.graph.late_assets import LateAsset
from zhongben.graph.timeline import Event

THRESHOLD = 2
RESTRICTED_SEATS = ("头等舱", "公务舱", "商务座", "一等座", "特等座", "软卧")
ACQUIRED = ("车辆登记", "不动产登记", "持股")
DISPOSED = ("车辆转出", "不动产处分")
VERDICTS = {1: "失信：有履行能力而拒不履行", -1: "失能：确无财产可供执行",
            0: "证据不足以判断，需进一步核实"}


@dataclass(frozen=True)
class Term:
    fact: str
    weight: int
    table: str | None
    file: str | None
    row: int | None


@dataclass(frozen=True)
class Assessment:
    terms: list[Term]
    debt_on: dt.date | None

    @property
    def score(self) -> int:
        return sum(t.weight for t in self.terms)

    @property
    def verdict(self) -> str:
        side = 1 if self.score >= THRESHOLD else -1 if self.score <= -THRESHOLD else 0
        return VERDICTS[side]


def _term(event: Event, fact: str, weight: int) -> Term:
    return Term(f"{event.on:%Y年%-m月%-d日} {fact}", weight, event.table, event.file, event.row)


def _restricted_travel(events: list[Event]) -> list[Term]:
    starts = [e.on for e in events if e.kind == "限制"]
    if not starts:
        return []
    first = min(starts)
    return [_term(e, f"被限制消费后出行：{e.text}", 3) for e in events
            if e.kind == "出行" and e.on >= first
            and (e.text.startswith("航班") or any(s in e.text for s in RESTRICTED_SEATS))]


def _after_debt(events: list[Event], debt_on: dt.date) -> list[Term]:
    terms = []
    for e in events:
        if e.on <= debt_on or e.kind != "登记":
            continue
        if e.text.startswith(ACQUIRED):
            terms.append(_term(e, f"债务形成后本人取得财产：{e.text}", 2))
        elif e.text.startswith(DISPOSED):
            terms.append(_term(e, f"债务形成后本人处分财产：{e.text}", 2))
    return terms


def _circle(assets: list[LateAsset]) -> list[Term]:
    return [Term(f"{a.acquired_on:%Y年%-m月%-d日} 债务形成后{a.link}取得{a.kind}：{a.item}", 2,
                 a.table, a.file, a.row) for a in assets]


def _cannot_pay(events: list[Event], assets: list[LateAsset]) -> list[Term]:
    terms = [_term(e, f"有履行记录：{e.text}", -1) for e in events if e.kind == "执行款"]
    held = [e for e in events if e.kind == "登记" and e.text.startswith(ACQUIRED)]
    if not held and not assets:
        terms.append(Term("车辆、不动产、股权登记中未见本人及亲属、控制企业名下财产", -2,
                          None, None, None))
    return terms


def assess(events: list[Event], assets: list[LateAsset], debt_on: dt.date | None) -> Assessment:
    """The assessment of one debtor from its timeline and its circle's late assets."""
    terms = _restricted_travel(events) + _circle(assets) + _cannot_pay(events, assets)
    if debt_on is not None:
        terms = _after_debt(events, debt_on) + terms
    return Assessment(terms, debt_on)
