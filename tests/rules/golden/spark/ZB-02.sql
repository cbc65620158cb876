SELECT
  c.case_no,
  CAST(NULL AS STRING) AS subject_id,
  c.filed_on,
  c.closed_on,
  c.notice_on,
  c.report_order_on,
  (
    DATEDIFF(CAST(c.notice_on AS DATE), CAST(c.filed_on AS DATE))
  ) AS notice_delay,
  CASE
    WHEN c.notice_on IS NULL AND c.report_order_on IS NULL
    THEN '未见执行通知书和报告财产令。'
    WHEN c.notice_on IS NULL
    THEN '未见执行通知书。'
    WHEN c.report_order_on IS NULL
    THEN '未见报告财产令。'
    ELSE '执行通知书超期送达。'
  END AS problem,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.filed_on AS zb_ev1__filed_on,
  c.closed_on AS zb_ev1__closed_on,
  c.notice_on AS zb_ev1__notice_on,
  c.report_order_on AS zb_ev1__report_order_on
FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
WHERE
  c.close_method = '终结本次执行程序'
  AND (
    c.notice_on IS NULL
    OR c.report_order_on IS NULL
    OR (
      DATEDIFF(CAST(c.notice_on AS DATE), CAST(c.filed_on AS DATE))
    ) > (10)
  )
