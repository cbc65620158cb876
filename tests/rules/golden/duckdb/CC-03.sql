WITH debtors AS (
  SELECT
    c.case_no,
    c.closed_on,
    p.id_no_entity AS id_no,
    p.name
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  WHERE
    c.close_method = '终结本次执行程序'
), holdings AS (
  SELECT
    d.case_no,
    d.id_no,
    '保险' AS target_type,
    CONCAT(
      '有现金价值的保单',
      i.policy_no,
      '（',
      COALESCE(i.insurer, ''),
      '，现金价值',
      CAST(i.cash_value AS TEXT),
      '元）'
    ) AS holding,
    'insurance_policies' AS _table,
    i._file,
    i._row,
    i._batch,
    i.policy_no AS item
  FROM debtors AS d
  JOIN (SELECT policy_no, holder_id, holder_id_invalid, holder_name, insurer, product_type, premium, cash_value, start_on, CASE WHEN end_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE end_on END AS end_on, holder_id_entity, _file, _sheet, _file_hash, _row, _batch FROM insurance_policies WHERE start_on <= CAST('2025-06-30' AS DATE)) AS i
    ON i.holder_id_entity = d.id_no
    AND i.start_on <= d.closed_on
    AND (
      i.end_on IS NULL OR i.end_on > d.closed_on
    )
  WHERE
    i.cash_value > 0
  UNION ALL
  SELECT
    d.case_no,
    d.id_no,
    '股权' AS target_type,
    CONCAT('企业', s.company_uscc_entity, '的股权') AS holding,
    'shareholdings' AS _table,
    s._file,
    s._row,
    s._batch,
    s.company_uscc_entity AS item
  FROM debtors AS d
  JOIN (SELECT company_uscc, company_uscc_invalid, holder_name, holder_id, holder_id_invalid, subscribed, ratio, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, company_uscc_entity, holder_id_entity, _file, _sheet, _file_hash, _row, _batch FROM shareholdings WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS s
    ON s.holder_id_entity = d.id_no
    AND (
      s.from_on IS NULL OR s.from_on <= d.closed_on
    )
    AND (
      s.to_on IS NULL OR s.to_on > d.closed_on
    )
  UNION ALL
  SELECT
    d.case_no,
    d.id_no,
    '公积金' AS target_type,
    CONCAT('住房公积金余额', CAST(h.balance AS TEXT), '元（', CAST(h.as_of AS TEXT), '）') AS holding,
    'housing_fund' AS _table,
    h._file,
    h._row,
    h._batch,
    d.id_no AS item
  FROM debtors AS d
  JOIN (SELECT person_id, person_id_invalid, balance, as_of, employer_name, person_id_entity, _file, _sheet, _file_hash, _row, _batch FROM housing_fund WHERE as_of <= CAST('2025-06-30' AS DATE)) AS h
    ON h.person_id_entity = d.id_no AND h.as_of <= d.closed_on
  WHERE
    h.balance > 0
    AND NOT EXISTS(
      SELECT
        1
      FROM (SELECT person_id, person_id_invalid, balance, as_of, employer_name, person_id_entity, _file, _sheet, _file_hash, _row, _batch FROM housing_fund WHERE as_of <= CAST('2025-06-30' AS DATE)) AS later
      WHERE
        later.person_id_entity = d.id_no
        AND later.as_of > h.as_of
        AND later.as_of <= d.closed_on
    )
)
SELECT
  d.case_no,
  d.id_no AS subject_id,
  d.name AS subject_name,
  d.closed_on,
  g.holding,
  g.target_type,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  g._table AS zb_ev2___table,
  g._file AS zb_ev2___file,
  g._row AS zb_ev2___row,
  g._batch AS zb_ev2___batch,
  g.target_type AS zb_ev2__target_type,
  g.item AS zb_ev2__item,
  g.holding AS zb_ev2__holding
FROM debtors AS d
JOIN holdings AS g
  ON g.case_no = d.case_no AND g.id_no = d.id_no
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.case_no = d.case_no
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
    WHERE
      a.case_no = d.case_no AND a.target_type = g.target_type
  )
