"""A workspace with a few statements, written the way banks export them (one row per side)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pytest

from zhongben.workspace import ensure_schema


@pytest.fixture()
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    c = duckdb.connect()
    ensure_schema(c)
    yield c
    c.close()


def transfer(
    con: duckdb.DuckDBPyConnection,
    src: str | None,
    dst: str | None,
    at: str,
    amount: float,
    obtained: set[str],
    summary: str = "转账",
    channel: str = "网银",
) -> None:
    """One transfer, as the statements of the obtained accounts show it."""
    when = dt.datetime.fromisoformat(at)
    sides = []
    if src in obtained:
        sides.append((src, "out", dst))
    if dst in obtained:
        sides.append((dst, "in", src))
    for account, direction, other in sides:
        [(number,)] = con.execute("SELECT count(*) + 2 FROM transactions").fetchall()
        con.execute(
            "INSERT INTO transactions (account_no, txn_at, amount, direction, counterparty_account,"
            " summary, channel, _file, _row, _batch) VALUES (?,?,?,?,?,?,?,?,?,1)",
            [account, when, amount, direction, other, summary, channel, f"{account}.xlsx", number],
        ).fetchall()
