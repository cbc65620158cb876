"""Scales and options of a synthetic world."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np


@dataclass(frozen=True)
class Scale:
    """How big a world is: number of enforcement cases, which courts, planted cases per rule."""

    name: str
    cases: int
    region: str  # "county": one basic court; "city": one city's courts; "province": all
    plants: int  # true cases per rule (near-misses: the same number)
    txn_per_account_year: float  # bank transactions per account per year


SCALES: dict[str, Scale] = {
    "tiny": Scale("tiny", 1_500, "county", 2, 12.0),
    "county": Scale("county", 20_000, "county", 6, 16.0),
    "city": Scale("city", 200_000, "city", 30, 16.0),  # ≥ 30 positives, 30 near-misses a rule
    "province": Scale("province", 1_000_000, "province", 30, 18.0),
}

DEFAULT_AS_OF = date(2026, 6, 30)  # the screening date of the README and scripts/demo.sh


@dataclass(frozen=True)
class SynthConfig:
    seed: int
    scale: Scale
    as_of: date = DEFAULT_AS_OF
    messy: bool = False
    plants: int | None = None  # overrides scale.plants
    exact_ids: bool = False  # True: no identity noise (every mention carries its exact ID)

    @property
    def plants_per_rule(self) -> int:
        return self.scale.plants if self.plants is None else self.plants

    @property
    def as_of_day(self) -> np.datetime64:
        return np.datetime64(self.as_of.isoformat(), "D")
