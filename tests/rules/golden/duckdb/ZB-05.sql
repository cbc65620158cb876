SELECT
  c.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  c.closed_on,
  c.applicant_informed_on,
  CASE
    WHEN c.applicant_informed_on IS NULL
    THEN '未见告知申请执行人并听取意见的记录'
    ELSE CONCAT('至', CAST(c.applicant_informed_on AS TEXT), '才告知申请执行人（终本后告知）')
  END AS informed,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  c.applicant_informed_on AS zb_ev1__applicant_informed_on
FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
WHERE
  c.close_method = '终结本次执行程序'
  AND (
    c.applicant_informed_on IS NULL OR c.applicant_informed_on > c.closed_on
  )
