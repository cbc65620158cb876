/* The first seizure (首封) in case X is still in force on as_of (no 解除查封 of that target in X) */
/* and older than `days` (acted_on + days < as_of); X has no 拍卖/变卖 of that target. Case Y */
/* (≠ X) holds a 轮候 seizure of the same target_id and is closed by 终本; the lead is about Y. */
SELECT
  y.case_no,
  CAST(NULL AS STRING) AS subject_id,
  CONCAT(COALESCE(q.target_type, ''), COALESCE(q.target_id, '')) AS target,
  f.case_no AS first_case_no,
  f.acted_on AS first_seized_on,
  y._file AS zb_ev1___file,
  y._row AS zb_ev1___row,
  y._batch AS zb_ev1___batch,
  y.case_no AS zb_ev1__case_no,
  y.closed_on AS zb_ev1__closed_on,
  y.close_method AS zb_ev1__close_method,
  q._file AS zb_ev2___file,
  q._row AS zb_ev2___row,
  q._batch AS zb_ev2___batch,
  q.case_no AS zb_ev2__case_no,
  q.action AS zb_ev2__action,
  q.acted_on AS zb_ev2__acted_on,
  q.target_type AS zb_ev2__target_type,
  q.target_id AS zb_ev2__target_id,
  q.seizure_rank AS zb_ev2__seizure_rank,
  f._file AS zb_ev3___file,
  f._row AS zb_ev3___row,
  f._batch AS zb_ev3___batch,
  f.case_no AS zb_ev3__case_no,
  f.action AS zb_ev3__action,
  f.acted_on AS zb_ev3__acted_on,
  f.target_type AS zb_ev3__target_type,
  f.target_id AS zb_ev3__target_id,
  f.seizure_rank AS zb_ev3__seizure_rank
FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS y
JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS q
  ON q.case_no = y.case_no AND q.action IN ('查封', '冻结', '扣押') AND q.seizure_rank = '轮候'
JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS f
  ON f.target_id = q.target_id
  AND f.case_no <> q.case_no
  AND f.action IN ('查封', '冻结', '扣押')
  AND f.seizure_rank = '首封'
WHERE
  y.close_method = '终结本次执行程序'
  AND (
    DATE_ADD(f.acted_on, (60))
  ) < (CAST('2025-06-30' AS DATE))
  AND NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS d
    WHERE
      d.case_no = f.case_no
      AND d.target_id = f.target_id
      AND d.action IN ('解除查封', '拍卖', '变卖')
      AND d.acted_on >= f.acted_on
  )
