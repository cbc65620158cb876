/* Checkpoints of a 终本 case closed within the 5 years before as_of: the 终本 date, every */
/* 终本后财产查询 after it, and the end of the watch: as_of, or the filing of the first case that */
/* resumes it (original_case_no = this case), whichever is earlier — once resumed, the property */
/* search happens in the resumed case. A gap between consecutive checkpoints a < b is too long */
/* when b > (a + 6 months, same day number, clamped) + grace_days. */
WITH terminated AS (
  SELECT
    c.case_no,
    c.closed_on,
    COALESCE(MIN(r.filed_on), (CAST('2025-06-30' AS DATE))) AS watch_until
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  LEFT JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS r
    ON r.original_case_no = c.case_no AND r.filed_on >= c.closed_on
  WHERE
    c.close_method = '终结本次执行程序'
    AND c.closed_on >= (
      ADD_MONTHS((CAST('2025-06-30' AS DATE)), -60)
    )
    AND c.closed_on <= (CAST('2025-06-30' AS DATE))
  GROUP BY
    c.case_no,
    c.closed_on
), checkpoints AS (
  SELECT
    t.case_no,
    t.closed_on AS point_on
  FROM terminated AS t
  UNION ALL
  SELECT
    a.case_no,
    a.acted_on AS point_on
  FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
  JOIN terminated AS t
    ON t.case_no = a.case_no
  WHERE
    a.action = '终本后财产查询' AND a.acted_on >= t.closed_on AND a.acted_on <= t.watch_until
  UNION ALL
  SELECT
    t.case_no,
    t.watch_until AS point_on
  FROM terminated AS t
), gaps AS (
  SELECT
    k.case_no,
    k.point_on AS gap_from,
    LEAD(k.point_on) OVER (PARTITION BY k.case_no ORDER BY k.point_on NULLS LAST) AS gap_to
  FROM checkpoints AS k
)
SELECT
  c.case_no,
  CAST(NULL AS STRING) AS subject_id,
  c.closed_on,
  CONCAT(
    COALESCE(CAST(g.gap_from AS STRING), ''),
    '至',
    COALESCE(CAST(g.gap_to AS STRING), '')
  ) AS gap,
  (
    DATEDIFF(CAST(g.gap_to AS DATE), CAST(g.gap_from AS DATE))
  ) AS gap_days,
  (
    DATE_ADD((
      ADD_MONTHS(g.gap_from, 6)
    ), (30))
  ) AS due_on,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  q._file AS zb_ev2___file,
  q._row AS zb_ev2___row,
  q._batch AS zb_ev2___batch,
  q.action AS zb_ev2__action,
  q.acted_on AS zb_ev2__acted_on,
  q.target_type AS zb_ev2__target_type,
  q.result AS zb_ev2__result
FROM gaps AS g
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.case_no = g.case_no
LEFT JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS q
  ON q.case_no = c.case_no AND q.action = '终本后财产查询' AND q.acted_on >= c.closed_on
WHERE
  g.gap_to > (
    DATE_ADD((
      ADD_MONTHS(g.gap_from, 6)
    ), (30))
  )
