WITH marriages AS (
  SELECT
    r.person_a_id_entity AS person_id,
    r.person_b_id_entity AS spouse_id,
    r.from_on,
    r.to_on
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
  WHERE
    r.relation = '配偶'
  UNION ALL
  SELECT
    r.person_b_id_entity AS person_id,
    r.person_a_id_entity AS spouse_id,
    r.from_on,
    r.to_on
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
  WHERE
    r.relation = '配偶'
), spouses AS (
  SELECT
    c.case_no,
    c.closed_on,
    p.id_no_entity AS id_no,
    p.name,
    m.spouse_id,
    m.from_on AS married_on
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  JOIN marriages AS m
    ON m.person_id = p.id_no_entity
  WHERE
    c.close_method = '终结本次执行程序'
    AND NOT m.from_on IS NULL
    AND m.from_on <= c.closed_on
    AND (
      m.to_on IS NULL OR m.to_on > c.closed_on
    )
), assets AS (
  SELECT
    'vehicles' AS _table,
    v._file,
    v._row,
    v._batch,
    '车辆' AS asset_type,
    v.plate AS asset_id,
    v.owner_id_entity AS owner_id,
    v.owner_name,
    v.registered_on AS held_from,
    v.transferred_on AS held_until
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
    r.owner_name,
    r.acquired_on AS held_from,
    r.disposed_on AS held_until
  FROM (SELECT unit_no, cert_no, owner_name, owner_id, owner_id_invalid, share, acquired_on, CASE WHEN disposed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE disposed_on END AS disposed_on, address, area, est_value, status, owner_id_entity, _file, _sheet, _file_hash, _row, _batch FROM real_estate WHERE acquired_on <= CAST('2025-06-30' AS DATE)) AS r
)
SELECT
  s.case_no,
  s.id_no AS subject_id,
  s.name AS subject_name,
  s.closed_on,
  s.married_on,
  CONCAT(COALESCE(a.owner_name, ''), '（', s.spouse_id, '）') AS spouse,
  CONCAT(a.asset_type, a.asset_id, '（', CAST(a.held_from AS TEXT), '取得）') AS asset,
  a._table AS zb_ev1___table,
  a._file AS zb_ev1___file,
  a._row AS zb_ev1___row,
  a._batch AS zb_ev1___batch,
  a.asset_type AS zb_ev1__asset_type,
  a.asset_id AS zb_ev1__asset_id,
  a.owner_id AS zb_ev1__owner_id,
  a.held_from AS zb_ev1__held_from,
  a.held_until AS zb_ev1__held_until
FROM spouses AS s
JOIN assets AS a
  ON a.owner_id = s.spouse_id
  AND a.held_from >= s.married_on
  AND a.held_from <= s.closed_on
  AND (
    a.held_until IS NULL OR a.held_until > s.closed_on
  )
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS x
    WHERE
      x.case_no = s.case_no
      AND x.action IN ('查封', '扣押', '冻结')
      AND x.target_id = a.asset_id
  )
