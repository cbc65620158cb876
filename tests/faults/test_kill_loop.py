"""kill -9 at random moments of ingest, screen and publish: after the reruns every store is
consistent and holds exactly what an uninterrupted run gives (a few rounds here; many in
``benchmarks/kill_bench.py``)."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from kill_harness import fresh, killed_round, run_all, state

from zhongben.synth import generate

ROUNDS = int(os.environ.get("KILL_ROUNDS", "1"))
AS_OF = "2026-06-30"


@pytest.mark.slow
def test_killed_runs_rerun_to_the_uninterrupted_result(tmp_path: Path) -> None:
    world = tmp_path / "world"
    generate(seed=11, scale="tiny", out=world, plants=1)
    reference_ws = fresh(tmp_path / "reference")
    took = run_all(world, reference_ws, AS_OF)
    reference = state(reference_ws)
    assert reference["leads"] and reference["app.leads"] and reference["app.audit_ok"]
    rng = random.Random(19)
    for number in range(ROUNDS):
        ws = fresh(tmp_path / f"round{number}")
        done = killed_round(world, ws, AS_OF, took, rng)
        got = state(ws)
        differing = [k for k in reference if got.get(k) != reference[k]]
        assert not differing, (done.kills, differing)
