"""Tier B: records without a usable ID linked by Splink to the people they could be.

The records of people (a company without its USCC that no registry names stays its own entity),
minus those Tier A linked and those an earlier run linked (links are kept: ids do not move), are
scored against the profiles of the candidates sharing a blocking key with them and against each
other. The model is trained on the first run (u by random sampling, m by expectation
maximisation) and kept in ``entity_model``, so later runs score the same way."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from zhongben.identity.backend import Backend
from zhongben.identity.cluster import REVIEW, Links, Pair, decide, make_pair
from zhongben.identity.decisions import Decision
from zhongben.identity.features import features
from zhongben.identity.model import ID_PARTS, KEYS, TITLES, settings
from zhongben.identity.profiles import (
    background_rows,
    find_candidates,
    name_frequencies,
    person_count,
    profile_rows,
    record_keys,
)
from zhongben.identity.records import RECORD_OF, RECORDS
from zhongben.identity.review import write_links
from zhongben.identity.tier_a import COMPANY_LIKE, TIER_A

SPLINK_IN = "_zb_splink_in"
SPLINK_U = "_zb_splink_u"
NAME_TF = "_zb_name_tf"
COMPARISONS = ("name", *(c for c, *_ in ID_PARTS), "birth4", "phones", "addresses", "docs")
COMPANY_WORDS = tuple(COMPANY_LIKE.strip("()$").split("|"))


@dataclass
class Outcome:
    records: int = 0  # records scored
    candidates: int = 0  # entities profiled
    auto_links: int = 0
    reviewed: int = 0
    band: int = 0


def _open_records(backend: Backend) -> list[dict[str, Any]]:
    """Records of people not linked by Tier A nor by an earlier run."""
    sticky = ("SELECT record_key FROM entity_mentions WHERE tier IN ('B', 'R')"
              if "entity_mentions" in backend.tables() else "SELECT NULL")
    table = backend.arrow(
        f"""SELECT * FROM {RECORDS} WHERE subject <> 'company'
          AND coalesce(party_type, '') NOT IN ('法人', '非法人组织')
          AND record_key NOT IN (SELECT r.record_key FROM {RECORD_OF} AS r JOIN {TIER_A} AS a
            ON a.tbl = r.tbl AND a.col = r.col AND a.file_hash = r.file_hash
            AND a.sheet IS NOT DISTINCT FROM r.sheet AND a."row" = r."row")
          AND record_key NOT IN ({sticky})
        ORDER BY record_key"""
    )
    rows = []
    for row in table.to_pylist():
        name = row.get("name") or ""
        if any(name.endswith(w) for w in COMPANY_WORDS):
            continue
        row.update(features(name or None, row.get("raw")))
        if row["pattern"] or row.get("phone") or row.get("address"):
            rows.append(row)
    return rows


def _table(records: list[dict[str, Any]], profiles: pa.Table) -> pa.Table:
    out: dict[str, list[Any]] = {k: [] for k in (
        "uid", "is_profile", "key", "name_s", "name_py", "surname_py", "given_py", "chars",
        "region6", "region4", "county2", "birth8", "birth4", "tail4", "pattern", "phone", "phones",
        "address", "addresses", "docs")}

    def add(is_profile: int, key: str, name: str | None, id_value: str | None,
            phones: list[str], addresses: list[str], docs: list[str]) -> None:
        feats = features(name, id_value)
        out["uid"].append(len(out["uid"]))
        out["is_profile"].append(is_profile)
        out["key"].append(key)
        for column in ("name_s", "name_py", "surname_py", "given_py", "chars", "region6",
                       "region4", "county2", "birth8", "birth4", "tail4", "pattern"):
            out[column].append(feats[column])
        out["phone"].append(phones[0] if phones else None)
        out["phones"].append(phones or None)
        out["address"].append(addresses[0] if addresses else None)
        out["addresses"].append(addresses or None)
        out["docs"].append(docs or None)

    for r in records:
        add(0, r["record_key"], r.get("name"), r.get("raw"), [r["phone"]] if r.get("phone")
            else [], [r["address"]] if r.get("address") else [],
            [r["doc_no"]] if r.get("doc_no") else [])
    for p in profiles.to_pylist():
        add(1, p["entity"], p["name"], p["id"], p["phones"] or [], p["addresses"] or [],
            p["docs"] or [])
    return pa.table(out)


def _linker(backend: Backend, table: pa.Table, records: list[dict[str, Any]]) -> Any:
    """The linker over ``table``: the saved model, else one trained now — m as the model states
    it, u from a random sample of the workspace's people (the candidates alone share keys with
    the records, and would make agreement look common), λ one in the number of people."""
    from splink import Linker

    api = backend.splink_api()
    saved = backend.rows("SELECT settings FROM entity_model ORDER BY saved_at DESC LIMIT 1")
    if saved:
        model: Any = json.loads(saved[0][0])
    else:
        backend.put(SPLINK_U, _table(records, background_rows(backend)))
        prior = 1.0 / max(person_count(backend), 2)
        trainer = Linker(api.register(SPLINK_U, table_name="zb_u"), settings(prior),
                         log_level=logging.WARNING)
        trainer.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=15)
        model = trainer.misc.save_model_to_json()
        backend.execute("INSERT INTO entity_model VALUES (now(), ?)", [json.dumps(model)])
    backend.put(SPLINK_IN, table)
    linker = Linker(api.register(SPLINK_IN, table_name="zb_in"), model, log_level=logging.WARNING)
    backend.put(NAME_TF, name_frequencies(backend))
    linker.table_management.register_term_frequency_lookup(
        api.register(NAME_TF, table_name="zb_tf_name"), "name_s")
    return linker


def level_labels(model: dict[str, Any]) -> dict[str, tuple[str, dict[int, str]]]:
    """Comparison → (its Chinese title, gamma value → level label), from the model's settings."""
    out = {}
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        labels = {len(levels) - 1 - i: str(lv.get("label_for_charts", "")) for i, lv in
                  enumerate(levels)}
        name = comparison["output_column_name"]
        out[name] = (TITLES.get(name, name), labels)
    return out


def _pairs(scored: pa.Table, labels: dict[str, tuple[str, dict[int, str]]]) -> list[Pair]:
    """Scored rows as pairs, each with its explanation: per comparison the level it fell in and
    the match weight (log2 Bayes factor) it added, and the term-frequency adjustment."""
    out = []
    for row in scored.to_pylist():
        weights: dict[str, Any] = {}
        for column in COMPARISONS:
            gamma = row.get(f"gamma_{column}")
            if gamma is None or gamma < 0:
                continue
            title, level = labels[column]
            weights[title] = {"level": level.get(int(gamma), ""),
                              "weight": round(float(row[f"mw_{column}"]), 2)}
        if row.get("mw_tf_adj_name"):
            weights["姓名常见程度"] = {"level": "词频调整",
                                  "weight": round(float(row["mw_tf_adj_name"]), 2)}
        weights["合计"] = {"level": "匹配权重", "weight": round(float(row["match_weight"]), 2)}
        pair = make_pair((row["is_profile_l"], row["key_l"], row["pattern_l"]),
                         (row["is_profile_r"], row["key_r"], row["pattern_r"]),
                         float(row["match_probability"]), weights)
        if pair is not None:
            out.append(pair)
    return out


def link_records(backend: Backend, decisions: Sequence[Decision],
                 run_id: int) -> Outcome:
    """Fill ``_zb_tier_b`` (record → entity, tier, probability) and the link and review tables
    of this run; the counts."""
    outcome = Outcome()
    records = _open_records(backend)
    outcome.records = len(records)
    pairs: list[Pair] = []
    if records:
        outcome.candidates = find_candidates(backend, record_keys(records))
        table = _table(records, profile_rows(backend))
        linker = _linker(backend, table, records)
        scored = linker.inference.predict(threshold_match_probability=REVIEW / 10,
                                          warning_mode="never")
        labels = level_labels(linker.misc.save_model_to_json())
        pairs = _pairs(backend.arrow(f"SELECT * FROM {scored.physical_name}"), labels)
    links: Links = decide(pairs, list(decisions))
    write_links(backend, links, run_id, decisions)
    outcome.auto_links = sum(1 for v in links.linked.values() if v[1] == "B")
    outcome.reviewed = sum(1 for v in links.linked.values() if v[1] == "R")
    outcome.band = len({(p.record, p.other_kind, p.other) for p in links.band})
    return outcome


__all__ = ["KEYS", "Outcome", "link_records"]
