"""Tracing follows money in time order and says where and why each chain ends."""

from __future__ import annotations

import datetime as dt
import random

import duckdb
import pytest
from tests.graph.conftest import transfer

from zhongben.graph.baseline import end_counts, sql_chains, trace_networkx
from zhongben.graph.moves import build_moves
from zhongben.graph.trace import Seed, TraceParams, register_seeds, trace, traced_paths

AS_OF = dt.date(2024, 12, 31)
PARAMS = TraceParams(hops=3, window_days=30, min_amount=100_000)


def run(
    con: duckdb.DuckDBPyConnection,
    seeds: list[Seed],
    targets: list[tuple[str, str]] = (),
    params: TraceParams = PARAMS,
) -> dict[str, int]:
    build_moves(con, AS_OF, params.min_amount)
    register_seeds(con, seeds)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE zb_trace_targets "
        "(seed_id VARCHAR, account_no VARCHAR, label VARCHAR)"
    ).fetchall()
    for seed, account in targets:
        con.execute(
            "INSERT INTO zb_trace_targets VALUES (?, ?, '配偶')", [seed, account]
        ).fetchall()
    return trace(con, params)


def test_each_chain_ends_with_its_reason(con: duckdb.DuckDBPyConnection) -> None:
    ok = {"D", "B", "S"}  # statements obtained for the debtor D, B and S
    transfer(con, "D", "B", "2024-03-01 10:00", 300_000, ok)
    transfer(con, "B", None, "2024-03-02 10:00", 120_000, ok, summary="ATM取现", channel="ATM")
    transfer(con, "B", "X", "2024-03-03 10:00", 150_000, ok)  # X: statement never obtained
    transfer(con, "D", "S", "2024-04-01 10:00", 200_000, ok)  # spouse: a target
    transfer(con, "S", "Y", "2024-04-02 10:00", 200_000, ok)  # not followed past a target
    transfer(con, "D", "B", "2024-05-01 10:00", 110_000, ok)  # B does nothing within 30 days
    transfer(con, "B", "Z", "2024-06-15 10:00", 110_000, ok)  # … only 45 days later
    counts = run(con, [Seed("debtor", "D")], [("debtor", "S")])
    assert counts == {"cash": 1, "not_obtained": 1, "stayed": 1, "target": 1}
    paths = {tuple(h.to_account for h in p.hops): p.end_kind for p in traced_paths(con, "debtor")}
    assert paths == {
        ("B", None): "cash",
        ("B", "X"): "not_obtained",
        ("S",): "target",
        ("B",): "stayed",
    }


def test_money_is_followed_forward_in_time_only(con: duckdb.DuckDBPyConnection) -> None:
    ok = {"D", "A", "B"}
    transfer(con, "A", "B", "2024-02-28 10:00", 500_000, ok)  # before the money arrived at A
    transfer(con, "D", "A", "2024-03-01 10:00", 500_000, ok)
    transfer(con, "A", "B", "2024-03-20 10:00", 450_000, ok)
    transfer(con, "B", "C", "2024-04-25 10:00", 450_000, ok)  # 36 days after reaching B
    run(con, [Seed("debtor", "D")])
    [path] = traced_paths(con, "debtor")
    assert [h.to_account for h in path.hops] == ["A", "B"]
    assert path.end_kind == "stayed"


def test_max_hops_and_no_loops(con: duckdb.DuckDBPyConnection) -> None:
    ok = {"D", "A", "B", "C"}
    transfer(con, "D", "A", "2024-03-01 10:00", 500_000, ok)
    transfer(con, "A", "B", "2024-03-02 10:00", 500_000, ok)
    transfer(con, "B", "A", "2024-03-03 10:00", 500_000, ok)  # back to A: not followed
    transfer(con, "B", "C", "2024-03-04 10:00", 500_000, ok)
    transfer(con, "C", "E", "2024-03-05 10:00", 500_000, ok)  # a 4th hop
    assert run(con, [Seed("debtor", "D")]) == {"max_hops": 1}
    [path] = traced_paths(con, "debtor")
    assert [h.to_account for h in path.hops] == ["A", "B", "C"]


def test_a_transfer_seen_on_both_statements_is_one_move(con: duckdb.DuckDBPyConnection) -> None:
    transfer(con, "D", "A", "2024-03-01 10:00", 500_000, {"D", "A"})
    assert con.execute("SELECT count(*) FROM transactions").fetchone() == (2,)
    assert build_moves(con, AS_OF) == 1


def random_world(
    con: duckdb.DuckDBPyConnection, seed: int
) -> tuple[list[Seed], list[tuple[str, str]]]:
    rng = random.Random(seed)
    accounts = [f"A{i:02d}" for i in range(40)]
    obtained = set(rng.sample(accounts, 28))
    start = dt.datetime(2024, 1, 1)
    for _ in range(400):
        src = rng.choice(accounts)
        dst = rng.choice([*accounts, None])
        if src == dst:
            continue
        at = start + dt.timedelta(minutes=rng.randrange(0, 150 * 24 * 60))
        amount = rng.choice([50_000, 100_000, 150_000, 300_000])
        summary = rng.choice(["转账", "ATM取现", "消费"]) if dst is None else "转账"
        transfer(con, src, dst, at.isoformat(sep=" "), amount, obtained, summary=summary)
    seeds = [
        Seed(f"debtor{i}", a, start + dt.timedelta(days=10 * i))
        for i, a in enumerate(sorted(obtained)[:6])
    ]
    targets = [(s.seed_id, rng.choice(accounts)) for s in seeds for _ in range(3)]
    return seeds, targets


@pytest.mark.parametrize("world_seed", [1, 2, 3])
def test_sql_tracing_finds_exactly_what_networkx_finds(
    con: duckdb.DuckDBPyConnection, world_seed: int
) -> None:
    seeds, targets = random_world(con, world_seed)
    counts = run(con, seeds, targets)
    expected = trace_networkx(con, PARAMS)
    assert sorted(sql_chains(con)) == sorted(expected)
    assert counts == end_counts(expected)
    assert len(expected) > 20  # the random world is not trivially empty
