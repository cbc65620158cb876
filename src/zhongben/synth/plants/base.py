"""Helpers shared by the planters: one clean case at a time, rows to edit, registry rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from zhongben.synth import assets
from zhongben.synth.bundle import Bundle
from zhongben.synth.cases import PAID, TERMINATED, CaseSpec
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame, Row

NAT = np.datetime64("NaT", "D")
Day = np.datetime64


@dataclass
class Planted:
    """One clean case built for a plant, not yet committed."""

    factory: Factory
    spec: CaseSpec
    bundle: Bundle

    @property
    def case_no(self) -> str:
        assert self.spec.case_no is not None
        return str(self.spec.case_no[0])

    @property
    def debtor_id(self) -> str:
        return str(self.spec.debtor["id"][0])

    @property
    def debtor_name(self) -> str:
        return str(self.spec.debtor["name"][0])

    @property
    def filed(self) -> Day:
        return self.spec.filed_on[0]

    @property
    def closed(self) -> Day:
        return self.spec.closed_on[0]

    @property
    def sued(self) -> Day:
        assert self.spec.sued_on is not None
        return self.spec.sued_on[0]

    def actions(self) -> list[Row]:
        return self.bundle.rows("actions")

    def drop_actions(self, action: str, target_type: str | None = None) -> None:
        self.bundle.edit(
            "actions",
            lambda rows: [
                r
                for r in rows
                if not (
                    r["action"] == action
                    and (target_type is None or r["target_type"] == target_type)
                )
            ],
        )

    def act(self, action: str, day: Day, **cols: Any) -> None:
        self.bundle.add_rows(
            "actions", [{"case_no": self.case_no, "action": action, "acted_on": day, **cols}]
        )

    def set_case(self, **cols: Any) -> None:
        self.bundle.edit("cases", lambda rows: [{**r, **cols} for r in rows])

    def commit(self) -> None:
        self.bundle.commit(self.factory.world)


def person_debtor(
    f: Factory,
    born_lo: str = "1962-01-01",
    born_hi: str = "1995-12-31",
    birth: np.ndarray | None = None,
) -> Frame:
    return f.as_parties(f.persons(1, born_lo=born_lo, born_hi=born_hi, birth=birth))


def company_debtor(f: Factory) -> tuple[Frame, Frame]:
    comp = f.companies(1)
    return f.companies_as_parties(comp), comp


def make_case(
    f: Factory,
    method: str | None,
    filed: Day,
    closed: Day | None = None,
    debtor: Frame | None = None,
    paid: float = 0.0,
    sued: Day | None = None,
    claim: float | None = None,
    cause: str | None = None,
    **extra: Any,
) -> Planted:
    """One clean case (no random 失信, no random partial payment)."""
    spec = f.spec(
        np.array([filed], dtype="datetime64[D]"),
        np.array([NAT if closed is None else closed], dtype="datetime64[D]"),
        np.array([method], dtype=object),
        debtor=debtor,
    )
    spec.dishonest = np.zeros(1, dtype=bool)
    if claim is not None:
        spec.claim = np.array([float(claim)])
    if cause is not None:
        spec.cause = np.array([cause], dtype=object)
    spec.paid = np.array([spec.claim[0] if method == PAID else float(paid)])
    if sued is not None:
        spec.sued_on = np.array([sued], dtype="datetime64[D]")
    for key, value in extra.items():
        setattr(spec, key, value)
    return Planted(f, spec, f.build(spec))


def terminated(f: Factory, filed_back: int, duration: int, **kw: Any) -> Planted:
    filed = f.day(-filed_back)
    return make_case(f, TERMINATED, filed, filed + duration, **kw)


def vehicle_row(
    f: Factory,
    owner_id: str,
    owner_name: str,
    registered: Day,
    transferred: Day | None = None,
    plate: str | None = None,
    value: float = 120_000,
) -> Row:
    serial = f.serials.take("vehicle", 1)
    plate = plate or str(assets.plates(serial, np.array([330683]))[0])
    return {
        "plate": plate,
        "vin": str(assets.vins(serial)[0]),
        "owner_name": owner_name,
        "owner_id": owner_id,
        "registered_on": registered,
        "transferred_on": transferred,
        "status": "正常",
        "model": "大众帕萨特",
        "est_value": value,
    }


def estate_row(
    f: Factory,
    owner_id: str,
    owner_name: str,
    acquired: Day,
    disposed: Day | None = None,
    unit_no: str | None = None,
    value: float = 1_200_000,
) -> Row:
    serial = f.serials.take("unit", 1)
    unit = unit_no or str(assets.unit_nos(serial, np.array([330683]))[0])
    year = int(str(acquired)[:4])
    return {
        "unit_no": unit,
        "cert_no": str(assets.cert_nos(serial, np.array([year]))[0]),
        "owner_name": owner_name,
        "owner_id": owner_id,
        "share": "单独所有",
        "acquired_on": acquired,
        "disposed_on": disposed,
        "address": "浙江省绍兴市嵊州市剡湖街道东前街8号",
        "area": 98.5,
        "est_value": value,
        "status": "正常",
    }


def relative(f: Factory, debtor_id: str, relation: str, since: Day | None = None) -> Frame:
    """A new person registered as the debtor's relative."""
    rel = f.persons(1, born_lo="1960-01-01", born_hi="1995-12-31")
    f.world.add_rows(
        "relations",
        [
            {
                "person_a_id": debtor_id,
                "person_b_id": str(rel["id"][0]),
                "relation": relation,
                "from_on": since,
            }
        ],
    )
    return rel


def seize(
    p: Planted,
    action: str,
    day: Day,
    target_type: str,
    target_id: str,
    months: int,
    amount: float | None = None,
    rank: str = "首封",
) -> None:
    from zhongben.synth.dates import add_months

    p.act(
        action,
        day,
        target_type=target_type,
        target_id=target_id,
        seizure_rank=rank,
        expires_on=add_months(np.array([day]), months)[0],
        amount=amount,
        result="已" + action,
    )


def account_of(f: Factory, holder_id: str, holder_name: str) -> str:
    serial = f.serials.take("account", 1)
    number = str(assets.accounts(serial, np.array([0]))[0])
    f.world.add_rows(
        "bank_accounts",
        [
            {
                "account_no": number,
                "bank": assets.BANKS[0],
                "holder_name": holder_name,
                "holder_id": holder_id,
                "opened_on": f.day(-3000),
            }
        ],
    )
    return number


__all__ = ["PAID", "TERMINATED", "Planted", "make_case", "terminated"]
