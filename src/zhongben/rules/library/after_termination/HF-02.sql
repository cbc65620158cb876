/*
id: HF-02
version: 2
name: 终本后新增财产未恢复执行
family: D
severity: high
grain: case_subject
basis:
  - {text: 终本规定 第9条, status: S}
  - {text: 民诉法解释 第517条, status: V, effective_from: 2021-01-01}
tables:
  cases: [case_no, filed_on, closed_on, close_method, original_case_no]
  parties: [case_no, role, name, id_no, id_no_entity]
  vehicles: [plate, owner_id, registered_on, owner_id_entity]
  real_estate: [unit_no, owner_id, acquired_on, owner_id_entity]
params:
  days: {type: integer, default: 30, label: 取得财产后应恢复执行的天数, unit: 天}
absence_of: [cases]
explanation: >-
  案件{case_no}于{closed_on}终本后，被执行人{subject_name}（{subject_id}）于{acquired_on}
  新登记取得{asset}，取得后{days}天内未见以本案为原案号的恢复执行案件。
*/
-- "Acquired after closed_on": registered / acquired strictly after the 终本 date, and at least
-- `days` days before as_of (so the court had the full window to resume). A resumed case counts
-- when its original_case_no is this case and it was filed from the acquisition day up to
-- `days` days after it.
WITH assets AS (
  SELECT 'vehicles' AS _table, v._file, v._row, v._batch,
         '车辆' AS asset_type, v.plate AS asset_id, v.owner_id_entity AS owner_id, v.registered_on AS acquired_on
  FROM vehicles AS v
  UNION ALL
  SELECT 'real_estate' AS _table, r._file, r._row, r._batch,
         '不动产' AS asset_type, r.unit_no AS asset_id, r.owner_id_entity AS owner_id, r.acquired_on
  FROM real_estate AS r
)
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  a.acquired_on,
  CONCAT(a.asset_type, a.asset_id) AS asset,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(p, role, name, id_no),
  zb_evidence(a, asset_type, asset_id, owner_id, acquired_on)
FROM cases AS c
JOIN parties AS p
  ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
JOIN assets AS a
  ON a.owner_id = p.id_no_entity AND a.acquired_on > c.closed_on
WHERE c.close_method = '终结本次执行程序'
  AND zb_add_days(a.acquired_on, :days) <= :data_until
  AND NOT EXISTS (
    SELECT 1
    FROM cases AS r
    WHERE r.original_case_no = c.case_no
      AND r.filed_on >= a.acquired_on
      AND r.filed_on <= zb_add_days(a.acquired_on, :days)
  )
