"""Registries of the general population (citizens who are not debtors): vehicles and sightings,
real estate, employers and shareholdings, social insurance, housing fund, insurance, travel,
relations. Debtors own nothing here unless a plant gives it to them."""

from __future__ import annotations

import numpy as np

from zhongben.synth import assets
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame, filled
from zhongben.synth.rng import stream

SIGHTING_YEARS = 2
CHUNK = 50_000  # people or vehicles per generated fragment
PER_YEAR_SIGHTINGS = 20
LOCATIONS = (
    "G60沪昆高速嵊州收费站",
    "104国道三界卡口",
    "剡湖街道城南大道卡口",
    "鹿山街道北直街卡口",
    "甬金高速嵊州北互通",
    "浦口街道官河路卡口",
    "长乐镇长乐大道卡口",
    "黄泽镇江滨路卡口",
)


def citizen_registries(factory: Factory) -> None:
    rng = stream(factory.config.seed, "registries")
    n = factory.config.scale.cases
    citizens = factory.persons(n, born_lo="1950-01-01", born_hi="2002-12-31")
    factory.citizens = citizens
    employers = _employers(factory, rng, citizens)
    factory.employers = employers
    vehicles(factory, rng, citizens)
    real_estate(factory, rng, citizens)
    social_insurance(factory, rng, citizens, employers)
    _housing_fund(factory, rng, citizens)
    _insurance(factory, rng, citizens)
    from zhongben.synth.travel import citizen_travel

    citizen_travel(factory, rng, citizens)
    _spouses(factory, rng, citizens)


def _employers(factory: Factory, rng: np.random.Generator, citizens: Frame) -> Frame:
    """Companies run by citizens; each legal representative runs one company."""
    k = max(4, len(citizens["id"]) // 25)
    reps = np.arange(k)  # the first k citizens are the legal representatives
    comp = factory.companies(k, legal_reps={c: v[reps] for c, v in citizens.items()})
    partner = rng.integers(k, len(citizens["id"]), k)
    two = rng.random(k) < 0.4
    holder = np.concatenate([reps, partner[two]])
    company = np.concatenate([np.arange(k), np.flatnonzero(two)])
    ratio = np.concatenate([np.where(two, 0.6, 1.0), np.full(int(two.sum()), 0.4)])
    factory.world.add(
        "shareholdings",
        {
            "company_uscc": comp["uscc"][company],
            "holder_name": citizens["name"][holder],
            "holder_id": citizens["id"][holder],
            "subscribed": np.round(comp["registered_capital"][company] * ratio, 0),
            "ratio": ratio,
            "from_on": comp["established_on"][company],
        },
    )
    return comp


def vehicles(factory: Factory, rng: np.random.Generator, citizens: Frame) -> None:
    owners = np.flatnonzero(rng.random(len(citizens["id"])) < 0.4)
    k = len(owners)
    serial = factory.serials.take("vehicle", k)
    plate = assets.plates(serial, citizens["region"][owners])
    registered = factory.as_of - rng.integers(60, 365 * 10, k)
    previous = rng.random(k) < 0.15
    prev_owner = rng.integers(0, len(citizens["id"]), int(previous.sum()))
    prev_from = registered[previous] - rng.integers(365, 365 * 5, int(previous.sum()))
    model = np.array(assets.MODELS, dtype=object)[rng.integers(0, len(assets.MODELS), k)]
    value = np.round(np.exp(rng.normal(11.6, 0.6, k)), -2)
    vin = assets.vins(serial)
    world = factory.world
    world.add(
        "vehicles",
        {
            "plate": plate[previous],
            "vin": vin[previous],
            "owner_name": citizens["name"][prev_owner],
            "owner_id": citizens["id"][prev_owner],
            "registered_on": prev_from,
            "transferred_on": registered[previous],
            "status": filled(len(prev_owner), "正常"),
            "model": model[previous],
            "est_value": value[previous],
        },
    )
    world.add(
        "vehicles",
        {
            "plate": plate,
            "vin": vin,
            "owner_name": citizens["name"][owners],
            "owner_id": citizens["id"][owners],
            "registered_on": registered,
            "status": filled(k, "正常"),
            "model": model,
            "est_value": value,
        },
    )
    since = np.maximum(registered, factory.as_of - 365 * SIGHTING_YEARS)
    for start in range(0, k, CHUNK):
        part = slice(start, min(k, start + CHUNK))
        sightings(factory, rng, plate[part], since[part])


def sightings(
    factory: Factory, rng: np.random.Generator, plate: np.ndarray, since: np.ndarray
) -> None:
    """About 20 passes per vehicle per year from ``since`` to as_of."""
    years = (factory.as_of - since).astype(np.int64) / 365
    count = rng.poisson(PER_YEAR_SIGHTINGS * years)
    idx = np.repeat(np.arange(len(plate)), count)
    span_s = (factory.as_of - since[idx]).astype(np.int64) * 86400
    seen = since[idx].astype("datetime64[s]") + (rng.random(len(idx)) * span_s).astype(np.int64)
    order = np.lexsort((seen, idx))
    loc = np.array(LOCATIONS, dtype=object)[rng.integers(0, len(LOCATIONS), len(idx))]
    factory.world.add(
        "vehicle_sightings", {"plate": plate[idx][order], "seen_at": seen[order], "location": loc}
    )


def real_estate(factory: Factory, rng: np.random.Generator, citizens: Frame) -> None:
    owners = np.flatnonzero(rng.random(len(citizens["id"])) < 0.45)
    k = len(owners)
    serial = factory.serials.take("unit", k)
    acquired = factory.as_of - rng.integers(90, 365 * 20, k)
    years = acquired.astype("datetime64[Y]").astype(int) + 1970
    area = np.round(rng.normal(105, 30, k).clip(35, 300), 2)
    factory.world.add(
        "real_estate",
        {
            "unit_no": assets.unit_nos(serial, citizens["region"][owners]),
            "cert_no": assets.cert_nos(serial, years),
            "owner_name": citizens["name"][owners],
            "owner_id": citizens["id"][owners],
            "share": filled(k, "单独所有"),
            "acquired_on": acquired,
            "address": citizens["address"][owners],
            "area": area,
            "est_value": np.round(area * rng.normal(18000, 5000, k).clip(6000, 60000), -3),
            "status": filled(k, "正常"),
        },
    )


def social_insurance(
    factory: Factory, rng: np.random.Generator, citizens: Frame, employers: Frame
) -> None:
    """Employees' monthly contributions for the last three years."""
    staff = np.flatnonzero(rng.random(len(citizens["id"])) < 0.35)
    employer = rng.integers(0, len(employers["uscc"]), len(staff))
    base = np.round(rng.uniform(3500, 15000, len(staff)), 0)
    months = (np.arange(-36, 0) + factory.as_of.astype("datetime64[M]")).astype(str).astype(object)
    for start in range(0, len(staff), CHUNK):  # bounded memory at province scale
        part = np.arange(start, min(len(staff), start + CHUNK))
        idx = np.repeat(part, len(months))
        factory.world.add(
            "social_insurance",
            {
                "person_id": citizens["id"][staff[idx]],
                "employer_uscc": employers["uscc"][employer[idx]],
                "employer_name": employers["name"][employer[idx]],
                "month": months[np.tile(np.arange(len(months)), len(part))],
                "base": base[idx],
            },
        )


def _housing_fund(factory: Factory, rng: np.random.Generator, citizens: Frame) -> None:
    holders = np.flatnonzero(rng.random(len(citizens["id"])) < 0.25)
    year = factory.as_of.astype("datetime64[Y]").astype(int) + 1970
    for back in (3, 2, 1):
        factory.world.add(
            "housing_fund",
            {
                "person_id": citizens["id"][holders],
                "balance": np.round(rng.lognormal(10.5, 0.8, len(holders)), 2),
                "as_of": np.full(len(holders), np.datetime64(f"{year - back}-06-30", "D")),
            },
        )


def _insurance(factory: Factory, rng: np.random.Generator, citizens: Frame) -> None:
    holders = np.flatnonzero(rng.random(len(citizens["id"])) < 0.12)
    k = len(holders)
    types = np.array(
        ["分红型", "万能型", "年金", "终身寿险", "意外", "医疗", "定期寿险"], dtype=object
    )
    kind = types[rng.integers(0, len(types), k)]
    premium = np.round(rng.lognormal(8.5, 0.9, k), 0)
    saving = np.isin(kind, ["分红型", "万能型", "年金", "终身寿险"])
    factory.world.add(
        "insurance_policies",
        {
            "policy_no": assets.policy_nos(factory.serials.take("policy", k)),
            "holder_id": citizens["id"][holders],
            "holder_name": citizens["name"][holders],
            "insurer": np.array(assets.INSURERS, dtype=object)[rng.integers(0, 5, k)],
            "product_type": kind,
            "premium": premium,
            "cash_value": np.where(saving, np.round(premium * rng.uniform(0.5, 6, k), 2), 0.0),
            "start_on": factory.as_of - rng.integers(60, 365 * 12, k),
        },
    )


def _spouses(factory: Factory, rng: np.random.Generator, citizens: Frame) -> None:
    n = len(citizens["id"])
    a = rng.permutation(n)[: int(n * 0.4)]
    a, b = a[: len(a) // 2], a[len(a) // 2 : 2 * (len(a) // 2)]
    since = (
        np.maximum(citizens["birth"][a], citizens["birth"][b])
        + 365 * 22
        + rng.integers(0, 365 * 8, len(a))
    )
    since = np.minimum(since, factory.as_of - 30)
    factory.world.add(
        "relations",
        {
            "person_a_id": citizens["id"][a],
            "person_b_id": citizens["id"][b],
            "relation": filled(len(a), "配偶"),
            "from_on": since,
        },
    )
