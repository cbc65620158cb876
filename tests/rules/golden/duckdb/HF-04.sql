/* Months count from the calendar month after the 终本 date (a month row is its first day, so */
/* month > closed_on). A month qualifies when its bases (all employers) sum to ≥ min_base; */
/* a run is consecutive qualifying months (month index − row number is constant within a run). */
/* "未扣划": a 扣划 after the 终本 date, in this case or in a case resuming it, means the court did */
/* act on the income, and there is no lead. */
WITH debtors AS (
  SELECT
    c.case_no,
    c.closed_on,
    p.id_no_entity AS debtor_id
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  WHERE
    c.close_method = '终结本次执行程序'
    AND (
      p.party_type IS NULL OR p.party_type = '自然人'
    )
    AND NOT EXISTS(
      SELECT
        1
      FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS k
      WHERE
        k.case_no = c.case_no AND k.action = '扣划' AND k.acted_on > c.closed_on
    )
    AND NOT EXISTS(
      SELECT
        1
      FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS r
      JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS k
        ON k.case_no = r.case_no
      WHERE
        r.original_case_no = c.case_no AND k.action = '扣划' AND k.acted_on > c.closed_on
    )
), paid_months AS (
  SELECT
    d.case_no,
    d.debtor_id,
    s.month
  FROM debtors AS d
  JOIN (SELECT person_id, person_id_invalid, employer_uscc, employer_uscc_invalid, employer_name, month, base, person_id_entity, employer_uscc_entity, _file, _sheet, _file_hash, _row, _batch FROM social_insurance WHERE month <= CAST('2025-06-30' AS DATE)) AS s
    ON s.person_id_entity = d.debtor_id AND s.month > d.closed_on
  GROUP BY
    d.case_no,
    d.debtor_id,
    s.month
  HAVING
    SUM(s.base) >= (3000.0)
), runs AS (
  SELECT
    m.case_no,
    m.debtor_id,
    m.month,
    (
      YEAR(m.month) * 12 + MONTH(m.month)
    ) - ROW_NUMBER() OVER (PARTITION BY m.case_no, m.debtor_id ORDER BY m.month) AS run_key
  FROM paid_months AS m
), long_runs AS (
  SELECT
    u.case_no,
    u.debtor_id,
    MIN(u.month) AS run_from,
    MAX(u.month) AS run_to,
    COUNT(*) AS run_months
  FROM runs AS u
  GROUP BY
    u.case_no,
    u.debtor_id,
    u.run_key
  HAVING
    COUNT(*) >= (6)
), zb_lead_rows AS (
  SELECT
    c.case_no,
    c.closed_on,
    CONCAT(
      SUBSTRING(CAST(l.run_from AS TEXT), 1, 7),
      '至',
      SUBSTRING(CAST(l.run_to AS TEXT), 1, 7)
    ) AS period,
    l.run_months,
    s.employer_name,
    c._file AS zb_ev1___file,
    c._row AS zb_ev1___row,
    c._batch AS zb_ev1___batch,
    c.case_no AS zb_ev1__case_no,
    c.closed_on AS zb_ev1__closed_on,
    c.close_method AS zb_ev1__close_method,
    s._file AS zb_ev3___file,
    s._row AS zb_ev3___row,
    s._batch AS zb_ev3___batch,
    s.person_id AS zb_ev3__person_id,
    s.employer_name AS zb_ev3__employer_name,
    s.month AS zb_ev3__month,
    s.base AS zb_ev3__base,
    p.rowid AS zb_rowid1
  FROM long_runs AS l
  JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
    ON c.case_no = l.case_no
  JOIN parties AS p
    ON p.case_no = l.case_no AND p.role = '被执行人' AND p.id_no_entity = l.debtor_id
  JOIN (SELECT person_id, person_id_invalid, employer_uscc, employer_uscc_invalid, employer_name, month, base, person_id_entity, employer_uscc_entity, _file, _sheet, _file_hash, _row, _batch FROM social_insurance WHERE month <= CAST('2025-06-30' AS DATE)) AS s
    ON s.person_id_entity = l.debtor_id AND s.month >= l.run_from AND s.month <= l.run_to
)
SELECT
  q.case_no,
  zb_late1.id_no_entity AS subject_id,
  zb_late1.name AS subject_name,
  q.closed_on,
  q.period,
  q.run_months,
  q.employer_name,
  q.zb_ev1___file,
  q.zb_ev1___row,
  q.zb_ev1___batch,
  q.zb_ev1__case_no,
  q.zb_ev1__closed_on,
  q.zb_ev1__close_method,
  zb_late1._file AS zb_ev2___file,
  zb_late1._row AS zb_ev2___row,
  zb_late1._batch AS zb_ev2___batch,
  zb_late1.role AS zb_ev2__role,
  zb_late1.name AS zb_ev2__name,
  zb_late1.id_no AS zb_ev2__id_no,
  zb_late1.party_type AS zb_ev2__party_type,
  q.zb_ev3___file,
  q.zb_ev3___row,
  q.zb_ev3___batch,
  q.zb_ev3__person_id,
  q.zb_ev3__employer_name,
  q.zb_ev3__month,
  q.zb_ev3__base
FROM zb_lead_rows AS q
LEFT JOIN parties AS zb_late1
  ON zb_late1.rowid = q.zb_rowid1
