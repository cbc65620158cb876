#!/usr/bin/env bash
# Installs the system packages the product and its tests need: Debian's chromium (driven by
# Playwright through executable_path, never a browser download), a PostgreSQL server, and for the
# documents LibreOffice Writer headless (.docx → PDF), the free CJK fonts the PDF embeds in place of
# 方正小标宋简体/仿宋_GB2312/黑体/楷体_GB2312 (src/zhongben/documents/fonts/fonts.conf) and poppler
# (PDF page images). Idempotent, non-interactive.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  || need+=(postgresql)
fc-list 2>/dev/null | grep -qi "Noto Serif CJK SC" || need+=(fonts-noto-cjk fontconfig)
fc-list 2>/dev/null | grep -qi "AR PL UKai" || need+=(fonts-arphic-ukai)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Java 17 for the Spark engine (pyspark, the zhongben[spark] extra) and its parity tests
java -version 2>&1 | grep -q 'version "17' || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
echo "libreoffice: $(soffice --version 2>/dev/null | head -1 || echo missing)"
