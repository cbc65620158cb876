/*
id: DC-01
version: 2
name: 终本时名下有登记财产未处置
family: C
severity: high
grain: case_subject
basis:
  - {text: 终本规定 第1条第3项, status: V}
  - {text: 终本规定 第4条, status: S}
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  vehicles: [plate, owner_id, registered_on, transferred_on, owner_id_entity]
  real_estate: [unit_no, owner_id, acquired_on, disposed_on, owner_id_entity]
  actions: [case_no, action, target_id]
explanation: >-
  案件{case_no}于{closed_on}以终结本次执行程序结案，当日被执行人{subject_name}（{subject_id}）
  名下登记有{asset}，本案未对其采取查封、扣押、冻结措施。
*/
WITH assets AS (
  SELECT 'vehicles' AS _table, v._file, v._row, v._batch,
         '车辆' AS asset_type, v.plate AS asset_id, v.owner_id_entity AS owner_id,
         v.registered_on AS held_from, v.transferred_on AS held_until
  FROM vehicles AS v
  UNION ALL
  SELECT 'real_estate' AS _table, r._file, r._row, r._batch,
         '不动产' AS asset_type, r.unit_no AS asset_id, r.owner_id_entity AS owner_id,
         r.acquired_on AS held_from, r.disposed_on AS held_until
  FROM real_estate AS r
)
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  CONCAT(a.asset_type, a.asset_id) AS asset,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(p, role, name, id_no),
  zb_evidence(a, asset_type, asset_id, owner_id, held_from, held_until)
FROM cases AS c
JOIN parties AS p
  ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
JOIN assets AS a
  ON a.owner_id = p.id_no_entity
  AND a.held_from <= c.closed_on
  AND (a.held_until IS NULL OR a.held_until > c.closed_on)
WHERE c.close_method = '终结本次执行程序'
  AND NOT EXISTS (
    SELECT 1
    FROM actions AS x
    WHERE x.case_no = c.case_no
      AND x.action IN ('查封', '扣押', '冻结')
      AND x.target_id = a.asset_id
  )
