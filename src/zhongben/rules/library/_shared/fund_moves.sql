/*
view: fund_moves
description: 每笔转账一行（双方流水都有时只取付款方一笔）：付款、收款账户与户名
tables:
  transactions: [account_no, txn_at, amount, direction, counterparty_account, counterparty_name,
                 summary]
*/
WITH
legs AS (
  SELECT 'transactions' AS _table, t._file, t._row, t._batch, t.txn_at, t.amount, t.summary,
         t.direction,
         CASE WHEN t.direction = 'out' THEN t.account_no ELSE t.counterparty_account END
         AS from_account,
         CASE WHEN t.direction = 'out' THEN t.counterparty_account ELSE t.account_no END
         AS to_account,
         CASE WHEN t.direction = 'in' THEN t.counterparty_name END AS from_name,
         CASE WHEN t.direction = 'out' THEN t.counterparty_name END AS to_name
  FROM transactions AS t
)
SELECT g._table, g._file, g._row, g._batch, g.txn_at, g.amount, g.summary, g.from_account,
       g.to_account, g.from_name, g.to_name
FROM legs AS g
WHERE g.direction = 'out' OR NOT EXISTS (
  SELECT 1 FROM legs AS o
  WHERE o.direction = 'out' AND o.from_account = g.from_account
    AND o.to_account = g.to_account AND o.amount = g.amount
    AND CAST(o.txn_at AS DATE) = CAST(g.txn_at AS DATE)
)
