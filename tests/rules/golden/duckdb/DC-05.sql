WITH debtors AS (
  SELECT
    c.case_no,
    c.closed_on,
    p.id_no_entity AS id_no,
    p.name,
    COALESCE(
      l.filed_on,
      (
        CAST(c.filed_on + TO_DAYS(CAST(-(365) AS INT)) AS DATE)
      )
    ) AS since,
    CASE
      WHEN l.filed_on IS NULL
      THEN CONCAT('执行立案前', CAST((365) AS TEXT), '日')
      ELSE CONCAT('执行依据', l.case_no, '立案日')
    END AS since_label
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  LEFT JOIN (SELECT case_no, cause, plaintiff_name, plaintiff_id, plaintiff_id_invalid, defendant_name, defendant_id, defendant_id_invalid, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, amount, plaintiff_id_entity, defendant_id_entity, _file, _sheet, _file_hash, _row, _batch FROM lawsuits WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS l
    ON l.case_no = c.basis_no
  WHERE
    c.close_method = '终结本次执行程序'
), periods AS (
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
), moves AS (
  SELECT
    d.case_no,
    d.id_no,
    o.held_until AS moved_on,
    o.asset_type,
    o.asset_id,
    n.owner_id AS receiver_id,
    n.owner_name AS receiver_name,
    o._table AS out_table,
    o._file AS out_file,
    o._row AS out_row,
    o._batch AS out_batch,
    n._table AS in_table,
    n._file AS in_file,
    n._row AS in_row,
    n._batch AS in_batch
  FROM debtors AS d
  JOIN periods AS o
    ON o.owner_id = d.id_no AND o.held_until >= d.since AND o.held_until <= d.closed_on
  JOIN periods AS n
    ON n.asset_type = o.asset_type
    AND n.asset_id = o.asset_id
    AND n.owner_id <> d.id_no
    AND n.held_from >= o.held_until
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM periods AS m
      WHERE
        m.asset_type = o.asset_type
        AND m.asset_id = o.asset_id
        AND m.held_from >= o.held_until
        AND m.held_from < n.held_from
    )
), related AS (
  SELECT
    m.*,
    CONCAT('亲属（', r.relation, '）') AS tie
  FROM moves AS m
  JOIN (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
    ON r.person_a_id_entity = m.id_no AND r.person_b_id_entity = m.receiver_id
  UNION ALL
  SELECT
    m.*,
    CONCAT('亲属（', r.relation, '）') AS tie
  FROM moves AS m
  JOIN (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
    ON r.person_b_id_entity = m.id_no AND r.person_a_id_entity = m.receiver_id
  UNION ALL
  SELECT
    m.*,
    '其持股的企业' AS tie
  FROM moves AS m
  JOIN (SELECT company_uscc, company_uscc_invalid, holder_name, holder_id, holder_id_invalid, subscribed, ratio, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, company_uscc_entity, holder_id_entity, _file, _sheet, _file_hash, _row, _batch FROM shareholdings WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS s
    ON s.holder_id_entity = m.id_no
    AND s.company_uscc_entity = m.receiver_id
    AND (
      s.from_on IS NULL OR s.from_on <= m.moved_on
    )
    AND (
      s.to_on IS NULL OR s.to_on > m.moved_on
    )
), evidence AS (
  SELECT
    case_no,
    id_no,
    moved_on,
    asset_type,
    asset_id,
    receiver_id,
    receiver_name,
    tie,
    out_table AS _table,
    out_file AS _file,
    out_row AS _row,
    out_batch AS _batch
  FROM related
  UNION ALL
  SELECT
    case_no,
    id_no,
    moved_on,
    asset_type,
    asset_id,
    receiver_id,
    receiver_name,
    tie,
    in_table AS _table,
    in_file AS _file,
    in_row AS _row,
    in_batch AS _batch
  FROM related
)
SELECT
  d.case_no,
  d.id_no AS subject_id,
  d.name AS subject_name,
  d.since,
  d.since_label,
  d.closed_on,
  e.moved_on,
  CONCAT(e.asset_type, e.asset_id) AS asset,
  CONCAT(e.tie, COALESCE(e.receiver_name, ''), '（', e.receiver_id, '）') AS receiver,
  e._table AS zb_ev1___table,
  e._file AS zb_ev1___file,
  e._row AS zb_ev1___row,
  e._batch AS zb_ev1___batch,
  e.asset_type AS zb_ev1__asset_type,
  e.asset_id AS zb_ev1__asset_id,
  e.receiver_id AS zb_ev1__receiver_id,
  e.moved_on AS zb_ev1__moved_on
FROM debtors AS d
JOIN evidence AS e
  ON e.case_no = d.case_no AND e.id_no = d.id_no
