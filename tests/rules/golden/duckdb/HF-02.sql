/* "Acquired after closed_on": registered / acquired strictly after the 终本 date, and at least */
/* `days` days before as_of (so the court had the full window to resume). A resumed case counts */
/* when its original_case_no is this case and it was filed from the acquisition day up to */
/* `days` days after it. */
WITH assets AS (
  SELECT
    'vehicles' AS _table,
    v._file,
    v._row,
    v._batch,
    '车辆' AS asset_type,
    v.plate AS asset_id,
    v.owner_id_entity AS owner_id,
    v.registered_on AS acquired_on
  FROM (SELECT plate, vin, owner_name, owner_id, owner_id_invalid, registered_on, CASE WHEN transferred_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE transferred_on END AS transferred_on, status, model, est_value, owner_id_entity, _file, _sheet, _file_hash, _row, _batch FROM vehicles WHERE registered_on <= CAST('2025-06-30' AS DATE)) AS v
  UNION ALL
  SELECT
    'real_estate' AS _table,
    r._file,
    r._row,
    r._batch,
    '不动产' AS asset_type,
    r.unit_no AS asset_id,
    r.owner_id_entity AS owner_id,
    r.acquired_on
  FROM (SELECT unit_no, cert_no, owner_name, owner_id, owner_id_invalid, share, acquired_on, CASE WHEN disposed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE disposed_on END AS disposed_on, address, area, est_value, status, owner_id_entity, _file, _sheet, _file_hash, _row, _batch FROM real_estate WHERE acquired_on <= CAST('2025-06-30' AS DATE)) AS r
), zb_lead_rows AS (
  SELECT
    c.case_no,
    c.closed_on,
    a.acquired_on,
    CONCAT(a.asset_type, a.asset_id) AS asset,
    c._file AS zb_ev1___file,
    c._row AS zb_ev1___row,
    c._batch AS zb_ev1___batch,
    c.case_no AS zb_ev1__case_no,
    c.closed_on AS zb_ev1__closed_on,
    c.close_method AS zb_ev1__close_method,
    a._table AS zb_ev3___table,
    a._file AS zb_ev3___file,
    a._row AS zb_ev3___row,
    a._batch AS zb_ev3___batch,
    a.asset_type AS zb_ev3__asset_type,
    a.asset_id AS zb_ev3__asset_id,
    a.owner_id AS zb_ev3__owner_id,
    a.acquired_on AS zb_ev3__acquired_on,
    p.rowid AS zb_rowid1
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  JOIN assets AS a
    ON a.owner_id = p.id_no_entity AND a.acquired_on > c.closed_on
  WHERE
    c.close_method = '终结本次执行程序'
    AND (
      CAST(a.acquired_on + TO_DAYS(CAST((30) AS INT)) AS DATE)
    ) <= (CAST('2025-06-30' AS DATE))
    AND NOT EXISTS(
      SELECT
        1
      FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS r
      WHERE
        r.original_case_no = c.case_no
        AND r.filed_on >= a.acquired_on
        AND r.filed_on <= (
          CAST(a.acquired_on + TO_DAYS(CAST((30) AS INT)) AS DATE)
        )
    )
)
SELECT
  q.case_no,
  zb_late1.id_no_entity AS subject_id,
  zb_late1.name AS subject_name,
  q.closed_on,
  q.acquired_on,
  q.asset,
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
  q.zb_ev3___table,
  q.zb_ev3___file,
  q.zb_ev3___row,
  q.zb_ev3___batch,
  q.zb_ev3__asset_type,
  q.zb_ev3__asset_id,
  q.zb_ev3__owner_id,
  q.zb_ev3__acquired_on
FROM zb_lead_rows AS q
LEFT JOIN parties AS zb_late1
  ON zb_late1.rowid = q.zb_rowid1
