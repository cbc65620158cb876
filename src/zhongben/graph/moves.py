"""Money moves: every transfer once, as (from account → to account), from the statements.

A transfer between two accounts whose statements were both obtained appears twice (支出 on the
payer's statement, 收入 on the payee's); it is kept once — the payer's row — when both show the
same accounts, amount and day. A row without a counterparty account (cash, card payments) keeps
a null ``to_account`` (or ``from_account``): a chain can end there but not continue.

The SQL is portable (DuckDB today, Spark later): plain joins, NOT EXISTS, window functions.
"""

from __future__ import annotations

import datetime as dt

import duckdb

MOVES_TABLE = "zb_moves"
ACCOUNTS_TABLE = "zb_statement_accounts"

_LEGS = """
SELECT t._file, t._row, t._batch, t.txn_at, t.amount, t.summary, t.channel, t.direction,
       CASE WHEN t.direction = 'out' THEN t.account_no ELSE t.counterparty_account END
       AS from_account,
       CASE WHEN t.direction = 'out' THEN t.counterparty_account ELSE t.account_no END
       AS to_account,
       CASE WHEN t.direction = 'in' THEN t.counterparty_name END AS from_name,
       CASE WHEN t.direction = 'out' THEN t.counterparty_name END AS to_name
FROM transactions AS t
WHERE t.amount >= $min_amount AND CAST(t.txn_at AS DATE) <= $as_of
"""

_MOVES = f"""
CREATE OR REPLACE TEMP TABLE {MOVES_TABLE} AS
WITH legs AS ({_LEGS})
SELECT ROW_NUMBER() OVER (ORDER BY g.from_account, g.txn_at, g._file, g._row) AS edge_id,
       g._file, g._row, g._batch, g.txn_at, g.amount, g.summary, g.channel, g.from_account,
       g.to_account, g.from_name, g.to_name
FROM legs AS g
WHERE g.direction = 'out' OR NOT EXISTS (
  SELECT 1 FROM legs AS o
  WHERE o.direction = 'out' AND o.from_account = g.from_account AND o.to_account = g.to_account
    AND o.amount = g.amount AND CAST(o.txn_at AS DATE) = CAST(g.txn_at AS DATE)
)
"""

_ACCOUNTS = f"""
CREATE OR REPLACE TEMP TABLE {ACCOUNTS_TABLE} AS
SELECT DISTINCT t.account_no FROM transactions AS t WHERE CAST(t.txn_at AS DATE) <= $as_of
"""


def build_moves(con: duckdb.DuckDBPyConnection, as_of: dt.date, min_amount: float = 0) -> int:
    """Materialise ``zb_moves`` (transfers ≥ ``min_amount`` up to ``as_of``) and
    ``zb_statement_accounts`` (accounts whose statement was obtained); the number of moves."""
    con.execute(_MOVES, {"min_amount": min_amount, "as_of": as_of}).fetchall()
    con.execute(_ACCOUNTS, {"as_of": as_of}).fetchall()
    [(count,)] = con.execute(f"SELECT count(*) FROM {MOVES_TABLE}").fetchall()
    return int(count)
