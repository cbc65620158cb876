WITH debtors AS (
  SELECT
    p.id_no_entity AS debtor_id,
    MIN(p.name) AS debtor_name,
    MIN(c.closed_on) AS closed_on,
    MIN(c.case_no) AS enforcement_case
  FROM parties AS p
  JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
    ON c.case_no = p.case_no
  WHERE
    p.role = '被执行人' AND NOT p.id_no_entity IS NULL AND c.close_method = '终结本次执行程序'
  GROUP BY
    p.id_no_entity
), people AS (
  SELECT
    d.debtor_id,
    d.debtor_id AS person_id,
    '本人' AS relation
  FROM debtors AS d
  UNION ALL
  SELECT
    r.person_a_id_entity AS debtor_id,
    r.person_b_id_entity AS person_id,
    r.relation
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
  UNION ALL
  SELECT
    r.person_b_id_entity AS debtor_id,
    r.person_a_id_entity AS person_id,
    CASE r.relation WHEN '父母' THEN '子女' WHEN '子女' THEN '父母' ELSE r.relation END AS relation
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
), words AS (
  SELECT
    k.word,
    k.category
  FROM (VALUES
    ('保险', '保险'),
    ('人寿', '保险'),
    ('保费', '保险'),
    ('财险', '保险'),
    ('汽车销售', '购车'),
    ('汽车贸易', '购车'),
    ('汽车服务', '购车'),
    ('4S', '购车'),
    ('购车', '购车'),
    ('房地产', '购房'),
    ('置业', '购房'),
    ('地产', '购房'),
    ('购房', '购房'),
    ('房款', '购房'),
    ('首付', '购房'),
    ('证券', '证券'),
    ('银证转账', '证券'),
    ('期货', '证券')) AS k(word, category)
), spending AS (
  SELECT
    d.debtor_id,
    d.debtor_name,
    d.closed_on,
    d.enforcement_case,
    CONCAT(pp.relation, a.holder_name) AS payer,
    'transactions' AS _table,
    t._file,
    t._row,
    t._batch,
    t.account_no,
    t.txn_at,
    t.amount,
    t.counterparty_name,
    t.summary,
    MIN(w.category) AS category
  FROM debtors AS d
  JOIN people AS pp
    ON pp.debtor_id = d.debtor_id
  JOIN (SELECT account_no, bank, holder_name, holder_id, holder_id_invalid, opened_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, holder_id_entity, _file, _sheet, _file_hash, _row, _batch FROM bank_accounts WHERE opened_on IS NULL OR opened_on <= CAST('2025-06-30' AS DATE)) AS a
    ON a.holder_id_entity = pp.person_id
  JOIN (SELECT account_no, txn_at, amount, direction, counterparty_name, counterparty_account, counterparty_bank, summary, balance, channel, _file, _sheet, _file_hash, _row, _batch FROM transactions WHERE CAST(txn_at AS DATE) <= CAST('2025-06-30' AS DATE)) AS t
    ON t.account_no = a.account_no AND t.direction = 'out'
  JOIN words AS w
    ON t.counterparty_name LIKE CONCAT('%', w.word, '%')
    OR t.summary LIKE CONCAT('%', w.word, '%')
  WHERE
    CAST(t.txn_at AS DATE) > d.closed_on
    AND COALESCE(t.counterparty_name, '') NOT LIKE '%社会保险%'
    AND COALESCE(t.summary, '') NOT LIKE '%社会保险%'
    AND COALESCE(t.summary, '') NOT LIKE '%社保%'
    AND COALESCE(t.summary, '') NOT LIKE '%医保%'
  GROUP BY
    d.debtor_id,
    d.debtor_name,
    d.closed_on,
    d.enforcement_case,
    pp.relation,
    a.holder_name,
    t._file,
    t._row,
    t._batch,
    t.account_no,
    t.txn_at,
    t.amount,
    t.counterparty_name,
    t.summary
), totals AS (
  SELECT
    x.debtor_id,
    COUNT(*) AS payment_count,
    SUM(x.amount) AS total
  FROM spending AS x
  GROUP BY
    x.debtor_id
  HAVING
    SUM(x.amount) >= (50000.0)
)
SELECT
  CAST(NULL AS TEXT) AS case_no,
  x.debtor_id AS subject_id,
  x.debtor_name AS subject_name,
  x.enforcement_case,
  x.closed_on,
  x.payer,
  COALESCE(x.counterparty_name, x.summary) AS payee,
  x.category,
  s.payment_count,
  s.total,
  x._table AS zb_ev1___table,
  x._file AS zb_ev1___file,
  x._row AS zb_ev1___row,
  x._batch AS zb_ev1___batch,
  x.account_no AS zb_ev1__account_no,
  x.txn_at AS zb_ev1__txn_at,
  x.amount AS zb_ev1__amount,
  x.counterparty_name AS zb_ev1__counterparty_name,
  x.summary AS zb_ev1__summary
FROM spending AS x
JOIN totals AS s
  ON s.debtor_id = x.debtor_id
