"""Time-ordered multi-hop tracing from seed accounts, in SQL, one hop at a time.

Each traced step is a node of a tree rooted at a seed account: hop k follows a move out of the
account reached at hop k-1, carrying at least ``min_amount``, no earlier than the previous move
and at most ``window_days`` after it, to an account not already on the path. A chain stops where
the money stops being traceable, and says why (``END_KINDS``): it is never extended by guessing.

Tables (temporary, per connection): ``zb_trace_seeds``, ``zb_trace_nodes``, ``zb_trace_ends``.
The SQL is the portable subset (joins, NOT EXISTS, window functions) so it can run on Spark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from zhongben.graph.moves import ACCOUNTS_TABLE, MOVES_TABLE
from zhongben.graph.sql import for_engine

SEEDS_TABLE = "zb_trace_seeds"
NODES_TABLE = "zb_trace_nodes"
ENDS_TABLE = "zb_trace_ends"
TARGETS_TABLE = "zb_trace_targets"

END_KINDS: dict[str, str] = {
    "cash": "取现，现金去向无法从流水继续追踪",
    "no_account": "对方账号缺失（消费或无账号交易），链条在此中断",
    "target": "流入被执行人亲属或关联方账户",
    "not_obtained": "该账户流水未调取，链条在此中断，建议调取",
    "max_hops": "已达最大追踪层数",
    "stayed": "期限内无达到金额下限的后续转出（资金留存或被拆分）",
}


@dataclass(frozen=True)
class TraceParams:
    hops: int = 3
    window_days: int = 30
    min_amount: float = 100_000


@dataclass(frozen=True)
class Seed:
    seed_id: str  # the debtor's ID
    account_no: str
    since: dt.datetime | None = None  # first hop no earlier than this


def register_seeds(con: duckdb.DuckDBPyConnection, seeds: Sequence[Seed]) -> None:
    table = pa.table(
        {
            "seed_id": pa.array([s.seed_id for s in seeds], pa.string()),
            "account_no": pa.array([s.account_no for s in seeds], pa.string()),
            "since": pa.array([s.since for s in seeds], pa.timestamp("us")),
        }
    )
    con.register("zb_trace_seed_input", table)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {SEEDS_TABLE} AS SELECT * FROM zb_trace_seed_input"
    ).fetchall()
    con.unregister("zb_trace_seed_input")


_START = f"""
CREATE OR REPLACE TEMP TABLE {NODES_TABLE} AS
SELECT CAST(ROW_NUMBER() OVER (ORDER BY s.seed_id, s.account_no) AS BIGINT) AS node_id,
       CAST(NULL AS BIGINT) AS parent_id, s.seed_id, 0 AS hop, CAST(NULL AS BIGINT) AS edge_id,
       s.account_no AS account, s.since AS at, CONCAT('|', s.account_no, '|') AS visited,
       FALSE AS is_target
FROM {SEEDS_TABLE} AS s
"""

_HOP = f"""
INSERT INTO {NODES_TABLE}
SELECT $base + ROW_NUMBER() OVER (ORDER BY n.node_id, m.edge_id) AS node_id, n.node_id,
       n.seed_id, n.hop + 1, m.edge_id, m.to_account, m.txn_at,
       CONCAT(n.visited, COALESCE(m.to_account, '?'), '|'),
       EXISTS (SELECT 1 FROM {TARGETS_TABLE} AS t
               WHERE t.seed_id = n.seed_id AND t.account_no = m.to_account)
FROM {NODES_TABLE} AS n
JOIN {MOVES_TABLE} AS m ON m.from_account = n.account
WHERE n.hop = $hop AND NOT n.is_target
  AND m.amount >= $min_amount
  AND (n.at IS NULL OR m.txn_at >= n.at)
  AND (n.hop = 0 OR zb_days_between(n.at, m.txn_at) <= $window)
  AND (m.to_account IS NULL OR STRPOS(n.visited, CONCAT('|', m.to_account, '|')) = 0)
"""

_ENDS = f"""
CREATE OR REPLACE TEMP TABLE {ENDS_TABLE} AS
SELECT n.node_id, n.seed_id, n.hop, n.account,
       CASE
         WHEN n.account IS NULL AND (m.summary LIKE '%取现%' OR m.summary LIKE '%取款%'
              OR m.summary LIKE '%现金%' OR m.summary LIKE '%ATM%' OR m.channel = 'ATM')
           THEN 'cash'
         WHEN n.account IS NULL THEN 'no_account'
         WHEN n.is_target THEN 'target'
         WHEN NOT EXISTS (SELECT 1 FROM {ACCOUNTS_TABLE} AS a WHERE a.account_no = n.account)
           THEN 'not_obtained'
         WHEN n.hop >= $hops THEN 'max_hops'
         ELSE 'stayed'
       END AS end_kind
FROM {NODES_TABLE} AS n
LEFT JOIN {MOVES_TABLE} AS m ON m.edge_id = n.edge_id
WHERE n.hop > 0
  AND NOT EXISTS (SELECT 1 FROM {NODES_TABLE} AS c WHERE c.parent_id = n.node_id)
"""


def ensure_targets(con: duckdb.DuckDBPyConnection) -> None:
    """An empty targets table when the caller has not registered one."""
    con.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {TARGETS_TABLE} "
        "(seed_id VARCHAR, account_no VARCHAR, label VARCHAR)"
    ).fetchall()


def trace(con: duckdb.DuckDBPyConnection, params: TraceParams) -> dict[str, int]:
    """Trace from the registered seeds over ``zb_moves``; the number of chain ends per kind."""
    ensure_targets(con)
    con.execute(_START).fetchall()
    for hop in range(params.hops):
        [(base,)] = con.execute(f"SELECT COALESCE(MAX(node_id), 0) FROM {NODES_TABLE}").fetchall()
        con.execute(
            for_engine(_HOP),
            {
                "base": int(base),
                "hop": hop,
                "min_amount": params.min_amount,
                "window": params.window_days,
            },
        ).fetchall()
    con.execute(_ENDS, {"hops": params.hops}).fetchall()
    rows = con.execute(
        f"SELECT end_kind, count(*) FROM {ENDS_TABLE} GROUP BY end_kind ORDER BY end_kind"
    ).fetchall()
    return {str(kind): int(n) for kind, n in rows}


def _ancestors(depth: int) -> str:
    """The node ``depth`` steps above each chain end of the seed, by plain joins (no recursion:
    the depth of a chain is bounded by the hops traced)."""
    joins = "".join(
        f" JOIN {NODES_TABLE} AS a{d} ON a{d}.node_id = a{d - 1}.parent_id"
        for d in range(1, depth + 1)
    )
    return (
        f"SELECT e.node_id AS end_id, e.end_kind, a{depth}.hop, a{depth}.edge_id "
        f"FROM {ENDS_TABLE} AS e JOIN {NODES_TABLE} AS a0 ON a0.node_id = e.node_id{joins} "
        f"WHERE e.seed_id = $seed AND a{depth}.hop > 0"
    )


def paths_sql(depth: int) -> str:
    """Every hop of every chain end of ``$seed``, chains at most ``depth`` hops long."""
    up = " UNION ALL ".join(_ancestors(d) for d in range(max(depth, 1)))
    return f"""
SELECT up.end_id, up.end_kind, up.hop, m.from_account, m.to_account, m.txn_at, m.amount,
       m.summary, m.from_name, m.to_name, m._file, m._row
FROM ({up}) AS up
JOIN {MOVES_TABLE} AS m ON m.edge_id = up.edge_id
ORDER BY up.end_id, up.hop
"""


@dataclass(frozen=True)
class Hop:
    from_account: str | None
    to_account: str | None
    txn_at: dt.datetime
    amount: float
    summary: str | None
    from_name: str | None
    to_name: str | None
    file: str | None
    row: int | None


@dataclass(frozen=True)
class TracedPath:
    end_kind: str
    hops: tuple[Hop, ...]

    @property
    def end_text(self) -> str:
        return END_KINDS[self.end_kind]


def traced_paths(con: duckdb.DuckDBPyConnection, seed_id: str) -> list[TracedPath]:
    """Every traced chain from ``seed_id``'s accounts, hop by hop, with why it ends."""
    [(depth,)] = con.execute(f"SELECT COALESCE(MAX(hop), 0) FROM {NODES_TABLE}").fetchall()
    rows = con.execute(paths_sql(int(depth)), {"seed": seed_id}).fetchall()
    paths: dict[int, tuple[str, list[Hop]]] = {}
    for end_id, kind, _hop, *rest in rows:
        hop = Hop(
            rest[0], rest[1], rest[2], float(rest[3]), rest[4], rest[5], rest[6], rest[7], rest[8]
        )
        paths.setdefault(int(end_id), (str(kind), []))[1].append(hop)
    return [TracedPath(kind, tuple(hops)) for kind, hops in paths.values()]
