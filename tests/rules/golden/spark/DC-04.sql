/* The debtor's name is read from its party row at the end; the contributions after closing and the */
/* debtor's own registration are each read once and reused for the count and for the evidence. */
WITH debtors AS (
  SELECT
    c.case_no,
    c.closed_on,
    p.id_no_entity AS id_no
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  WHERE
    c.close_method = '终结本次执行程序'
), paid AS (
  SELECT
    d.case_no,
    d.id_no,
    s._file,
    s._row,
    s._batch,
    s.person_id_entity AS person_id,
    s.month
  FROM debtors AS d
  JOIN (SELECT person_id, person_id_invalid, employer_uscc, employer_uscc_invalid, employer_name, month, base, person_id_entity, employer_uscc_entity, _file, _sheet, _file_hash, _row, _batch FROM social_insurance WHERE month <= CAST('2025-06-30' AS DATE)) AS s
    ON s.employer_uscc_entity = d.id_no AND s.month > d.closed_on
), staff AS (
  SELECT
    x.case_no,
    x.id_no,
    COUNT(DISTINCT x.month) AS months_paid
  FROM paid AS x
  GROUP BY
    x.case_no,
    x.id_no
  HAVING
    COUNT(DISTINCT x.month) >= (3)
), registered AS (
  SELECT
    d.case_no,
    d.id_no,
    d.closed_on,
    o.uscc_entity AS uscc,
    o.address,
    o.legal_rep_id_entity AS legal_rep_id
  FROM debtors AS d
  JOIN (SELECT uscc, uscc_invalid, name, legal_rep_name, legal_rep_id, legal_rep_id_invalid, status, established_on, CASE WHEN deregistered_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deregistered_on END AS deregistered_on, address, scope, registered_capital, parent_uscc, parent_uscc_invalid, uscc_entity, legal_rep_id_entity, parent_uscc_entity, _file, _sheet, _file_hash, _row, _batch FROM companies WHERE established_on IS NULL OR established_on <= CAST('2025-06-30' AS DATE)) AS o
    ON o.uscc_entity = d.id_no
), signals AS (
  SELECT
    t.case_no,
    t.id_no,
    CONCAT('仍以该企业名义为职工缴纳社保', COALESCE(CAST(t.months_paid AS STRING), ''), '个月') AS signal,
    'social_insurance' AS _table,
    x._file,
    x._row,
    x._batch,
    x.person_id AS item,
    CAST(x.month AS STRING) AS detail
  FROM staff AS t
  JOIN paid AS x
    ON x.case_no = t.case_no AND x.id_no = t.id_no
  UNION ALL
  SELECT
    o.case_no,
    o.id_no,
    CONCAT(
      '新设立企业',
      COALESCE(n.name, ''),
      '（',
      COALESCE(n.uscc_entity, ''),
      '，',
      COALESCE(CAST(n.established_on AS STRING), ''),
      '成立），',
      '住所相同'
    ) AS signal,
    'companies' AS _table,
    n._file,
    n._row,
    n._batch,
    n.uscc_entity AS item,
    CAST(n.established_on AS STRING) AS detail
  FROM registered AS o
  JOIN (SELECT uscc, uscc_invalid, name, legal_rep_name, legal_rep_id, legal_rep_id_invalid, status, established_on, CASE WHEN deregistered_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deregistered_on END AS deregistered_on, address, scope, registered_capital, parent_uscc, parent_uscc_invalid, uscc_entity, legal_rep_id_entity, parent_uscc_entity, _file, _sheet, _file_hash, _row, _batch FROM companies WHERE established_on IS NULL OR established_on <= CAST('2025-06-30' AS DATE)) AS n
    ON n.address = o.address
    AND n.uscc_entity <> o.uscc
    AND n.established_on > o.closed_on
  UNION ALL
  SELECT
    o.case_no,
    o.id_no,
    CONCAT(
      '新设立企业',
      COALESCE(n.name, ''),
      '（',
      COALESCE(n.uscc_entity, ''),
      '，',
      COALESCE(CAST(n.established_on AS STRING), ''),
      '成立），',
      '法定代表人相同'
    ) AS signal,
    'companies' AS _table,
    n._file,
    n._row,
    n._batch,
    n.uscc_entity AS item,
    CAST(n.established_on AS STRING) AS detail
  FROM registered AS o
  JOIN (SELECT uscc, uscc_invalid, name, legal_rep_name, legal_rep_id, legal_rep_id_invalid, status, established_on, CASE WHEN deregistered_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deregistered_on END AS deregistered_on, address, scope, registered_capital, parent_uscc, parent_uscc_invalid, uscc_entity, legal_rep_id_entity, parent_uscc_entity, _file, _sheet, _file_hash, _row, _batch FROM companies WHERE established_on IS NULL OR established_on <= CAST('2025-06-30' AS DATE)) AS n
    ON n.legal_rep_id_entity = o.legal_rep_id
    AND n.uscc_entity <> o.uscc
    AND n.established_on > o.closed_on
)
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  g.signal,
  g._table AS zb_ev1___table,
  g._file AS zb_ev1___file,
  g._row AS zb_ev1___row,
  g._batch AS zb_ev1___batch,
  g.item AS zb_ev1__item,
  g.detail AS zb_ev1__detail
FROM signals AS g
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.case_no = g.case_no AND c.close_method = '终结本次执行程序'
JOIN parties AS p
  ON p.case_no = g.case_no AND p.role = '被执行人' AND p.id_no_entity = g.id_no
