/* Cases in scope: open on as_of (closed_on masked to null when after as_of) or closed by 终本. */
/* Seizures: 查封/冻结/扣押, and 续行查封 too (a renewal runs for its own term and lapses the same */
/* way). A renewal or release counts when it is in the same case, on the same target_id, dated */
/* from the seizure day up to and including expires_on, and is not the seizure row itself. */
SELECT
  c.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  s.action AS seizure,
  CONCAT(COALESCE(s.target_type, ''), COALESCE(s.target_id, '')) AS target,
  s.expires_on,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  s._file AS zb_ev2___file,
  s._row AS zb_ev2___row,
  s._batch AS zb_ev2___batch,
  s.action AS zb_ev2__action,
  s.acted_on AS zb_ev2__acted_on,
  s.target_type AS zb_ev2__target_type,
  s.target_id AS zb_ev2__target_id,
  s.expires_on AS zb_ev2__expires_on
FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS s
  ON s.case_no = c.case_no
WHERE
  (
    c.closed_on IS NULL OR c.close_method = '终结本次执行程序'
  )
  AND s.action IN ('查封', '冻结', '扣押', '续行查封')
  AND s.expires_on < (CAST('2025-06-30' AS DATE))
  AND NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS r
    WHERE
      r.case_no = s.case_no
      AND r.target_id = s.target_id
      AND r.action IN ('续行查封', '解除查封')
      AND r.acted_on >= s.acted_on
      AND r.acted_on <= s.expires_on
      AND (
        r.action <> s.action OR r.acted_on <> s.acted_on
      )
  )
