#!/usr/bin/env bash
# Installs the system packages the web tests need: Debian's chromium (driven by Playwright through
# executable_path, never a browser download) and a PostgreSQL server. Idempotent, non-interactive.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  || need+=(postgresql)
fc-list 2>/dev/null | grep -qi "noto.*cjk\|wqy" || need+=(fonts-noto-cjk fontconfig)
# Java 17 for the Spark engine (pyspark, the zhongben[spark] extra) and its parity tests
java -version 2>&1 | grep -q 'version "17' || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
