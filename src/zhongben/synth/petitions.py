"""The demo world's 12309 register (``petitions.csv``): a few dozen applications drawn from the
world's 终本 cases — some naming the 案号 (in the --messy world in the bracket and width
variants real registers carry), some only the applicant's ID, some only names, and some matching
no case. Drawn with a generator of its own after every other table is written, so the rest of
the world and its truth do not change."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from zhongben.contracts import TABLES
from zhongben.synth.identity.truth import MentionTruth
from zhongben.synth.world import World

SALT = 18_005  # issue 18 part 5
CHANNELS = ("12309网站", "12309热线", "来信", "来访")
CLAIMS = ("法院未穷尽财产调查即终结本次执行程序，请求监督",
          "被执行人名下有车辆仍在使用，法院未处置",
          "终本后发现被执行人有房产，申请恢复执行未获答复",
          "执行款已到账但迟迟未发放", "被执行人转移财产，法院未采取措施")
COLUMNS = TABLES["petitions"].column_names
ROW = "_party_row"  # not written to the file
COUNTS = {"case_no": 16, "id": 8, "name": 6, "none": 6}


def _variant(case_no: str, pick: int) -> str:
    """The 案号 as a clerk typed it: full-width brackets, 〔〕, blanks, or as it is."""
    if pick == 0:
        return case_no.replace("(", "（").replace(")", "）")
    if pick == 1:
        return case_no.replace("(", "〔").replace(")", "〕")
    if pick == 2:
        return case_no.replace("执", " 执 ")
    return case_no


def _applicants(world: World) -> list[dict[str, Any]]:
    cases = world.arrow("cases").to_pylist()
    closed = {c["case_no"]: c for c in cases if c.get("close_method") == "终结本次执行程序"}
    parties = [{**p, ROW: i + 2} for i, p in enumerate(world.arrow("parties").to_pylist())
               if p["case_no"] in closed]  # ROW: the party's row in parties.csv
    debtors = {p["case_no"]: p["name"] for p in parties if p["role"] == "被执行人"}
    names = Counter(p["name"] for p in world.arrow("parties").to_pylist())
    ids = Counter(p["id_no"] for p in world.arrow("parties").to_pylist() if p.get("id_no"))
    planted = {t.case_no for t in world.truth if t.case_no}
    found = []
    for p in parties:
        if p["role"] == "申请执行人" and p["case_no"] in debtors:
            found.append({**p, "debtor": debtors[p["case_no"]], "court": closed[p["case_no"]]
                          .get("court"), "unique": names[p["name"]] == 1,
                          "one_case": bool(p.get("id_no")) and ids[p["id_no"]] == 1,
                          "planted": p["case_no"] in planted})
    return sorted(found, key=lambda p: (p["case_no"], p["name"]))


def petition_rows(world: World, seed: int, as_of: dt.date,
                  messy: bool = False) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed + SALT)
    applicants = _applicants(world)
    if not applicants:
        return []
    order = [applicants[i] for i in rng.permutation(len(applicants))]
    # half the 案号 petitions name a case with a planted lead, so the demo shows their source
    by_case = [a for a in order if a["planted"]][:COUNTS["case_no"] // 2]
    by_case += [a for a in order if not a["planted"]]
    with_id = [a for a in order if a["one_case"]]
    unique = [a for a in order if a["unique"]]
    rows: list[dict[str, Any]] = []
    for kind, count in COUNTS.items():
        pool = {"case_no": by_case, "id": with_id, "name": unique, "none": order}[kind]
        for i in range(min(count, len(pool))):
            a = pool[i]
            received = as_of - dt.timedelta(days=int(rng.integers(1, 60)))
            row = {"petition_no": f"12309-{as_of.year}-{len(rows) + 1:04d}",
                   "received_on": received.isoformat(), "channel": CHANNELS[len(rows) % 4],
                   "applicant_name": a["name"], "claim_text": CLAIMS[len(rows) % len(CLAIMS)],
                   ROW: a[ROW]}
            if kind == "case_no":
                row.update(case_no=_variant(a["case_no"], i % 4) if messy else a["case_no"],
                           court=a["court"])
            elif kind == "id":
                row.update(applicant_id=a["id_no"])
            elif kind == "name":
                row.update(party_name=a["debtor"])
            else:
                row.update(applicant_name=f"来访人{i + 1}", case_no=f"(2019)浙9999执{9000 + i}号")
                row[ROW] = None  # a stranger, no party of the case
            if i % 3 == 0:
                row["accepted_on"] = (received + dt.timedelta(days=2)).isoformat()
            rows.append(row)
    return rows


def write_petitions(world: World, seed: int, as_of: dt.date, out: Path,
                    messy: bool = False) -> list[dict[str, Any]]:
    """``petitions.csv``; ``messy``: the 案号 as clerks type them (brackets, blanks). The rows are
    returned with each applicant's row in parties.csv (``ROW``), for ``entities_truth.csv``."""
    rows = petition_rows(world, seed, as_of, messy)
    with (out / "petitions.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def add_petition_truth(mentions: MentionTruth, rows: list[dict[str, Any]]) -> None:
    """Each petition's applicant is a mention (``applicant_id``, often only a name): noise
    ``name_only`` where the petition gives no ID (a name and nothing to compare: scored apart,
    ``zhongben.identity.evaluate``)."""
    if not rows:
        return
    parties = {}  # a party's row → who the party truly is (its ID in the file may be noisy)
    for part in mentions.parts.get("parties", []):
        for row, column, entity in zip(part["source_row"].to_pylist(), part["column"].to_pylist(),
                                       part["true_entity"].to_pylist(), strict=True):
            if column == "id_no":
                parties[row] = entity
    true = np.array([parties.get(r[ROW]) or f"来访人-{r['petition_no']}" for r in rows],
                    dtype=object)
    noise = np.array(["" if r.get("applicant_id") else "name_only" for r in rows], dtype=object)
    mentions.add("petitions", "applicant_id", true, noise)
    mentions.next_fragment("petitions", len(rows))
