"""A straightforward networkx implementation of the same tracing, for comparison only.

Used by the tests (the SQL tracing must find exactly the same chains) and by the benchmark (the
ratio of run times). networkx is a development dependency; nothing in the product imports this.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb

from zhongben.graph.moves import ACCOUNTS_TABLE, MOVES_TABLE
from zhongben.graph.trace import SEEDS_TABLE, TARGETS_TABLE, TraceParams

CASH_WORDS = ("取现", "取款", "现金", "ATM")
Chain = tuple[str, tuple[int, ...], str]  # seed, edge ids, end kind


@dataclass(frozen=True)
class Edge:
    edge_id: int
    to: str | None
    at: dt.datetime
    amount: float
    cash: bool


def load_graph(con: duckdb.DuckDBPyConnection) -> Any:
    """A networkx MultiDiGraph of ``zb_moves`` (edges keyed by edge id)."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    rows = con.execute(
        f"SELECT edge_id, from_account, to_account, txn_at, amount, summary, channel "
        f"FROM {MOVES_TABLE} WHERE from_account IS NOT NULL"
    ).fetchall()
    for edge_id, src, dst, at, amount, summary, channel in rows:
        cash = channel == "ATM" or any(w in (summary or "") for w in CASH_WORDS)
        graph.add_edge(
            src,
            dst if dst is not None else ("∅", edge_id),
            key=int(edge_id),
            edge=Edge(int(edge_id), dst, at, float(amount), cash),
        )
    return graph


class _Tracer:
    def __init__(
        self, graph: Any, params: TraceParams, targets: set[tuple[str, str]], obtained: set[str]
    ) -> None:
        self.graph, self.params = graph, params
        self.targets, self.obtained = targets, obtained
        self.chains: list[Chain] = []

    def walk(
        self,
        seed: str,
        account: str | None,
        at: dt.datetime | None,
        hop: int,
        visited: frozenset[str],
        path: tuple[int, ...],
        last: Edge | None,
    ) -> None:
        expanded = False
        if (
            account is not None
            and hop < self.params.hops
            and (hop == 0 or (seed, account) not in self.targets)
            and account in self.graph
        ):
            for _src, _dst, data in self.graph.out_edges(account, data=True):
                edge: Edge = data["edge"]
                if not self._follows(edge, at, hop, visited):
                    continue
                expanded = True
                self.walk(
                    seed,
                    edge.to,
                    edge.at,
                    hop + 1,
                    visited | {edge.to} if edge.to else visited,
                    (*path, edge.edge_id),
                    edge,
                )
        if hop > 0 and not expanded:
            assert last is not None
            self.chains.append((seed, path, self._end_kind(seed, account, hop, last)))

    def _follows(
        self, edge: Edge, at: dt.datetime | None, hop: int, visited: frozenset[str]
    ) -> bool:
        if edge.amount < self.params.min_amount or (at is not None and edge.at < at):
            return False
        if (
            hop > 0
            and at is not None
            and (edge.at.date() - at.date()).days > self.params.window_days
        ):
            return False
        return edge.to is None or edge.to not in visited

    def _end_kind(self, seed: str, account: str | None, hop: int, last: Edge) -> str:
        if account is None:
            return "cash" if last.cash else "no_account"
        if (seed, account) in self.targets:
            return "target"
        if account not in self.obtained:
            return "not_obtained"
        return "max_hops" if hop >= self.params.hops else "stayed"


def trace_networkx(
    con: duckdb.DuckDBPyConnection, params: TraceParams, graph: Any | None = None
) -> list[Chain]:
    """Every chain from the registered seeds (same tables and meaning as ``trace.trace``)."""
    graph = graph if graph is not None else load_graph(con)
    targets = {
        (s, a)
        for s, a in con.execute(f"SELECT seed_id, account_no FROM {TARGETS_TABLE}").fetchall()
    }
    obtained = {a for (a,) in con.execute(f"SELECT account_no FROM {ACCOUNTS_TABLE}").fetchall()}
    tracer = _Tracer(graph, params, targets, obtained)
    for seed, account, since in con.execute(
        f"SELECT seed_id, account_no, since FROM {SEEDS_TABLE} ORDER BY seed_id, account_no"
    ).fetchall():
        tracer.walk(seed, account, since, 0, frozenset({account}), (), None)
    return tracer.chains


def sql_chains(con: duckdb.DuckDBPyConnection) -> list[Chain]:
    """The chains the SQL tracing found, in the same shape as ``trace_networkx``'s."""
    nodes = {
        int(n): (p, e)
        for n, p, e in con.execute(
            "SELECT node_id, parent_id, edge_id FROM zb_trace_nodes"
        ).fetchall()
    }
    chains: list[Chain] = []
    for node_id, seed, kind in con.execute(
        "SELECT node_id, seed_id, end_kind FROM zb_trace_ends"
    ).fetchall():
        edges: list[int] = []
        current: int | None = int(node_id)
        while current is not None and nodes[current][1] is not None:
            parent, edge = nodes[current]
            edges.append(int(edge))
            current = int(parent) if parent is not None else None
        chains.append((seed, tuple(reversed(edges)), kind))
    return chains


def end_counts(chains: Iterable[Chain]) -> dict[str, int]:
    return dict(sorted(Counter(kind for _, _, kind in chains).items()))
