"""The long fuzz budget: the properties of ``tests/ingest/test_fuzz_files.py`` (CSV in every
encoding, truncated workbooks, bombs, broken PDFs) with many more examples than the suite runs.

    .venv/bin/python benchmarks/fuzz_bench.py [EXAMPLES]     # default 500 per property

Prints the examples run, the time taken and the outcome; exits non-zero on the first
counterexample (hypothesis prints it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "500"
    env = {**os.environ, "FUZZ_EXAMPLES": examples}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "0", "-p",
                           "no:cacheprovider", str(ROOT / "tests/ingest/test_fuzz_files.py")],
                          env=env, cwd=ROOT)
    took = time.monotonic() - start
    verdict = "no counterexample" if done.returncode == 0 else "COUNTEREXAMPLE FOUND"
    print(f"fuzz: {examples} examples per property, {took:.0f} s, {verdict}")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
