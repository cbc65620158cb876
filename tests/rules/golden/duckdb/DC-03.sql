/* v2: a 轮候 (queued) seizure is left out. Only the court holding the 首封 may start disposal; */
/* the queued court can at most ask for it to be handed over after 60 days, which is CF-03. */
/* A seizure whose rank is not given is read as the first. */
SELECT
  c.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  a.acted_on AS seized_on,
  a.action AS measure,
  CONCAT(COALESCE(a.target_type, ''), a.target_id) AS target,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  a._file AS zb_ev2___file,
  a._row AS zb_ev2___row,
  a._batch AS zb_ev2___batch,
  a.action AS zb_ev2__action,
  a.acted_on AS zb_ev2__acted_on,
  a.target_type AS zb_ev2__target_type,
  a.target_id AS zb_ev2__target_id
FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
  ON a.case_no = c.case_no
  AND a.action IN ('查封', '扣押')
  AND NOT a.target_id IS NULL
  AND COALESCE(a.seizure_rank, '首封') <> '轮候'
WHERE
  (
    c.close_method = '终结本次执行程序' OR c.closed_on IS NULL
  )
  AND (
    CAST(a.acted_on + TO_DAYS(CAST((30) AS INT)) AS DATE)
  ) < (CAST('2025-06-30' AS DATE))
  AND NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS d
    WHERE
      d.case_no = c.case_no
      AND d.target_id = a.target_id
      AND d.action IN ('评估', '拍卖', '变卖')
      AND d.acted_on >= a.acted_on
      AND d.acted_on <= (
        CAST(a.acted_on + TO_DAYS(CAST((30) AS INT)) AS DATE)
      )
  )
