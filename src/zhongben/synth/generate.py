"""The façade: ``generate(seed, scale, out, ...)`` builds a world and writes it to a folder."""

from __future__ import annotations

import resource
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from zhongben.synth.background import background_cases
from zhongben.synth.bank import setup_accounts, write_transactions
from zhongben.synth.config import DEFAULT_AS_OF, SCALES, SynthConfig
from zhongben.synth.documents import background_rulings
from zhongben.synth.factory import Factory
from zhongben.synth.identity.noise import plant_identity_noise
from zhongben.synth.identity.truth import ENTITIES_TRUTH, clean_truth
from zhongben.synth.judges import assign_judges
from zhongben.synth.petitions import add_petition_truth, write_petitions
from zhongben.synth.plants import plant_all
from zhongben.synth.registries import citizen_registries
from zhongben.synth.schema import TABLE_ORDER
from zhongben.synth.world import World
from zhongben.synth.write import to_arrow, write_csv, write_manifest, write_truth


@dataclass
class SynthResult:
    out: Path
    rows: dict[str, int]
    truth_rows: int
    seconds: float
    peak_rss_mb: float
    planters: list[str] = field(default_factory=list)


def build_world(config: SynthConfig) -> tuple[World, Factory, list[str]]:
    world = World()
    factory = Factory(config, world)
    citizen_registries(factory)
    background_cases(factory, config.scale.cases)
    done = plant_all(factory)
    setup_accounts(factory)
    cases = world.frame("cases")
    assign_judges(factory, cases)
    world.tables["cases"] = [to_arrow("cases", cases)]
    background_rulings(factory, cases)
    return world, factory, done


def generate(
    seed: int,
    scale: str,
    out: str | Path,
    as_of: date | None = None,
    messy: bool = False,
    plants: int | None = None,
    exact_ids: bool = False,
) -> SynthResult:
    """Generate a world and write it to ``out`` (created; existing files overwritten);
    ``exact_ids``: without identity noise (every mention carries its exact ID)."""
    started = time.perf_counter()
    config = SynthConfig(
        seed=seed, scale=SCALES[scale], as_of=as_of or DEFAULT_AS_OF, messy=messy, plants=plants,
        exact_ids=exact_ids,
    )
    world, factory, done = build_world(config)
    mentions = clean_truth(world) if config.exact_ids else plant_identity_noise(factory)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows = _write_tables(world, factory, out, config)
    petitions = write_petitions(world, config.seed, config.as_of, out, config.messy)
    rows["petitions"] = len(petitions)
    add_petition_truth(mentions, petitions)
    truth_count = write_truth(out / "truth.csv", world.truth)
    for table, column, picked in world.messy_ids:
        mentions.mark(table, column, picked, "check_digit")
    mention_rows = mentions.write(out / ENTITIES_TRUTH)
    manifest = _manifest(config, world, rows, done)
    manifest["entities_truth"] = {"rows": mention_rows, "noise": mentions.noise_counts()}
    write_manifest(out / "manifest.json", manifest)
    return SynthResult(out, rows, truth_count, time.perf_counter() - started, peak_rss_mb(), done)


def _write_tables(world: World, factory: Factory, out: Path, config: SynthConfig) -> dict[str, int]:
    if config.messy:
        from zhongben.synth.messy import write_messy

        return write_messy(world, factory, out, config)
    rows: dict[str, int] = {}
    for table in TABLE_ORDER:
        if table in world.tables and table != "transactions":
            arrow = world.arrow(table)
            write_csv(out / f"{table}.csv", arrow)
            rows[table] = arrow.num_rows
    rows["transactions"] = write_transactions(factory, out, config)
    return rows


def _manifest(
    config: SynthConfig, world: World, rows: dict[str, int], done: list[str]
) -> dict[str, Any]:
    planted = Counter(t.rule_id for t in set(world.truth))
    near = Counter(m[0].rule_id for m in world.near_misses)
    return {
        "seed": config.seed,
        "scale": config.scale.name,
        "as_of": config.as_of.isoformat(),
        "messy": config.messy,
        "exact_ids": config.exact_ids,
        "plants_per_rule": config.plants_per_rule,
        "rows": rows,
        "planters": done,
        "planted": dict(sorted(planted.items())),
        "near_misses": dict(sorted(near.items())),
        "near_miss_list": [
            {"rule_id": m.rule_id, "case_no": m.case_no, "subject_id": m.subject_id, "what": w}
            for m, w in world.near_misses
        ],
        "messy_corruptions": dict(sorted(world.notes.items())),
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
