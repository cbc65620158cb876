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
# The Spark parity suite (-m spark) is not in the default run yet: on two shared cores its fund-flow
# rules take minutes each (Spark recomputes a CTE at every reference); run it with
#   .venv/bin/pytest -m spark -n 0 tests/engine/test_spark_parity.py
exec .venv/bin/pytest -n 2 --dist loadgroup -q -m "not spark" "$@"
