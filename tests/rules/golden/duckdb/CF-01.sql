/* Active on as_of: a 查封/冻结/扣押 not released by a 解除查封 of the same target in the same */
/* case dated from the seizure day up to as_of. Items are distinct target_ids (a target seized */
/* twice, e.g. 查封 then 扣押, counts once at its highest amount); a seizure without target_id is */
/* an item of its own. Unknown amounts count as 0. */
WITH active AS (
  SELECT
    'actions' AS _table,
    s._file,
    s._row,
    s._batch,
    s.case_no,
    s.action,
    s.acted_on,
    s.target_type,
    s.target_id,
    s.amount,
    COALESCE(s.target_id, CONCAT(s._file, '#', CAST(s._row AS TEXT))) AS item
  FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS s
  WHERE
    s.action IN ('查封', '冻结', '扣押')
    AND NOT EXISTS(
      SELECT
        1
      FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS r
      WHERE
        r.case_no = s.case_no
        AND r.action = '解除查封'
        AND r.target_id = s.target_id
        AND r.acted_on >= s.acted_on
    )
), items AS (
  SELECT
    a.case_no,
    a.item,
    MAX(COALESCE(a.amount, 0)) AS amount
  FROM active AS a
  GROUP BY
    a.case_no,
    a.item
), totals AS (
  SELECT
    i.case_no,
    COUNT(*) AS item_count,
    SUM(i.amount) AS seized_value
  FROM items AS i
  GROUP BY
    i.case_no
)
SELECT
  c.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  CAST(c.claim_amount - COALESCE(c.paid_amount, 0) AS DECIMAL(18, 2)) AS unpaid,
  t.item_count,
  t.seized_value,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.claim_amount AS zb_ev1__claim_amount,
  c.paid_amount AS zb_ev1__paid_amount,
  a._table AS zb_ev2___table,
  a._file AS zb_ev2___file,
  a._row AS zb_ev2___row,
  a._batch AS zb_ev2___batch,
  a.action AS zb_ev2__action,
  a.acted_on AS zb_ev2__acted_on,
  a.target_type AS zb_ev2__target_type,
  a.target_id AS zb_ev2__target_id,
  a.amount AS zb_ev2__amount
FROM totals AS t
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.case_no = t.case_no
JOIN active AS a
  ON a.case_no = t.case_no
WHERE
  NOT c.claim_amount IS NULL
  AND t.item_count >= 2
  AND CAST(t.seized_value AS DOUBLE) > (2.0) * CAST(c.claim_amount - COALESCE(c.paid_amount, 0) AS DOUBLE)
