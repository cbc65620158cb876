"""The long kill loop: ``ingest``, ``screen`` and ``publish`` of a synthetic world killed with
SIGKILL at random moments, rerun, and compared with an uninterrupted run, for many rounds
(``tests/faults/test_kill_loop.py`` runs one).

    .venv/bin/python benchmarks/kill_bench.py [ROUNDS] [--scale tiny|county] [--seed N]

Prints, per round, where each step was killed and whether every store came out equal; at the end
the rounds run, the kills that hit a running step, and the rounds that differed (must be 0)."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "faults"))

from kill_harness import fresh, killed_round, run_all, state  # noqa: E402

from zhongben.synth import generate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rounds", nargs="?", type=int, default=20)
    parser.add_argument("--scale", default="tiny")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kill-bench-") as tmp:
        base = Path(tmp)
        generate(seed=args.seed, scale=args.scale, out=base / "world", plants=1)
        took = run_all(base / "world", fresh(base / "reference"), "2026-06-30")
        reference = state(base / "reference" / "ws.duckdb")
        print("uninterrupted:", ", ".join(f"{k} {v:.1f} s" for k, v in took.items()))
        rng, differing, hits, start = random.Random(args.seed), 0, 0, time.monotonic()
        for number in range(args.rounds):
            ws = fresh(base / "round")
            done = killed_round(base / "world", ws, "2026-06-30", took, rng)
            got = state(ws)
            bad = [k for k in reference if got.get(k) != reference[k]]
            differing += bool(bad)
            hits += sum(running for _, _, running in done.kills)
            kills = ", ".join(f"{n}@{at:.1f}s" for n, at, _ in done.kills)
            outcome = f"DIFFERS {bad}" if bad else "equal"
            print(f"round {number + 1}: killed {kills} -> {outcome}")
        print(f"kill loop: {args.rounds} rounds, {hits} kills of a running step, "
              f"{differing} rounds differing, {time.monotonic() - start:.0f} s")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
