/* Window: cases closed in the 12 months before as_of (as_of − 12 months < closed_on ≤ as_of; */
/* closings after as_of are not visible). Per court (court_code) p = the court's 终本 share of all */
/* its closings in the window, the judge's own included; per judge n closings, share q. */
/* z = (q − p) / sqrt(p (1 − p) / n): the judge's share against the court's as a binomial */
/* proportion. A lead needs n ≥ min_cases, 0 < p < 1 and z ≥ the z parameter. */
WITH recent AS (
  SELECT
    c.case_no,
    c.court_code,
    c.judge,
    CASE WHEN c.close_method = '终结本次执行程序' THEN 1 ELSE 0 END AS terminated
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  WHERE
    c.closed_on > (
      CAST((CAST('2025-06-30' AS DATE)) + TO_MONTHS(CAST(-12 AS INT)) AS DATE)
    )
), courts AS (
  SELECT
    r.court_code,
    CAST(SUM(r.terminated) AS DOUBLE) / COUNT(*) AS p
  FROM recent AS r
  GROUP BY
    r.court_code
), judges AS (
  SELECT
    r.court_code,
    r.judge,
    COUNT(*) AS n,
    SUM(r.terminated) AS terminated_cases,
    CAST(SUM(r.terminated) AS DOUBLE) / COUNT(*) AS q
  FROM recent AS r
  WHERE
    NOT r.judge IS NULL
  GROUP BY
    r.court_code,
    r.judge
  HAVING
    COUNT(*) >= (30)
), flagged AS (
  SELECT
    j.court_code,
    j.judge,
    j.n,
    j.terminated_cases,
    j.q,
    t.p,
    (
      j.q - t.p
    ) / SQRT(t.p * (
      1 - t.p
    ) / j.n) AS z_score
  FROM judges AS j
  JOIN courts AS t
    ON t.court_code = j.court_code
  WHERE
    t.p > 0 AND t.p < 1
)
SELECT
  CAST(NULL AS TEXT) AS case_no,
  f.judge AS subject_id,
  f.judge AS subject_name,
  c.court,
  (
    CAST((
      CAST((CAST('2025-06-30' AS DATE)) + TO_MONTHS(CAST(-12 AS INT)) AS DATE)
    ) + TO_DAYS(CAST(1 AS INT)) AS DATE)
  ) AS window_from,
  f.n AS closed_cases,
  f.terminated_cases,
  ROUND(100 * f.q, 1) AS judge_pct,
  ROUND(100 * f.p, 1) AS court_pct,
  ROUND(f.z_score, 2) AS z_score,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.court AS zb_ev1__court,
  c.judge AS zb_ev1__judge,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method
FROM flagged AS f
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.court_code = f.court_code
  AND c.judge = f.judge
  AND c.closed_on > (
    CAST((CAST('2025-06-30' AS DATE)) + TO_MONTHS(CAST(-12 AS INT)) AS DATE)
  )
WHERE
  f.z_score >= (3.0)
