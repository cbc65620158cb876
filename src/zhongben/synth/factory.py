"""The shared machinery that background and plants both use to make people, companies and
clean cases, so a planted case differs from a background case only by what the plant changes."""

from __future__ import annotations

import numpy as np

from zhongben.synth.assets import Serials
from zhongben.synth.bundle import Bundle
from zhongben.synth.cases import CaseSpec, build, draw_causes
from zhongben.synth.config import SynthConfig
from zhongben.synth.frame import Frame, filled
from zhongben.synth.numbering import CaseNumbers
from zhongben.synth.people import Population
from zhongben.synth.regions import Court, courts_for
from zhongben.synth.rng import stream
from zhongben.synth.world import World

LEGAL_PERSON = "法人"
NATURAL_PERSON = "自然人"


class Factory:
    def __init__(self, config: SynthConfig, world: World) -> None:
        self.config = config
        self.world = world
        self.as_of = config.as_of_day
        self.courts: list[Court] = courts_for(config.scale.region)
        regions = np.array(sorted({int(c.region) for c in self.courts}))
        self.pop = Population(stream(config.seed, "population"), regions)
        self.numbers = CaseNumbers()
        self.rng = stream(config.seed, "factory")
        self.planted_judges: set[str] = set()
        self.serials = Serials()
        self.citizens: Frame = {}
        self.employers: Frame = {}
        self.debtors: Frame = {}
        self.bank_accounts: Frame = {}
        self.documented: set[str] = set()  # cases whose documents a plant wrote

    # --- people -----------------------------------------------------------------------------
    def persons(self, n: int, **kw: object) -> Frame:
        return self.pop.persons(n, **kw)  # type: ignore[arg-type]

    def companies(
        self, n: int, legal_reps: Frame | None = None, address: np.ndarray | None = None, **kw: str
    ) -> Frame:
        """New companies, registered in ``companies`` with a legal representative each
        (``address``: reuse these addresses instead of fresh ones)."""
        comp = self.pop.companies(n, **kw)
        if address is not None:
            comp["address"] = address
        reps = legal_reps if legal_reps is not None else self.persons(n)
        comp["legal_rep_name"], comp["legal_rep_id"] = reps["name"], reps["id"]
        self.world.add(
            "companies",
            {
                "uscc": comp["uscc"],
                "name": comp["name"],
                "legal_rep_name": reps["name"],
                "legal_rep_id": reps["id"],
                "status": filled(n, "存续"),
                "established_on": comp["established_on"],
                "address": comp["address"],
                "scope": filled(n, "一般项目：销售；技术服务"),
                "registered_capital": comp["registered_capital"],
            },
        )
        return comp

    @staticmethod
    def as_parties(persons: Frame) -> Frame:
        n = len(persons["id"])
        return {
            "id": persons["id"],
            "name": persons["name"],
            "party_type": filled(n, NATURAL_PERSON),
            "address": persons["address"],
            "phone": persons["phone"],
        }

    @staticmethod
    def companies_as_parties(comp: Frame) -> Frame:
        n = len(comp["uscc"])
        return {
            "id": comp["uscc"],
            "name": comp["name"],
            "party_type": filled(n, LEGAL_PERSON),
            "address": comp["address"],
            "phone": filled(n, None),
        }

    # --- cases ------------------------------------------------------------------------------
    def spec(
        self,
        filed: np.ndarray,
        closed: np.ndarray,
        method: np.ndarray,
        debtor: Frame | None = None,
        applicant: Frame | None = None,
        court: Court | None = None,
        paid: np.ndarray | None = None,
    ) -> CaseSpec:
        n = len(filed)
        court = court or self.courts[0]
        cause, claim = draw_causes(self.rng, n)
        return CaseSpec(
            court=filled(n, court.name),
            court_code=filled(n, court.code),
            cause=cause,
            filed_on=np.asarray(filed, dtype="datetime64[D]"),
            closed_on=np.asarray(closed, dtype="datetime64[D]"),
            method=np.asarray(method, dtype=object),
            claim=claim,
            paid=np.zeros(n) if paid is None else paid,
            applicant=applicant if applicant is not None else self.as_parties(self.persons(n)),
            debtor=debtor if debtor is not None else self.as_parties(self.persons(n)),
        )

    def build(self, spec: CaseSpec) -> Bundle:
        return build(spec, self.rng, self.numbers, self.as_of)

    def day(self, offset: int) -> np.datetime64:
        """as_of + offset days."""
        return self.as_of + np.timedelta64(offset, "D")
