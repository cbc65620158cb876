"""Judges (承办人): assigned last, so that every background judge's 终本 share in the 12 months
before as_of equals the court's (XJ-04 cannot fire on background); planted judges keep theirs."""

from __future__ import annotations

import numpy as np

from zhongben.synth.dates import add_months
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame

CASES_PER_JUDGE = 900


def assign_judges(factory: Factory, cases: Frame) -> None:
    """Fill ``cases['judge']`` where it is null (in place)."""
    rng = np.random.default_rng(factory.config.seed + 7)
    window_start = add_months(factory.as_of, -12) - 7
    judge = cases["judge"]
    unassigned = np.array([j is None for j in judge], dtype=bool)
    for court in sorted(set(cases["court"].tolist())):
        mine = (cases["court"] == court) & unassigned
        idx = np.flatnonzero(mine)
        names = _names(factory, max(4, len(idx) // CASES_PER_JUDGE))
        recent = ~np.isnat(cases["closed_on"][idx]) & (cases["closed_on"][idx] >= window_start)
        judge[idx[~recent]] = names[rng.integers(0, len(names), int((~recent).sum()))]
        r = idx[recent]
        order = np.lexsort((cases["case_no"][r].astype(str), cases["close_method"][r].astype(str)))
        judge[r[order]] = names[np.arange(len(r)) % len(names)]


def _names(factory: Factory, n: int) -> np.ndarray:
    names: list[str] = []
    while len(names) < n:
        for name in factory.persons(n)["name"]:
            if name not in names and name not in factory.planted_judges:
                names.append(str(name))
    return np.array(names[:n], dtype=object)
