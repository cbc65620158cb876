/* v2: each debtor must have been searched. A 网络查控 row names the debtor searched in target_id; */
/* a row that names nobody counts for every debtor of the case (ledgers that do not record it). */
WITH categories AS (
  SELECT
    '存款' AS category
  UNION ALL
  SELECT
    '车辆'
  UNION ALL
  SELECT
    '不动产'
  UNION ALL
  SELECT
    '证券'
  UNION ALL
  SELECT
    '股权'
  UNION ALL
  SELECT
    '公积金'
  UNION ALL
  SELECT
    '保险'
  UNION ALL
  SELECT
    '网络资金'
  UNION ALL
  SELECT
    '其他'
)
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  k.category AS missing,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  p._file AS zb_ev2___file,
  p._row AS zb_ev2___row,
  p._batch AS zb_ev2___batch,
  p.role AS zb_ev2__role,
  p.name AS zb_ev2__name,
  p.id_no AS zb_ev2__id_no
FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
JOIN parties AS p
  ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
CROSS JOIN categories AS k
WHERE
  c.close_method = '终结本次执行程序'
  AND k.category IN ('存款', '车辆', '不动产', '证券')
  AND NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
    WHERE
      a.case_no = c.case_no
      AND a.action = '网络查控'
      AND a.target_type = k.category
      AND (
        a.target_id IS NULL OR a.target_id = p.id_no
      )
      AND a.acted_on <= c.closed_on
  )
