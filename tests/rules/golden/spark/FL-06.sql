WITH fund_moves__legs AS (
  SELECT
    'transactions' AS _table,
    t._file,
    t._row,
    t._batch,
    t.txn_at,
    t.amount,
    t.summary,
    t.channel,
    t.direction,
    CASE WHEN t.direction = 'out' THEN t.account_no ELSE t.counterparty_account END AS from_account,
    CASE WHEN t.direction = 'out' THEN t.counterparty_account ELSE t.account_no END AS to_account,
    CASE WHEN t.direction = 'in' THEN t.counterparty_name END AS from_name,
    CASE WHEN t.direction = 'out' THEN t.counterparty_name END AS to_name
  FROM (SELECT account_no, txn_at, amount, direction, counterparty_name, counterparty_account, counterparty_bank, summary, balance, channel, _file, _sheet, _file_hash, _row, _batch FROM transactions WHERE CAST(txn_at AS DATE) <= CAST('2025-06-30' AS DATE)) AS t
), fund_moves__kept AS (
  SELECT
    g._table,
    g._file,
    g._row,
    g._batch,
    g.txn_at,
    g.amount,
    g.summary,
    g.channel,
    g.from_account,
    g.to_account,
    g.from_name,
    g.to_name
  FROM fund_moves__legs AS g
  WHERE
    g.direction = 'out'
  UNION ALL
  SELECT
    g._table,
    g._file,
    g._row,
    g._batch,
    g.txn_at,
    g.amount,
    g.summary,
    g.channel,
    g.from_account,
    g.to_account,
    g.from_name,
    g.to_name
  FROM fund_moves__legs AS g
  WHERE
    (
      g.direction <> 'out' OR g.direction IS NULL
    )
    AND NOT EXISTS(
      SELECT
        1
      FROM fund_moves__legs AS o
      WHERE
        o.direction = 'out'
        AND o.from_account = g.from_account
        AND o.to_account = g.to_account
        AND o.amount = g.amount
        AND CAST(o.txn_at AS DATE) = CAST(g.txn_at AS DATE)
    )
), fund_moves AS (
  SELECT
    k._table,
    k._file,
    k._row,
    k._batch,
    k.txn_at,
    k.amount,
    k.summary,
    k.channel,
    k.from_account,
    k.to_account,
    k.from_name,
    k.to_name
  FROM fund_moves__kept AS k
), debtor_cases AS (
  SELECT
    p.id_no AS debtor_id,
    p.name AS debtor_name,
    c.case_no,
    c.closed_on,
    COALESCE(l.filed_on, c.filed_on) AS lawsuit_filed_on
  FROM parties AS p
  JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
    ON c.case_no = p.case_no
  LEFT JOIN (SELECT case_no, cause, plaintiff_name, plaintiff_id, plaintiff_id_invalid, defendant_name, defendant_id, defendant_id_invalid, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, amount, _file, _sheet, _file_hash, _row, _batch FROM lawsuits WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS l
    ON l.case_no = c.basis_no
  WHERE
    p.role = '被执行人' AND NOT p.id_no IS NULL AND c.close_method = '终结本次执行程序'
), relatives AS (
  SELECT
    r.person_a_id AS person_id,
    r.person_b_id AS relative_id,
    r.relation
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
  UNION ALL
  SELECT
    r.person_b_id AS person_id,
    r.person_a_id AS relative_id,
    CASE r.relation WHEN '父母' THEN '子女' WHEN '子女' THEN '父母' ELSE r.relation END AS relation
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
), transfers AS (
  SELECT
    dc.debtor_id,
    dc.debtor_name,
    dc.case_no,
    dc.closed_on,
    dc.lawsuit_filed_on,
    CONCAT(COALESCE(rel.relation, ''), COALESCE(ra.holder_name, '')) AS relative,
    m._table,
    m._file,
    m._row,
    m._batch,
    m.from_account,
    m.to_account,
    m.txn_at,
    m.amount,
    m.summary
  FROM debtor_cases AS dc
  JOIN (SELECT account_no, bank, holder_name, holder_id, holder_id_invalid, opened_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, _file, _sheet, _file_hash, _row, _batch FROM bank_accounts WHERE opened_on IS NULL OR opened_on <= CAST('2025-06-30' AS DATE)) AS da
    ON da.holder_id = dc.debtor_id
  JOIN fund_moves AS m
    ON m.from_account = da.account_no
  JOIN (SELECT account_no, bank, holder_name, holder_id, holder_id_invalid, opened_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, _file, _sheet, _file_hash, _row, _batch FROM bank_accounts WHERE opened_on IS NULL OR opened_on <= CAST('2025-06-30' AS DATE)) AS ra
    ON ra.account_no = m.to_account
  JOIN relatives AS rel
    ON rel.person_id = dc.debtor_id AND rel.relative_id = ra.holder_id
  WHERE
    CAST(m.txn_at AS DATE) >= (
      DATE_ADD(dc.lawsuit_filed_on, -(30))
    )
    AND CAST(m.txn_at AS DATE) <= dc.closed_on
), totals AS (
  SELECT
    x.debtor_id,
    x.case_no,
    COUNT(*) AS transfer_count,
    SUM(x.amount) AS total
  FROM transfers AS x
  GROUP BY
    x.debtor_id,
    x.case_no
  HAVING
    SUM(x.amount) >= (100000.0)
)
SELECT
  CAST(NULL AS STRING) AS case_no,
  x.debtor_id AS subject_id,
  x.debtor_name AS subject_name,
  x.case_no AS enforcement_case,
  x.lawsuit_filed_on,
  x.closed_on,
  x.relative,
  s.transfer_count,
  s.total,
  x._table AS zb_ev1___table,
  x._file AS zb_ev1___file,
  x._row AS zb_ev1___row,
  x._batch AS zb_ev1___batch,
  x.from_account AS zb_ev1__from_account,
  x.to_account AS zb_ev1__to_account,
  x.txn_at AS zb_ev1__txn_at,
  x.amount AS zb_ev1__amount,
  x.summary AS zb_ev1__summary
FROM transfers AS x
JOIN totals AS s
  ON s.debtor_id = x.debtor_id AND s.case_no = x.case_no
