/* A quick settlement: a lawsuit whose cause contains 民间借贷, closed by 调解 within fast_days */
/* of filing. A lead needs two different quick settlements of the same defendant filed at most */
/* window_days apart, the defendant being a debtor of some 终本 case. Every such pair is evidence. */
WITH terminated_debtors AS (
  SELECT DISTINCT
    p.id_no_entity AS debtor_id
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  WHERE
    c.close_method = '终结本次执行程序'
), quick AS (
  SELECT
    l.case_no,
    l.defendant_id_entity AS defendant_id,
    l.filed_on
  FROM (SELECT case_no, cause, plaintiff_name, plaintiff_id, plaintiff_id_invalid, defendant_name, defendant_id, defendant_id_invalid, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, amount, plaintiff_id_entity, defendant_id_entity, _file, _sheet, _file_hash, _row, _batch FROM lawsuits WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS l
  JOIN terminated_debtors AS d
    ON d.debtor_id = l.defendant_id_entity
  WHERE
    l.cause LIKE '%民间借贷%'
    AND l.close_method = '调解'
    AND l.closed_on <= (
      CAST(l.filed_on + TO_DAYS(CAST((30) AS INT)) AS DATE)
    )
), pairs AS (
  SELECT
    a.defendant_id,
    a.case_no AS first_no,
    b.case_no AS second_no
  FROM quick AS a
  JOIN quick AS b
    ON b.defendant_id = a.defendant_id
    AND b.case_no <> a.case_no
    AND b.filed_on >= a.filed_on
    AND b.filed_on <= (
      CAST(a.filed_on + TO_DAYS(CAST((60) AS INT)) AS DATE)
    )
)
SELECT
  CAST(NULL AS TEXT) AS case_no,
  s.defendant_id_entity AS subject_id,
  s.defendant_name AS subject_name,
  s.case_no AS lawsuits,
  s._file AS zb_ev1___file,
  s._row AS zb_ev1___row,
  s._batch AS zb_ev1___batch,
  s.case_no AS zb_ev1__case_no,
  s.cause AS zb_ev1__cause,
  s.plaintiff_name AS zb_ev1__plaintiff_name,
  s.defendant_name AS zb_ev1__defendant_name,
  s.defendant_id AS zb_ev1__defendant_id,
  s.filed_on AS zb_ev1__filed_on,
  s.closed_on AS zb_ev1__closed_on,
  s.close_method AS zb_ev1__close_method,
  s.amount AS zb_ev1__amount
FROM pairs AS x
JOIN (SELECT case_no, cause, plaintiff_name, plaintiff_id, plaintiff_id_invalid, defendant_name, defendant_id, defendant_id_invalid, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, amount, plaintiff_id_entity, defendant_id_entity, _file, _sheet, _file_hash, _row, _batch FROM lawsuits WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS s
  ON s.defendant_id_entity = x.defendant_id
  AND (
    s.case_no = x.first_no OR s.case_no = x.second_no
  )
