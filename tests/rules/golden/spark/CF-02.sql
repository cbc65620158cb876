/* A release counts when it is a 解除查封 of the same target in the same case, dated from the */
/* seizure day up to closed_on + days. The window must be over by as_of (closed_on + days ≤ as_of). */
/* A seizure that had lapsed by the 执行完毕 day (expires_on ≤ closed_on and no 续行查封 of the */
/* target running past it) lost its effect by law (查封规定 第27条) and needs no release. */
SELECT
  c.case_no,
  CAST(NULL AS STRING) AS subject_id,
  c.closed_on,
  (
    DATE_ADD(c.closed_on, (30))
  ) AS deadline,
  s.action AS seizure,
  CONCAT(COALESCE(s.target_type, ''), COALESCE(s.target_id, '')) AS target,
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
  c.close_method = '执行完毕'
  AND (
    DATE_ADD(c.closed_on, (30))
  ) <= (CAST('2025-06-30' AS DATE))
  AND s.action IN ('查封', '冻结', '扣押')
  AND (
    s.expires_on IS NULL
    OR s.expires_on > c.closed_on
    OR EXISTS(
      SELECT
        1
      FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS n
      WHERE
        n.case_no = s.case_no
        AND n.target_id = s.target_id
        AND n.action = '续行查封'
        AND n.acted_on >= s.acted_on
        AND (
          n.expires_on IS NULL OR n.expires_on > c.closed_on
        )
    )
  )
  AND NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS r
    WHERE
      r.case_no = s.case_no
      AND r.action = '解除查封'
      AND r.target_id = s.target_id
      AND r.acted_on >= s.acted_on
      AND r.acted_on <= (
        DATE_ADD(c.closed_on, (30))
      )
  )
