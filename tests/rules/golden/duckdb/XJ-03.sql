/* Z is another case (any court) with the same debtor ID, and not a resumption of Y (nor the case */
/* Y resumes): a 执恢 case of Y continues Y itself. Z counts when it was closed after Y's 终本 */
/* date with paid_amount > 0, or has a 查封/扣押/冻结 dated after Y's 终本 date. */
WITH pairs AS (
  SELECT
    y.case_no,
    y.closed_on,
    p.name AS debtor_name,
    z.case_no AS other_case_no
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS y
  JOIN parties AS p
    ON p.case_no = y.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  JOIN parties AS q
    ON q.id_no_entity = p.id_no_entity AND q.role = '被执行人' AND q.case_no <> y.case_no
  JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS z
    ON z.case_no = q.case_no
  WHERE
    y.close_method = '终结本次执行程序'
    AND (
      z.original_case_no IS NULL OR z.original_case_no <> y.case_no
    )
    AND (
      y.original_case_no IS NULL OR y.original_case_no <> z.case_no
    )
), events AS (
  SELECT
    x.case_no,
    x.debtor_name,
    x.other_case_no,
    'cases' AS _table,
    z._file,
    z._row,
    z._batch,
    z.closed_on AS event_on,
    CONCAT(
      '于',
      CAST(z.closed_on AS TEXT),
      '以',
      z.close_method,
      '结案，执行到位',
      CAST(z.paid_amount AS TEXT),
      '元'
    ) AS event
  FROM pairs AS x
  JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS z
    ON z.case_no = x.other_case_no
  WHERE
    z.closed_on > x.closed_on AND z.paid_amount > 0
  UNION ALL
  SELECT
    x.case_no,
    x.debtor_name,
    x.other_case_no,
    'actions' AS _table,
    s._file,
    s._row,
    s._batch,
    s.acted_on AS event_on,
    CONCAT(
      '于',
      CAST(s.acted_on AS TEXT),
      '对',
      COALESCE(s.target_type, ''),
      COALESCE(s.target_id, ''),
      '采取',
      s.action,
      '措施'
    ) AS event
  FROM pairs AS x
  JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS s
    ON s.case_no = x.other_case_no
    AND s.action IN ('查封', '扣押', '冻结')
    AND s.acted_on > x.closed_on
)
SELECT
  c.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  c.closed_on,
  e.debtor_name,
  e.other_case_no,
  e.event,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.court AS zb_ev1__court,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  e._table AS zb_ev2___table,
  e._file AS zb_ev2___file,
  e._row AS zb_ev2___row,
  e._batch AS zb_ev2___batch,
  e.other_case_no AS zb_ev2__other_case_no,
  e.event_on AS zb_ev2__event_on,
  e.event AS zb_ev2__event
FROM events AS e
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.case_no = e.case_no
