"""Benchmark of the synthetic world generator: wall time, CPU time and peak memory per scale.

    .venv/bin/python benchmarks/synth_bench.py              # county and city
    .venv/bin/python benchmarks/synth_bench.py --province   # also the province (≥ 50 M txns)
    .venv/bin/python benchmarks/synth_bench.py --scales tiny,county --messy

Each scale runs in its own process so its peak RSS is its own. Targets (issue 3): county ≤ 15 s,
province ≤ 10 min. On a shared machine, CPU time is the steadier figure: wall time includes
waiting for the processor.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, sys, time
from zhongben.synth import generate
r = generate(seed=1, scale=sys.argv[1], out=sys.argv[2], messy=sys.argv[3] == "1")
print(json.dumps({"rows": sum(r.rows.values()), "transactions": r.rows.get("transactions", 0),
                  "truth": r.truth_rows, "seconds": r.seconds, "peak_mb": r.peak_rss_mb}))
"""


def run(scale: str, messy: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"synth-{scale}-") as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", CHILD, scale, out, "1" if messy else "0"],
                              check=True, capture_output=True, text=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        size = sum(p.stat().st_size for p in Path(out).iterdir())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {**result, "wall_s": wall, "cpu_s": cpu, "disk_mb": size / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="county,city")
    parser.add_argument("--province", action="store_true")
    parser.add_argument("--messy", action="store_true")
    args = parser.parse_args()
    scales = args.scales.split(",") + (["province"] if args.province else [])
    print(f"{'scale':<9} {'rows':>12} {'txns':>12} {'truth':>6} {'wall s':>8} {'cpu s':>8} "
          f"{'peak MB':>8} {'disk MB':>8}")
    for scale in scales:
        r = run(scale, args.messy)
        print(f"{scale:<9} {r['rows']:>12,} {r['transactions']:>12,} {r['truth']:>6} "
              f"{r['wall_s']:>8.1f} {r['cpu_s']:>8.1f} {r['peak_mb']:>8.0f} {r['disk_mb']:>8.0f}",
              flush=True)


if __name__ == "__main__":
    main()
