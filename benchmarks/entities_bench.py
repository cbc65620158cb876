"""Benchmark of entity resolution (issue 15): resolution time, mentions per second and peak memory
of ``zhongben entities resolve`` on an ingested world, with the exact-ID join measured in the same
run as the floor (what linking mentions by their written ID alone costs on the same data).

    .venv/bin/python benchmarks/entities_bench.py --db province.duckdb
    .venv/bin/python benchmarks/entities_bench.py --world DIR            # ingest DIR, resolve
    .venv/bin/python benchmarks/entities_bench.py --scale province --seed 5 --tmp /big/disk
                                                                        # generate, ingest, resolve

Target (issue 15): the province world resolved on 2 cores in ≤ 15 minutes and ≤ 8 GB peak. The
workspace is copied first (resolution writes the entity columns); each measured step runs in its
own process, which reports its own peak RSS. On a shared machine CPU time is the steadier figure.
A world is ingested through the real ``zhongben ingest`` (its noisy IDs need the checks), but only
the files of tables with a subject-ID column: resolution reads nothing else (bank transactions,
the bulk of a province, hold account numbers only).
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

# The child's own peak: VmHWM belongs to the process's memory map, made new at exec. (ru_maxrss
# is kept across exec on Linux, so a child started after the bench generated a province world
# in-process reported the generator's 15 GB peak as its own.)
PEAK = """
def peak_mb():
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024
"""
RESOLVE = PEAK + """
import json, sys
from zhongben.workspace import Workspace
r = Workspace(sys.argv[1]).resolve_entities()
print(json.dumps({**r.figures(), "peak_mb": peak_mb()}, ensure_ascii=False))
"""
FLOOR = PEAK + """
import json, sys, time
import duckdb
from zhongben.identity.sources import SOURCES
con = duckdb.connect(sys.argv[1])
union = " UNION ALL ".join(
    f'SELECT "{s.column}" AS id FROM "{s.table}" WHERE "{s.column}" IS NOT NULL' for s in SOURCES)
started = time.perf_counter()
con.execute(f"CREATE TEMP TABLE ids AS SELECT id, count(*) AS n FROM ({union}) GROUP BY id")
(joined,) = con.execute(f"SELECT count(*) FROM ({union}) AS m JOIN ids USING (id)").fetchone()
print(json.dumps({"seconds": time.perf_counter() - started, "mentions": joined,
                  "peak_mb": peak_mb()}))
"""


def measured(code: str, *args: str) -> tuple[dict[str, object], float, float, float]:
    """(the child's JSON, wall s, CPU s, the child's own peak RSS MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    env = {**os.environ, "ZHONGBEN_APP_DB": ""}
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                          text=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result, wall, cpu, float(result["peak_mb"])


def prepared(args: argparse.Namespace, folder: Path) -> Path:
    """A copy of the given workspace, or a world (given, or generated now) ingested now."""
    target = folder / "bench.duckdb"
    if args.db:
        shutil.copy(args.db, target)
        return target
    from zhongben.workspace import Workspace

    world = Path(args.world) if args.world else folder / "world"
    if not args.world:
        from zhongben.synth import generate

        started = time.perf_counter()
        generate(seed=args.seed, scale=args.scale, out=world)
        print(f"generated {args.scale} world (seed {args.seed}) in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    report = Workspace(target).ingest(mention_files(world))
    assert report.ok, report.refused
    print(f"ingested the mention tables in {time.perf_counter() - started:.0f} s", flush=True)
    return target


def mention_files(world: Path) -> list[Path]:
    """The world's files of tables that hold a subject-ID column (all resolution reads)."""
    from zhongben.identity.sources import SOURCES

    return [world / f"{t}.csv" for t in sorted({s.table for s in SOURCES})
            if (world / f"{t}.csv").exists()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an ingested (unresolved) workspace to copy")
    parser.add_argument("--world", help="a synthetic world folder to ingest")
    parser.add_argument("--scale", default="county", help="else generate this scale")
    parser.add_argument("--seed", type=int, default=1, help="of the generated world")
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
