#!/usr/bin/env bash
# Install everything (including chromium and PostgreSQL) and run the checks and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --system
echo "==> ruff"; .venv/bin/ruff check src tests benchmarks
echo "==> mypy"; .venv/bin/mypy
if [ -x scripts/web/start-postgres.sh ] && [ -z "${ZHONGBEN_TEST_PG_URL:-}" ]; then
  eval "$(scripts/web/start-postgres.sh)"
fi
echo "==> pytest"
# The Spark parity suite (marker spark) runs too: one local[2] session in one xdist worker
# (group "spark", --dist loadgroup); a CTE read twice is stored once (engine/spark_steps.py).
exec .venv/bin/pytest -n 2 --dist loadgroup -q "$@"
