#!/usr/bin/env bash
# Install everything zhongben needs on a fresh Debian machine, from the lock file.
#   scripts/setup.sh           Python environment (.venv) from uv.lock
#   scripts/setup.sh --system  also the Debian packages the product uses (chromium for the browser
#                              tests, PostgreSQL for the multi-user database, a CJK font for
#                              rendering documents) — needs root
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION="0.13.8"

install_python() {
  if [ "$(python3 -m uv --version 2>/dev/null | awk '{print $2}')" != "$UV_VERSION" ]; then
    echo "==> installing uv $UV_VERSION"
    python3 -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
  fi
  echo "==> installing the Python environment from uv.lock (with the Spark extra the tests use)"
  # --compile-bytecode: the byte code is written once here, not compiled again by every process
  # (each pytest-xdist worker, each CLI and server subprocess of the tests: seconds apiece where
  # PYTHONDONTWRITEBYTECODE is set, as in many containers)
  python3 -m uv sync --frozen --quiet --extra spark --compile-bytecode
}

if [ "${1:-}" = "--system" ]; then
  scripts/web/install-system-deps.sh
fi
install_python
