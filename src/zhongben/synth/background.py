"""The clean background: the bulk of cases, with outcomes, durations and parties drawn to be
realistic and to trigger no rule (see docs/reference/synth-world.md, "clean by construction")."""

from __future__ import annotations

import numpy as np

from zhongben.synth.cases import OTHER_CLOSES, PAID, TERMINATED
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame, filled, take
from zhongben.synth.rng import stream

# closure method -> (share of closures, min days, max days)
OUTCOMES: tuple[tuple[str, float, int, int], ...] = (
    (TERMINATED, 0.40, 100, 420),
    (PAID, 0.36, 20, 300),
    *((m, s, 30, 300) for m, s in zip(OTHER_CLOSES, (0.08, 0.03, 0.02, 0.05, 0.06), strict=True)),
)
YEARS_BACK = 6
LAST_CLOSE_MARGIN = 10  # closures happen at least this many days before as_of


def background_cases(factory: Factory, n: int) -> None:
    """n clean cases spread over the world's courts and the last six years."""
    rng = stream(factory.config.seed, "background")
    as_of = factory.as_of
    court_of = _court_weights(rng, len(factory.courts), n)
    filed = as_of - rng.integers(7, 365 * YEARS_BACK, n)
    method, closed = _outcomes(rng, filed, as_of)
    paid = _paid(rng, method, n)
    debtors = _debtors(factory, rng, n)
    factory.debtors = debtors
    applicants = _applicants(factory, rng, n)
    co_debtors = _co_debtors(factory, rng, n)
    for ci, court in enumerate(factory.courts):
        sel = np.flatnonzero(court_of == ci)
        if not len(sel):
            continue
        spec = factory.spec(
            filed[sel],
            closed[sel],
            method[sel],
            debtor=take(debtors, sel),
            applicant=take(applicants, sel),
            court=court,
            paid=None,
        )
        spec.co_debtors = _co_debtors_of(co_debtors, sel)
        spec.paid = np.where(method[sel] == PAID, spec.claim, np.round(spec.claim * paid[sel], 0))
        factory.build(spec).commit(factory.world)
    _relatives(factory, rng, debtors)


def _co_debtors(factory: Factory, rng: np.random.Generator, n: int) -> Frame:
    """Guarantors and joint debtors in about 15 % of cases (natural persons, owning nothing)."""
    case = np.flatnonzero(rng.random(n) < 0.15)
    co = factory.as_parties(factory.persons(len(case)))
    co["case"] = case
    return co


def _birth_dates(ids: np.ndarray) -> np.ndarray:
    """Birth dates encoded in 身份证号 (companies' codes give a placeholder, never used)."""
    text = [
        f"{v[6:10]}-{v[10:12]}-{v[12:14]}" if v[6:8] in ("19", "20") else "1970-01-01" for v in ids
    ]
    return np.array(text, dtype="datetime64[D]")


def _co_debtors_of(co: Frame, sel: np.ndarray) -> Frame:
    """The co-debtors of the cases ``sel``, re-indexed to positions within ``sel``."""
    position = np.full(int(sel.max()) + 1 if len(sel) else 0, -1)
    position[sel] = np.arange(len(sel))
    inside = np.isin(co["case"], sel)
    out = {k: v[inside] for k, v in co.items()}
    out["case"] = position[co["case"][inside]]
    return out


def _court_weights(rng: np.random.Generator, courts: int, n: int) -> np.ndarray:
    weights = rng.lognormal(0, 0.5, courts)
    return rng.choice(courts, size=n, p=weights / weights.sum())


def _outcomes(
    rng: np.random.Generator, filed: np.ndarray, as_of: np.datetime64
) -> tuple[np.ndarray, np.ndarray]:
    n = len(filed)
    shares = np.array([o[1] for o in OUTCOMES])
    pick = rng.choice(len(OUTCOMES), size=n, p=shares / shares.sum())
    lo = np.array([o[2] for o in OUTCOMES])[pick]
    hi = np.array([o[3] for o in OUTCOMES])[pick]
    closed = filed + (lo + rng.random(n) * (hi - lo)).astype(np.int64)
    method = np.array([o[0] for o in OUTCOMES], dtype=object)[pick]
    open_ = closed > as_of - LAST_CLOSE_MARGIN
    method[open_] = None
    closed[open_] = np.datetime64("NaT")
    return method, closed


def _paid(rng: np.random.Generator, method: np.ndarray, n: int) -> np.ndarray:
    """Fraction of the claim paid: partial for some 终本 cases (the full claim for 执行完毕)."""
    part = rng.uniform(0.05, 0.4, n) * (rng.random(n) < 0.3)
    return np.where(method == TERMINATED, part, 0.0)


def _debtors(factory: Factory, rng: np.random.Generator, n: int) -> Frame:
    """78% natural persons, 22% companies; each debtor is a debtor in exactly one case."""
    is_company = rng.random(n) < 0.22
    people = factory.as_parties(factory.persons(n, born_lo="1955-01-01", born_hi="2000-12-31"))
    k = int(is_company.sum())
    comps = factory.companies_as_parties(factory.companies(k))
    out = {c: v.copy() for c, v in people.items()}
    for col in out:
        out[col][is_company] = comps[col]
    return out


def _applicants(factory: Factory, rng: np.random.Generator, n: int) -> Frame:
    is_company = rng.random(n) < 0.35
    people = factory.as_parties(factory.persons(n))
    pool = max(1, int(is_company.sum()) // 8)  # lenders and suppliers appear in many cases
    comps = factory.companies_as_parties(factory.companies(pool))
    pick = rng.integers(0, pool, int(is_company.sum()))
    out = {c: v.copy() for c, v in people.items()}
    for col in out:
        out[col][is_company] = comps[col][pick]
    return out


def _relatives(factory: Factory, rng: np.random.Generator, debtors: Frame) -> None:
    """Spouses and parents of person debtors: registered, owning nothing."""
    persons = np.flatnonzero(debtors["party_type"] == "自然人")
    born = _birth_dates(debtors["id"])
    married = persons[rng.random(len(persons)) < 0.55]
    spouses = factory.persons(
        len(married), birth=born[married] + rng.integers(-1500, 1500, len(married))
    )
    since = np.minimum(
        born[married] + 365 * 22 + rng.integers(0, 365 * 12, len(married)), factory.as_of - 400
    )
    factory.world.add(
        "relations",
        {
            "person_a_id": debtors["id"][married],
            "person_b_id": spouses["id"],
            "relation": filled(len(married), "配偶"),
            "from_on": since,
        },
    )
    with_parent = persons[rng.random(len(persons)) < 0.25]
    parents = factory.persons(
        len(with_parent),
        birth=born[with_parent] - rng.integers(365 * 22, 365 * 38, len(with_parent)),
    )
    factory.world.add(
        "relations",
        {
            "person_a_id": debtors["id"][with_parent],
            "person_b_id": parents["id"],
            "relation": filled(len(with_parent), "父母"),
        },
    )
