#!/usr/bin/env bash
# The main job on the embedded default: install, generate the synthetic county world, ingest it,
# screen it, print the leads summary and where the full report is, then serve the web app.
#   scripts/demo.sh [--no-serve]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m zhongben.demo "$@"
