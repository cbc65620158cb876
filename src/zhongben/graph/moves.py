"""Money moves: every transfer once, as (from account → to account), numbered for tracing.

The moves are the library's shared view ``fund_moves`` (``rules/library/_shared/fund_moves.sql``:
a transfer whose two statements were both obtained is kept once, the payer's row; a row without a
counterparty account keeps a null ``to_account`` or ``from_account``), read as of the report's
date through the rules' compiler, so the report and the FL rules can never disagree.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from zhongben.rules.query import view_query

MOVES_TABLE = "zb_moves"
ACCOUNTS_TABLE = "zb_statement_accounts"

_MOVES = """
SELECT ROW_NUMBER() OVER (ORDER BY m.from_account, m.txn_at, m._file, m._row) AS edge_id,
       m._file, m._row, m._batch, m.txn_at, m.amount, m.summary, m.channel, m.from_account,
       m.to_account, m.from_name, m.to_name
FROM fund_moves AS m
WHERE m.amount >= :min_amount
"""

_ACCOUNTS = "SELECT DISTINCT t.account_no FROM transactions AS t"


def build_moves(con: duckdb.DuckDBPyConnection, as_of: dt.date, min_amount: float = 0) -> int:
    """Materialise ``zb_moves`` (transfers ≥ ``min_amount`` up to ``as_of``) and
    ``zb_statement_accounts`` (accounts whose statement was obtained); the number of moves."""
    moves = view_query(_MOVES, ["fund_moves"], as_of, {"min_amount": min_amount})
    con.execute(f"CREATE OR REPLACE TEMP TABLE {MOVES_TABLE} AS {moves}").fetchall()
    accounts = view_query(_ACCOUNTS, [], as_of)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {ACCOUNTS_TABLE} AS {accounts}").fetchall()
    [(count,)] = con.execute(f"SELECT count(*) FROM {MOVES_TABLE}").fetchall()
    return int(count)
