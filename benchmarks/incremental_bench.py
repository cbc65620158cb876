"""``screen --incremental`` against a full screen (issue 19 part 7; target ≤ 5 % of the full time).

On a copy of a workspace (province by default), 1 % of the cases and every row of theirs in the
case tables (parties, actions, payments, documents, restrictions, lawsuits, auctions) are marked
as the newest load batch — a quarterly ledger of new cases. Measured in one run: a full screen
(leads stored), then the incremental screen of that batch; printed: both times, the ratio, the
affected keys, and whether the incremental leads equal the full screen's for those keys.

    flock /tmp/zb-bench.lock .venv/bin/python benchmarks/incremental_bench.py \\
        --db /tmp/province.duckdb --as-of 2026-06-30 [--share 0.01]
    (make the workspace as benchmarks/rules_bench.py says)
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.ingest.catalog import ensure_catalog, finish_batch, start_batch
from zhongben.leads.store import WorkspaceLeads
from zhongben.rules.incremental import screen_batch
from zhongben.rules.loader import load_library
from zhongben.rules.screen import screen

CASE_TABLES = ("cases", "parties", "actions", "payments", "documents", "restrictions",
               "lawsuits", "auctions")


def mark_batch(con: duckdb.DuckDBPyConnection, share: float, seed: int) -> tuple[int, int]:
    """The batch id and the number of cases marked as loaded in it."""
    ensure_catalog(con)
    (loaded,) = con.execute("SELECT max(_batch) FROM cases").fetchone() or (None,)
    (known,) = con.execute("SELECT max(batch) FROM _batches").fetchone() or (None,)
    if loaded is not None and (known is None or known < loaded):  # fast_world: no catalog
        start = start_batch(con, "fast_world")
        con.execute(f"UPDATE _batches SET batch = {int(loaded)} WHERE batch = {start}")
        finish_batch(con, int(loaded))
    batch = start_batch(con, f"bench {share:.2%}")
    con.execute(f"""CREATE TEMP TABLE bench_cases AS SELECT case_no FROM cases
                    WHERE hash(case_no || '{seed}') % 100000 < {int(share * 100000)}""")
    for name in CASE_TABLES:
        con.execute(f"UPDATE {name} SET _batch = {batch} "
                    "WHERE case_no IN (SELECT case_no FROM bench_cases)")
    finish_batch(con, batch)
    (count,) = con.execute("SELECT count(*) FROM bench_cases").fetchone() or (0,)
    return batch, int(count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--share", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        shutil.copy(args.db, path)
        con = duckdb.connect(str(path))
        engine, library, store = DuckDBEngine(con), load_library(), WorkspaceLeads(con)
        batch, cases = mark_batch(con, args.share, args.seed)
        started = time.perf_counter()
        full = screen(engine, library, args.as_of, leads_store=store)
        full_s = time.perf_counter() - started
        started = time.perf_counter()
        result = screen_batch(engine, library, args.as_of, store, batch)
        inc_s = time.perf_counter() - started
        (scope,) = con.execute("SELECT scope FROM screen_runs WHERE run_id = ?",
                               [result.run_id]).fetchone() or ("",)
        con.close()
    keys = {lead.key for lead in result.leads}
    want = [dataclasses.asdict(x) for x in full.leads if x.key in keys]
    got = [dataclasses.asdict(x) for x in result.leads]
    print(f"batch: {cases} cases ({args.share:.1%}), run scope {scope}")
    print(f"full screen: {full_s:.2f} s, {len(full.leads)} leads")
    print(f"incremental screen: {inc_s:.2f} s, {len(result.leads)} leads re-screened")
    print(f"ratio incremental / full: {inc_s / full_s:.3f} (target ≤ 0.05)")
    print(f"same leads as the full screen for the keys: {want == got}")


if __name__ == "__main__":
    main()
