"""Fund-flow tracing benchmark: SQL tracing (DuckDB) at province size, and the same tracing on a
city-size sample against a straightforward networkx implementation, ratio measured in this run.

    .venv/bin/python benchmarks/flows_bench.py                       # 50 M rows, 10,000 debtors
    .venv/bin/python benchmarks/flows_bench.py --transactions 2e6    # a quick look
    .venv/bin/python benchmarks/flows_bench.py --db province.duckdb  # an ingested world

Without ``--db`` the statements are generated inside DuckDB (deterministic hashes, no files):
accounts with log-normal amounts, 2 % large transfers (≥ 100,000) so that chains exist, a third of
transfers seen on both statements (to exercise de-duplication), cash withdrawals without a
counterparty, and the debtors' accounts with large outgoing transfers. Target: tracing from
10,000 debtors, 3 hops, 30-day window, under 5 minutes on this machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from zhongben.graph.baseline import end_counts, load_graph, sql_chains, trace_networkx
from zhongben.graph.moves import build_moves
from zhongben.graph.trace import TARGETS_TABLE, Seed, TraceParams, register_seeds, trace

AS_OF = dt.date(2025, 10, 31)
PARAMS = TraceParams(hops=3, window_days=30, min_amount=100_000)
BUDGET_SECONDS = 300

_GENERATE = """
CREATE OR REPLACE TABLE transactions AS
WITH base AS (
  SELECT i, hash(i) AS h1, hash(i + 4611686018427387904) AS h2
  FROM range($rows) AS t(i)
), shaped AS (
  SELECT i,
         (h1 & 1048575) / 1048576.0 AS u1,
         ((h1 >> 20) & 1048575) / 1048576.0 AS u2,
         ((h1 >> 40) & 1048575) / 1048576.0 AS u3,
         (h2 & 4294967295) % $accounts AS acct,
         (h2 >> 32) % $accounts AS other,
         ((h1 >> 20) * 7 + (h2 >> 12)) % (730 * 86400) AS second
  FROM base
), valued AS (
  SELECT i, acct, other, u3,
         CASE WHEN u1 < 0.02 THEN 100000 + floor(u2 * 900000)
              ELSE round(exp(7.2 + 1.3 * sqrt(-2 * ln(u1 + 1e-9)) * cos(6.2831853 * u2)), 2)
         END AS amount,
         TIMESTAMP '2023-11-01 00:00:00' + to_seconds(second) AS txn_at
  FROM shaped
  WHERE acct % 10 >= 3 OR acct < $debtors  -- 30 % of accounts: statement never obtained
)
SELECT printf('62%015d', acct) AS account_no, txn_at, CAST(amount AS DECIMAL(18, 2)) AS amount,
       CASE WHEN u3 < 0.45 THEN 'in' ELSE 'out' END AS direction,
       CASE WHEN u3 >= 0.97 THEN NULL ELSE printf('62%015d', other) END AS counterparty_account,
       NULL::VARCHAR AS counterparty_name,
       CASE WHEN u3 >= 0.97 THEN 'ATM取现' ELSE '转账' END AS summary,
       CASE WHEN u3 >= 0.97 THEN 'ATM' ELSE '网银' END AS channel,
       'bench.csv' AS _file, CAST(i + 2 AS INTEGER) AS _row, 1 AS _batch
FROM valued
"""

_MIRROR = """
INSERT INTO transactions
SELECT counterparty_account, txn_at, amount, 'in', account_no, NULL, summary, channel,
       'mirror.csv', _row, 1
FROM transactions
WHERE direction = 'out' AND counterparty_account IS NOT NULL AND hash(_row) % 3 = 0
  AND (CAST(substr(counterparty_account, 3) AS BIGINT) % 10 >= 3
       OR CAST(substr(counterparty_account, 3) AS BIGINT) < $debtors)
"""

_DEBTOR_FLOWS = """
INSERT INTO transactions
SELECT printf('62%015d', d), TIMESTAMP '2024-06-01 09:00:00' + to_seconds(k * 86400 * 9 + d),
       CAST(150000 + (hash(d * 3 + k) % 200000) AS DECIMAL(18, 2)), 'out',
       printf('62%015d', hash(d * 5 + k) % $accounts), NULL, '转账', '网银', 'debtors.csv',
       CAST(d * 3 + k AS INTEGER), 1
FROM range($debtors) AS a(d), range(3) AS b(k)
"""


def account_count(rows: int, debtors: int) -> int:
    return max(rows // 16, debtors * 2)


def generate(con: duckdb.DuckDBPyConnection, rows: int, debtors: int) -> int:
    """At least ``rows`` statement rows (30 % of accounts unobtained, a third mirrored)."""
    accounts = account_count(rows, debtors)
    rows = int(rows / 0.78)  # 70 % of accounts kept, plus ~12 % mirrored rows
    con.execute(_GENERATE, {"rows": rows, "accounts": accounts, "debtors": debtors}).fetchall()
    con.execute(_MIRROR, {"debtors": debtors}).fetchall()
    con.execute(_DEBTOR_FLOWS, {"debtors": debtors, "accounts": accounts}).fetchall()
    [(count,)] = con.execute("SELECT count(*) FROM transactions").fetchall()
    return int(count)


def seeds_and_targets(con: duckdb.DuckDBPyConnection, debtors: int, accounts: int) -> None:
    """Debtor i holds account 62…i; two random accounts per debtor count as relatives'."""
    since = dt.datetime(2023, 11, 1)
    register_seeds(con, [Seed(f"D{d:06d}", f"62{d:015d}", since) for d in range(debtors)])
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {TARGETS_TABLE} AS "
        "SELECT seed_id, printf('62%015d', hash(seed_id || k) % $accounts) AS account_no, "
        "'亲属' AS label FROM zb_trace_seeds, range(2) AS t(k)", {"accounts": accounts}).fetchall()


def seeds_from_workspace(con: duckdb.DuckDBPyConnection, debtors: int) -> int:
    """The first ``debtors`` 终本 debtors holding an account, in an ingested workspace."""
    rows = con.execute(
        "SELECT DISTINCT p.id_no, a.account_no FROM parties p "
        "JOIN cases c ON c.case_no = p.case_no AND c.close_method = '终结本次执行程序' "
        "JOIN bank_accounts a ON a.holder_id = p.id_no WHERE p.role = '被执行人' "
        "ORDER BY 1, 2").fetchall()
    chosen = sorted({debtor for debtor, _ in rows})[:debtors]
    keep = set(chosen)
    register_seeds(con, [Seed(d, a) for d, a in rows if d in keep])
    con.execute(f"CREATE OR REPLACE TEMP TABLE {TARGETS_TABLE} "
                "(seed_id VARCHAR, account_no VARCHAR, label VARCHAR)").fetchall()
    return len(chosen)


def timed_sql_trace(con: duckdb.DuckDBPyConnection) -> tuple[float, float, dict[str, int]]:
    started = time.perf_counter()
    moves = build_moves(con, AS_OF, PARAMS.min_amount)
    built = time.perf_counter()
    counts = trace(con, PARAMS)
    done = time.perf_counter()
    print(f"  moves ≥ {PARAMS.min_amount:,.0f}: {moves:,}（建表 {built - started:.1f} 秒）")
    return built - started, done - built, counts


def province(args: argparse.Namespace, folder: Path) -> bool:
    con = duckdb.connect(str(args.db) if args.db else str(folder / "province.duckdb"))
    con.execute(f"SET threads = {args.threads}").fetchall()
    con.execute(f"SET memory_limit = '{args.memory}'").fetchall()
    if args.db:
        [(rows,)] = con.execute("SELECT count(*) FROM transactions").fetchall()
        debtors = seeds_from_workspace(con, args.debtors)
    else:
        started = time.perf_counter()
        rows = generate(con, int(args.transactions), args.debtors)
        print(f"生成 {rows:,} 条流水用时 {time.perf_counter() - started:.1f} 秒（不计入）")
        debtors = args.debtors
        seeds_and_targets(con, debtors, account_count(int(args.transactions), debtors))
    print(f"【省级规模】{rows:,} 条流水，{debtors:,} 名被执行人，{PARAMS.hops} 层，"
          f"{PARAMS.window_days} 天窗口")
    build, run, counts = timed_sql_trace(con)
    total = build + run
    print(f"  追踪 {run:.1f} 秒；合计 {total:.1f} 秒（目标 ≤ {BUDGET_SECONDS} 秒）"
          f"{'，达标' if total <= BUDGET_SECONDS else '，未达标'}")
    print(f"  链条终点：{counts}")
    con.close()
    return total <= BUDGET_SECONDS


def city(args: argparse.Namespace) -> float:
    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}").fetchall()
    rows = generate(con, int(args.city_transactions), args.city_debtors)
    seeds_and_targets(con, args.city_debtors,
                      account_count(int(args.city_transactions), args.city_debtors))
    print(f"【市级样本】{rows:,} 条流水，{args.city_debtors:,} 名被执行人（同一参数）")
    build, run, counts = timed_sql_trace(con)
    sql_seconds = build + run
    started = time.perf_counter()
    graph = load_graph(con)
    loaded = time.perf_counter()
    chains = trace_networkx(con, PARAMS, graph)
    nx_seconds = time.perf_counter() - started
    same = sorted(chains) == sorted(sql_chains(con))
    print(f"  SQL（DuckDB）{sql_seconds:.2f} 秒（其中去重建表 {build:.2f}、追踪 {run:.2f}）；"
          f"networkx {nx_seconds:.2f} 秒（建图 {loaded - started:.2f}、追踪 "
          f"{nx_seconds - (loaded - started):.2f}；图取自 SQL 已去重的转账，去重时间未计入）")
    ratio = nx_seconds / sql_seconds
    print(f"  倍数 networkx / SQL：全程 {ratio:.1f}×，同从去重转账表起 {nx_seconds / run:.1f}×；"
          f"结果一致：{'是' if same else '否'}；终点 {end_counts(chains)} vs {counts}")
    con.close()
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=float, default=50e6)
    parser.add_argument("--debtors", type=int, default=10_000)
    parser.add_argument("--city-transactions", type=float, default=12e6)
    parser.add_argument("--city-debtors", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory", default="8GB", help="DuckDB memory limit")
    parser.add_argument("--db", type=Path, help="an ingested workspace to trace in instead")
    parser.add_argument("--skip-province", action="store_true")
    parser.add_argument("--skip-city", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flows_bench_") as tmp:
        if not args.skip_city:
            city(args)
        ok = True if args.skip_province else province(args, Path(tmp))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
