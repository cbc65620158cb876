"""Benchmark of entity resolution (issue 15): resolution time, mentions per second and peak memory
of ``zhongben entities resolve`` on an ingested world, with the exact-ID join measured in the same
run as the floor (what linking mentions by their written ID alone costs on the same data).

    .venv/bin/python benchmarks/entities_bench.py --db province.duckdb
    .venv/bin/python benchmarks/entities_bench.py --scale county         # generate, ingest, resolve

Target (issue 15): the province world resolved on 2 cores in ≤ 15 minutes and ≤ 8 GB peak. The
workspace is copied first (resolution writes the entity columns); each measured step runs in its
own process so its peak RSS is its own. On a shared machine CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESOLVE = """
import json, sys
from zhongben.workspace import Workspace
r = Workspace(sys.argv[1]).resolve_entities()
print(json.dumps(r.figures(), ensure_ascii=False))
"""
FLOOR = """
import json, sys, time
import duckdb
from zhongben.identity.sources import SOURCES
con = duckdb.connect(sys.argv[1])
union = " UNION ALL ".join(
    f'SELECT "{s.column}" AS id FROM "{s.table}" WHERE "{s.column}" IS NOT NULL' for s in SOURCES)
started = time.perf_counter()
con.execute(f"CREATE TEMP TABLE ids AS SELECT id, count(*) AS n FROM ({union}) GROUP BY id")
(joined,) = con.execute(f"SELECT count(*) FROM ({union}) AS m JOIN ids USING (id)").fetchone()
print(json.dumps({"seconds": time.perf_counter() - started, "mentions": joined}))
"""


def measured(code: str, *args: str) -> tuple[dict[str, object], float, float, float]:
    """(the child's JSON, wall s, CPU s, peak RSS MB of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    env = {**os.environ, "ZHONGBEN_APP_DB": ""}
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                          text=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(done.stdout.strip().splitlines()[-1]), wall, cpu, after.ru_maxrss / 1024


def prepared(args: argparse.Namespace, folder: Path) -> Path:
    """A copy of the given workspace, or a world generated and ingested now."""
    target = folder / "bench.duckdb"
    if args.db:
        shutil.copy(args.db, target)
        return target
    from zhongben.synth import generate
    from zhongben.workspace import Workspace

    generate(seed=1, scale=args.scale, out=folder / "world")
    Workspace(target).ingest([folder / "world"])
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an ingested (unresolved) workspace to copy")
    parser.add_argument("--scale", default="county", help="else generate this scale")
    parser.add_argument("--tmp", default=None, help="where to put the copy (needs disk space)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="entities-bench-", dir=args.tmp) as tmp:
        path = prepared(args, Path(tmp))
        floor, floor_wall, _, floor_mb = measured(FLOOR, str(path))
        report, wall, cpu, peak = measured(RESOLVE, str(path))
    mentions = int(report["mentions"])  # type: ignore[call-overload]
    print(f"mentions            {mentions:>14,}")
    print(f"without usable ID   {int(report['unresolved']):>14,}")  # type: ignore[call-overload]
    print(f"Tier-B records      {int(report['records']):>14,}")  # type: ignore[call-overload]
    print(f"resolve wall        {wall:>12.1f} s   (CPU {cpu:.1f} s, peak {peak:,.0f} MB)")
    print(f"mentions per second {mentions / wall:>14,.0f}")
    print(f"exact-ID join floor {float(floor['seconds']):>12.1f} s   "  # type: ignore[arg-type]
          f"(process {floor_wall:.1f} s, peak {floor_mb:,.0f} MB)")
    print(f"resolve / floor     {wall / max(float(floor['seconds']), 1e-9):>14.1f} ×")  # type: ignore[arg-type]
    print("steps (s):", json.dumps(report["timings"], ensure_ascii=False))
    print("targets (province): ≤ 900 s, ≤ 8,192 MB")


if __name__ == "__main__":
    main()
