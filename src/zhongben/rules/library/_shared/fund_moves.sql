/*
view: fund_moves
description: 每笔转账一行（双方流水都有时只取付款方一笔）：付款、收款账户与户名
tables:
  transactions: [account_no, txn_at, amount, direction, counterparty_account, counterparty_name,
                 summary, channel]
*/
WITH
legs AS (
  SELECT 'transactions' AS _table, t._file, t._row, t._batch, t.txn_at, t.amount, t.summary,
         t.channel, t.direction,
         CASE WHEN t.direction = 'out' THEN t.account_no ELSE t.counterparty_account END
         AS from_account,
         CASE WHEN t.direction = 'out' THEN t.counterparty_account ELSE t.account_no END
         AS to_account,
         CASE WHEN t.direction = 'in' THEN t.counterparty_name END AS from_name,
         CASE WHEN t.direction = 'out' THEN t.counterparty_name END AS to_name
  FROM transactions AS t
),
-- Out-legs are kept as they are; an in-leg only when no out-leg shows the same transfer. Two
-- branches rather than one OR: the check then joins the in-legs alone, not every leg.
kept AS (
  SELECT g._table, g._file, g._row, g._batch, g.txn_at, g.amount, g.summary, g.channel,
         g.from_account, g.to_account, g.from_name, g.to_name
  FROM legs AS g
  WHERE g.direction = 'out'
  UNION ALL
  SELECT g._table, g._file, g._row, g._batch, g.txn_at, g.amount, g.summary, g.channel,
         g.from_account, g.to_account, g.from_name, g.to_name
  FROM legs AS g
  WHERE (g.direction <> 'out' OR g.direction IS NULL) AND NOT EXISTS (
    SELECT 1 FROM legs AS o
    WHERE o.direction = 'out' AND o.from_account = g.from_account
      AND o.to_account = g.to_account AND o.amount = g.amount
      AND CAST(o.txn_at AS DATE) = CAST(g.txn_at AS DATE)
  )
)
SELECT k._table, k._file, k._row, k._batch, k.txn_at, k.amount, k.summary, k.channel,
       k.from_account, k.to_account, k.from_name, k.to_name
FROM kept AS k
