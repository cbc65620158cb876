/* Each sighting after closing is counted and kept as evidence in one pass over the sightings. */
WITH seized AS (
  SELECT
    c.case_no,
    c.closed_on,
    a.target_id AS plate
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
    ON a.case_no = c.case_no AND a.action = '查封' AND a.target_type = '车辆'
  WHERE
    c.close_method = '终结本次执行程序'
    AND NOT a.target_id IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS k
      WHERE
        k.case_no = c.case_no AND k.action = '扣押' AND k.target_id = a.target_id
    )
  GROUP BY
    c.case_no,
    c.closed_on,
    a.target_id
), sighted AS (
  SELECT
    s.case_no,
    s.plate,
    'vehicle_sightings' AS _table,
    v._file,
    v._row,
    v._batch,
    v.seen_at,
    v.location,
    COUNT(*) OVER (PARTITION BY s.case_no, s.plate) AS sightings
  FROM seized AS s
  JOIN (SELECT plate, seen_at, location, _file, _sheet, _file_hash, _row, _batch FROM vehicle_sightings WHERE CAST(seen_at AS DATE) <= CAST('2025-06-30' AS DATE)) AS v
    ON v.plate = s.plate
    AND (
      DATE_DIFF('DAY', CAST(s.closed_on AS DATE), CAST(v.seen_at AS DATE))
    ) > 0
)
SELECT
  c.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  c.closed_on,
  n.plate,
  n.sightings,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  a._file AS zb_ev2___file,
  a._row AS zb_ev2___row,
  a._batch AS zb_ev2___batch,
  a.action AS zb_ev2__action,
  a.acted_on AS zb_ev2__acted_on,
  a.target_id AS zb_ev2__target_id,
  n._table AS zb_ev3___table,
  n._file AS zb_ev3___file,
  n._row AS zb_ev3___row,
  n._batch AS zb_ev3___batch,
  n.plate AS zb_ev3__plate,
  n.seen_at AS zb_ev3__seen_at,
  n.location AS zb_ev3__location
FROM sighted AS n
JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  ON c.case_no = n.case_no
JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
  ON a.case_no = n.case_no AND a.action = '查封' AND a.target_id = n.plate
WHERE
  n.sightings >= (3)
