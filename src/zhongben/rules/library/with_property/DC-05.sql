/*
id: DC-05
version: 2
name: 诉讼后向亲属转移财产
family: C
severity: high
grain: case_subject
basis:
  - {text: 财产调查规定 第6条, status: V}
  - {text: 拒执解释 第6条, status: V}
  - {text: 合同编解释 第42条, status: V}
params:
  lookback_days: {type: integer, default: 365, label: 无诉讼记录时自立案日向前追溯的天数, unit: 日}
tables:
  cases: [case_no, filed_on, closed_on, close_method, basis_no]
  parties: [case_no, role, name, id_no, id_no_entity]
  lawsuits: [case_no, filed_on]
  vehicles: [plate, owner_id, owner_name, registered_on, transferred_on, owner_id_entity]
  real_estate: [unit_no, owner_id, owner_name, acquired_on, disposed_on, owner_id_entity]
  relations: [person_a_id, person_b_id, relation, person_a_id_entity, person_b_id_entity]
  shareholdings: [company_uscc, holder_id, from_on, to_on, company_uscc_entity, holder_id_entity]
explanation: >-
  被执行人{subject_name}（{subject_id}）在{since}（{since_label}）至终本日{closed_on}之间，
  于{moved_on}将{asset}转移给{receiver}。
*/
WITH debtors AS (
  SELECT
    c.case_no, c.closed_on, p.id_no_entity AS id_no, p.name,
    COALESCE(l.filed_on, zb_add_days(c.filed_on, -:lookback_days)) AS since,
    CASE WHEN l.filed_on IS NULL THEN CONCAT('执行立案前', CAST(:lookback_days AS VARCHAR), '日')
         ELSE CONCAT('执行依据', l.case_no, '立案日') END AS since_label
  FROM cases AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
  LEFT JOIN lawsuits AS l
    ON l.case_no = c.basis_no
  WHERE c.close_method = '终结本次执行程序'
),
periods AS (
  SELECT 'vehicles' AS _table, v._file, v._row, v._batch, '车辆' AS asset_type,
         v.plate AS asset_id, v.owner_id_entity AS owner_id, v.owner_name,
         v.registered_on AS held_from, v.transferred_on AS held_until
  FROM vehicles AS v
  UNION ALL
  SELECT 'real_estate' AS _table, r._file, r._row, r._batch, '不动产' AS asset_type,
         r.unit_no AS asset_id, r.owner_id_entity AS owner_id, r.owner_name,
         r.acquired_on AS held_from, r.disposed_on AS held_until
  FROM real_estate AS r
),
moves AS (
  SELECT
    d.case_no, d.id_no, o.held_until AS moved_on, o.asset_type, o.asset_id,
    n.owner_id AS receiver_id, n.owner_name AS receiver_name,
    o._table AS out_table, o._file AS out_file, o._row AS out_row, o._batch AS out_batch,
    n._table AS in_table, n._file AS in_file, n._row AS in_row, n._batch AS in_batch
  FROM debtors AS d
  JOIN periods AS o
    ON o.owner_id = d.id_no
    AND o.held_until >= d.since
    AND o.held_until <= d.closed_on
  JOIN periods AS n
    ON n.asset_type = o.asset_type
    AND n.asset_id = o.asset_id
    AND n.owner_id <> d.id_no
    AND n.held_from >= o.held_until
  WHERE NOT EXISTS (
    SELECT 1 FROM periods AS m
    WHERE m.asset_type = o.asset_type AND m.asset_id = o.asset_id
      AND m.held_from >= o.held_until AND m.held_from < n.held_from
  )
),
related AS (
  SELECT m.*, CONCAT('亲属（', r.relation, '）') AS tie
  FROM moves AS m
  JOIN relations AS r
    ON r.person_a_id_entity = m.id_no AND r.person_b_id_entity = m.receiver_id
  UNION ALL
  SELECT m.*, CONCAT('亲属（', r.relation, '）') AS tie
  FROM moves AS m
  JOIN relations AS r
    ON r.person_b_id_entity = m.id_no AND r.person_a_id_entity = m.receiver_id
  UNION ALL
  SELECT m.*, '其持股的企业' AS tie
  FROM moves AS m
  JOIN shareholdings AS s
    ON s.holder_id_entity = m.id_no
    AND s.company_uscc_entity = m.receiver_id
    AND (s.from_on IS NULL OR s.from_on <= m.moved_on)
    AND (s.to_on IS NULL OR s.to_on > m.moved_on)
),
evidence AS (
  SELECT case_no, id_no, moved_on, asset_type, asset_id, receiver_id, receiver_name, tie,
         out_table AS _table, out_file AS _file, out_row AS _row, out_batch AS _batch
  FROM related
  UNION ALL
  SELECT case_no, id_no, moved_on, asset_type, asset_id, receiver_id, receiver_name, tie,
         in_table AS _table, in_file AS _file, in_row AS _row, in_batch AS _batch
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
  zb_evidence(e, asset_type, asset_id, receiver_id, moved_on)
FROM debtors AS d
JOIN evidence AS e
  ON e.case_no = d.case_no AND e.id_no = d.id_no
