/*
id: DC-06
version: 2
name: 隐名共有财产
family: C
severity: high
grain: case_subject
basis:
  - {text: 民法典 第1062条, status: V}
  - {text: 查封规定 第12条, status: S}
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  relations: [person_a_id, person_b_id, relation, from_on, to_on, person_a_id_entity, person_b_id_entity]
  vehicles: [plate, owner_id, owner_name, registered_on, transferred_on, owner_id_entity]
  real_estate: [unit_no, owner_id, owner_name, acquired_on, disposed_on, owner_id_entity]
  actions: [case_no, action, target_id]
explanation: >-
  案件{case_no}于{closed_on}终本，被执行人{subject_name}（{subject_id}）的配偶{spouse}
  于婚后（{married_on}结婚）取得{asset}，终本日仍登记在其名下，本案未查封、扣押、冻结。
*/
WITH marriages AS (
  SELECT r.person_a_id_entity AS person_id, r.person_b_id_entity AS spouse_id, r.from_on, r.to_on
  FROM relations AS r
  WHERE r.relation = '配偶'
  UNION ALL
  SELECT r.person_b_id_entity AS person_id, r.person_a_id_entity AS spouse_id, r.from_on, r.to_on
  FROM relations AS r
  WHERE r.relation = '配偶'
),
spouses AS (
  SELECT c.case_no, c.closed_on, p.id_no_entity AS id_no, p.name, m.spouse_id, m.from_on AS married_on
  FROM cases AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
  JOIN marriages AS m
    ON m.person_id = p.id_no_entity
  WHERE c.close_method = '终结本次执行程序'
    AND m.from_on IS NOT NULL
    AND m.from_on <= c.closed_on
    AND (m.to_on IS NULL OR m.to_on > c.closed_on)
),
assets AS (
  SELECT 'vehicles' AS _table, v._file, v._row, v._batch, '车辆' AS asset_type,
         v.plate AS asset_id, v.owner_id_entity AS owner_id, v.owner_name,
         v.registered_on AS held_from, v.transferred_on AS held_until
  FROM vehicles AS v
  UNION ALL
  SELECT 'real_estate' AS _table, r._file, r._row, r._batch, '不动产' AS asset_type,
         r.unit_no AS asset_id, r.owner_id_entity AS owner_id, r.owner_name,
         r.acquired_on AS held_from, r.disposed_on AS held_until
  FROM real_estate AS r
)
SELECT
  s.case_no,
  s.id_no AS subject_id,
  s.name AS subject_name,
  s.closed_on,
  s.married_on,
  CONCAT(COALESCE(a.owner_name, ''), '（', s.spouse_id, '）') AS spouse,
  CONCAT(a.asset_type, a.asset_id, '（', CAST(a.held_from AS VARCHAR), '取得）') AS asset,
  zb_evidence(a, asset_type, asset_id, owner_id, held_from, held_until)
FROM spouses AS s
JOIN assets AS a
  ON a.owner_id = s.spouse_id
  AND a.held_from >= s.married_on
  AND a.held_from <= s.closed_on
  AND (a.held_until IS NULL OR a.held_until > s.closed_on)
WHERE NOT EXISTS (
  SELECT 1 FROM actions AS x
  WHERE x.case_no = s.case_no
    AND x.action IN ('查封', '扣押', '冻结')
    AND x.target_id = a.asset_id
)
