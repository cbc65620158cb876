#!/usr/bin/env bash
# The main job on the embedded default: install, generate the synthetic county world, ingest it,
# screen it, print the leads summary and the measured lead quality, write the Excel report, then
# serve the web application on the demo world.
#   scripts/demo.sh [--no-serve]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
Z=.venv/bin/zhongben
AS_OF=2026-06-30
mkdir -p demo
if [ ! -f demo/world/entities_truth.csv ]; then
  echo "==> 1/5 生成合成县级数据（虚构数据，不含任何真实个人信息）"
  $Z synth --scale county --seed 1 --as-of "$AS_OF" --out demo/world
fi
echo "==> 2/5 导入与身份解析"
$Z ingest demo/world --db demo/demo.duckdb
$Z entities resolve --db demo/demo.duckdb
echo "==> 3/5 筛查（筛查日期 $AS_OF）"
$Z screen --db demo/demo.duckdb --as-of "$AS_OF" --format xlsx --out demo/leads.xlsx
echo "==> 12309 申请监督：匹配案件、立即筛查、标注来源"
$Z petitions match --db demo/demo.duckdb --as-of "$AS_OF" 2>&1 | tail -1
echo "==> 4/5 线索质量（与植入的真值比对）"
$Z evaluate --db demo/demo.duckdb --truth demo/world/truth.csv --as-of "$AS_OF"
$Z evaluate --entities --db demo/demo.duckdb --truth demo/world/entities_truth.csv
echo "==> 模型成效回测（演示办案历史，合成数据）"
$Z models report --db demo/demo.duckdb --demo --by rule
echo "完整报告：$(pwd)/demo/leads.xlsx"
if [ "${1:-}" != "--no-serve" ]; then
  echo "==> 5/5 网页应用"
  exec $Z serve --db demo/demo.duckdb --demo
fi
