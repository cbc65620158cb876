/* Open on as_of (closed_on null: a later closing is not visible); filed more than `months` */
/* months before (filed_on + months < as_of); no action of the case dated from as_of − idle_days */
/* to as_of, i.e. the last action is more than idle_days days old (or there is none). */
WITH overdue AS (
  SELECT
    c.case_no
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  WHERE
    c.closed_on IS NULL
    AND (
      ADD_MONTHS(c.filed_on, (6))
    ) < (CAST('2025-06-30' AS DATE))
), last_days AS (
  SELECT
    o.case_no,
    MAX(a.acted_on) AS last_on
  FROM overdue AS o
  LEFT JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
    ON a.case_no = o.case_no
  GROUP BY
    o.case_no
)
SELECT
  c.case_no,
  CAST(NULL AS STRING) AS subject_id,
  c.filed_on,
  CASE
    WHEN l.acted_on IS NULL
    THEN '立案后无任何执行措施记录'
    ELSE CONCAT(
      '最后一次执行措施（',
      COALESCE(l.action, ''),
      '）在',
      COALESCE(CAST(l.acted_on AS STRING), ''),
      '，此后',
      COALESCE(CAST((90) AS STRING), ''),
      '天以上无执行行为'
    )
  END AS last_action,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.filed_on AS zb_ev1__filed_on,
  c.closed_on AS zb_ev1__closed_on,
  l._file AS zb_ev2___file,
  l._row AS zb_ev2___row,
  l._batch AS zb_ev2___batch,
  l.case_no AS zb_ev2__case_no,
  l.action AS zb_ev2__action,
  l.acted_on AS zb_ev2__acted_on
FROM last_days AS d
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.case_no = d.case_no
LEFT JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS l
  ON l.case_no = d.case_no AND l.acted_on = d.last_on
WHERE
  d.last_on IS NULL
  OR d.last_on < (
    DATE_ADD((CAST('2025-06-30' AS DATE)), -(90))
  )
