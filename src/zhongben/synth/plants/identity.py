"""Violations only entity resolution finds (issue 15), each with a near-miss of a different
person who only looks alike:

- XG-01: a restricted debtor flies on a passport (identity_documents names them) — near-miss: a
  stranger of the same name flies on their own passport;
- DC-01: the debtor's car is registered under their former name and old 身份证号 (person_names,
  id_changes) — near-miss: a same-name stranger's car under the stranger's old number;
- HF-02: a car bought after 终本 is registered with one digit of the debtor's number mistyped
  (Tier B: the lead says 身份待确认) — near-miss: a same-name stranger born the same day, whose
  mistyped number is closer to their own;
- CC-03: an insurer lists the debtor's policy with a masked number (3306831990****1234) — near-miss:
  the same name with a masked number that cannot be the debtor's.

The rows are written clean and marked with ``Request``s; the identity noise pass applies them.
Skipped in the exact-ID world (``--exact-ids``)."""

from __future__ import annotations

import numpy as np

from zhongben.synth import assets
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame
from zhongben.synth.identity.request import Request
from zhongben.synth.plants.base import Planted, account_of, terminated, vehicle_row
from zhongben.synth.travel import trip


def plant(f: Factory) -> None:
    if f.config.exact_ids:
        return
    for i in range(max(1, f.config.plants_per_rule // 3)):
        _passport(f, i)
        _former_name(f, i)
        _typo(f, i)
        _masked(f, i)


def _ask(f: Factory, table: str, where: dict[str, object], column: str, *kinds: str) -> None:
    f.world.identity_requests.append(Request(table, tuple(where.items()), column, kinds))


def _namesake(f: Factory, p: Planted, same_birth: bool = False) -> Frame:
    """A stranger with the debtor's name (and birth date), known to the registries by an
    account in their own name."""
    birth = None
    if same_birth:
        day = p.debtor_id[6:10] + "-" + p.debtor_id[10:12] + "-" + p.debtor_id[12:14]
        birth = np.array([np.datetime64(day, "D")])
    stranger = f.persons(1, birth=birth)
    stranger["name"] = np.array([p.debtor_name], dtype=object)
    account_of(f, str(stranger["id"][0]), p.debtor_name)
    return stranger


def _passport(f: Factory, i: int) -> None:
    p = terminated(f, 640 + 3 * i, 260)
    when = p.closed + 40 + 5 * i
    f.world.add_rows("travel", [trip(p.debtor_id, when, "航班", "经济舱", f"MU{6100 + i}")])
    p.commit()
    _ask(f, "travel", {"person_id": p.debtor_id, "travelled_on": when,
                       "carrier_no": f"MU{6100 + i}"}, "person_id", "passport")
    f.world.plant("XG-01", p.case_no, p.debtor_id)
    q = terminated(f, 640 + 3 * i, 260)
    q.commit()
    other = str(_namesake(f, q)["id"][0])
    later = q.closed + 40 + 5 * i
    f.world.add_rows("travel", [trip(other, later, "航班", "经济舱", f"CA{6100 + i}")])
    _ask(f, "travel", {"person_id": other, "travelled_on": later, "carrier_no": f"CA{6100 + i}"},
         "person_id", "passport")
    f.world.near_miss("XG-01", q.case_no, q.debtor_id, "same-name stranger on their own passport")


def _former_name(f: Factory, i: int) -> None:
    p = terminated(f, 720 + 5 * i, 300)
    row = vehicle_row(f, p.debtor_id, p.debtor_name, p.filed - 900)
    f.world.add_rows("vehicles", [row])
    p.commit()
    _ask(f, "vehicles", {"plate": row["plate"]}, "owner_id", "old_id", "former_name")
    f.world.plant("DC-01", p.case_no, p.debtor_id)
    q = terminated(f, 720 + 5 * i, 300)
    q.commit()
    other = _namesake(f, q)
    row = vehicle_row(f, str(other["id"][0]), q.debtor_name, q.filed - 900)
    f.world.add_rows("vehicles", [row])
    _ask(f, "vehicles", {"plate": row["plate"]}, "owner_id", "old_id")
    f.world.near_miss("DC-01", q.case_no, q.debtor_id, "same-name stranger's car, their old ID")


def _typo(f: Factory, i: int) -> None:
    p = terminated(f, 780 + 3 * i, 300)
    p.commit()
    bought = f.day(-90 - 7 * i)
    row = vehicle_row(f, p.debtor_id, p.debtor_name, bought)
    f.world.add_rows("vehicles", [row])
    _ask(f, "vehicles", {"plate": row["plate"]}, "owner_id", "typo")
    f.world.plant("HF-02", p.case_no, p.debtor_id)
    q = terminated(f, 780 + 3 * i, 300)
    q.commit()
    other = _namesake(f, q, same_birth=True)
    row = vehicle_row(f, str(other["id"][0]), q.debtor_name, bought)
    f.world.add_rows("vehicles", [row])
    _ask(f, "vehicles", {"plate": row["plate"]}, "owner_id", "typo")
    f.world.near_miss("HF-02", q.case_no, q.debtor_id, "same-name, same-birthday stranger")


def _policy(f: Factory, p: Planted, holder: str) -> str:
    number = str(assets.policy_nos(f.serials.take("policy", 1))[0])
    f.world.add_rows("insurance_policies", [{
        "policy_no": number, "holder_id": holder, "holder_name": p.debtor_name,
        "insurer": assets.INSURERS[2], "product_type": "万能型", "premium": 15000,
        "cash_value": 52000.0, "start_on": p.filed - 800}])
    return number


def _masked(f: Factory, i: int) -> None:
    p = terminated(f, 690 + 4 * i, 300)
    p.drop_actions("网络查控", "保险")
    number = _policy(f, p, p.debtor_id)
    p.commit()
    _ask(f, "insurance_policies", {"policy_no": number}, "holder_id", "masked@10")
    f.world.plant("CC-03", p.case_no, p.debtor_id)
    q = terminated(f, 690 + 4 * i, 300)
    q.drop_actions("网络查控", "保险")
    other = _namesake(f, q)
    number = _policy(f, q, str(other["id"][0]))
    q.commit()
    _ask(f, "insurance_policies", {"policy_no": number}, "holder_id", "masked@10")
    f.world.near_miss("CC-03", q.case_no, q.debtor_id, "same name, incompatible masked number")
