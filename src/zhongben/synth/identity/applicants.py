"""Applicants whose ID the court's ledger lacks: people of the general population who applied in
several cases, one of them recorded with their ID, another without it (name, phone and address
only), and lenders (companies) recorded by name alone. Only in cases closed neither by 终本 nor as
paid, which have no payments: no rule reads those applicants."""

from __future__ import annotations

from typing import Any

import numpy as np

from zhongben.synth.cases import OTHER_CLOSES
from zhongben.synth.factory import Factory
from zhongben.synth.identity.request import Request
from zhongben.synth.write import to_arrow, to_frame

PAIR_SHARE = 0.08  # of the eligible person applicants, the share made repeat applicants
COMPANY_SHARE = 0.2  # of the eligible company applicants, recorded without their USCC
APPLICANT = "申请执行人"


def repeat_applicants(f: Factory, rng: np.random.Generator) -> list[Request]:
    world = f.world
    closes = dict(zip(world.arrow("cases").column("case_no").to_pylist(),
                      world.arrow("cases").column("close_method").to_pylist(), strict=True))
    basis = dict(zip(world.arrow("cases").column("case_no").to_pylist(),
                     world.arrow("cases").column("basis_no").to_pylist(), strict=True))
    frames = [to_frame(t) for t in world.tables["parties"]]
    people: list[tuple[int, int]] = []
    companies: list[tuple[int, int]] = []
    for k, frame in enumerate(frames):
        for i in range(len(frame["case_no"])):
            if frame["role"][i] != APPLICANT or closes.get(frame["case_no"][i]) not in OTHER_CLOSES:
                continue
            (people if frame["party_type"][i] == "自然人" else companies).append((k, i))
    requests: list[Any] = []
    pairs = int(len(people) * PAIR_SHARE) // 2
    order = rng.permutation(len(people))[: 2 * pairs]
    citizens = rng.choice(len(f.citizens["id"]), size=pairs, replace=False) if pairs else \
        np.zeros(0, dtype=np.int64)
    plaintiffs: dict[str, int] = {}
    for p, c in enumerate(citizens):
        for j, (k, i) in enumerate((people[order[2 * p]], people[order[2 * p + 1]])):
            for column, source in (("id_no", "id"), ("name", "name"), ("phone", "phone"),
                                   ("address", "address")):
                frames[k][column][i] = f.citizens[source][c]
            case_no = str(frames[k]["case_no"][i])
            plaintiffs[str(basis[case_no])] = int(c)
            if j == 1:
                requests.append(Request("parties", (("case_no", case_no), ("role", APPLICANT)),
                                        "id_no", ("missing",)))
    for k, i in companies:
        if rng.random() < COMPANY_SHARE:
            requests.append(Request("parties", (("case_no", frames[k]["case_no"][i]),
                                                ("role", APPLICANT)), "id_no", ("missing",)))
    world.tables["parties"] = [to_arrow("parties", fr) for fr in frames]
    _plaintiffs(f, plaintiffs)
    return requests


def _plaintiffs(f: Factory, plaintiffs: dict[str, int]) -> None:
    """The judgments enforced name the same applicants (a lawsuit's plaintiff)."""
    frames = [to_frame(t) for t in f.world.tables.get("lawsuits", [])]
    for frame in frames:
        for i, case_no in enumerate(frame["case_no"]):
            c = plaintiffs.get(str(case_no))
            if c is not None:
                frame["plaintiff_id"][i] = f.citizens["id"][c]
                frame["plaintiff_name"][i] = f.citizens["name"][c]
    f.world.tables["lawsuits"] = [to_arrow("lawsuits", fr) for fr in frames]
