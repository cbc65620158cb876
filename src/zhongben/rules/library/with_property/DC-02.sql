/*
id: DC-02
version: 1
name: 车辆查而未扣
family: C
severity: high
grain: case
basis:
  - {text: 终本规定 第4条, status: S}
  - {text: 财产调查规定 第16条, status: V}
params:
  min_sightings: {type: integer, default: 3, label: 终本后最少过车次数, unit: 次}
tables:
  cases: [case_no, closed_on, close_method]
  actions: [case_no, action, acted_on, target_type, target_id]
  vehicle_sightings: [plate, seen_at, location]
explanation: >-
  案件{case_no}中车辆{plate}已被查封但未扣押，{closed_on}终本后至{as_of}被卡口拍到{sightings}次，
  车辆仍在使用。
*/
-- Each sighting after closing is counted and kept as evidence in one pass over the sightings.
WITH seized AS (
  SELECT c.case_no, c.closed_on, a.target_id AS plate
  FROM cases AS c
  JOIN actions AS a
    ON a.case_no = c.case_no AND a.action = '查封' AND a.target_type = '车辆'
  WHERE c.close_method = '终结本次执行程序'
    AND a.target_id IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM actions AS k
      WHERE k.case_no = c.case_no AND k.action = '扣押' AND k.target_id = a.target_id
    )
  GROUP BY c.case_no, c.closed_on, a.target_id
),
sighted AS (
  SELECT s.case_no, s.plate,
         'vehicle_sightings' AS _table, v._file, v._row, v._batch, v.seen_at, v.location,
         COUNT(*) OVER (PARTITION BY s.case_no, s.plate) AS sightings
  FROM seized AS s
  JOIN vehicle_sightings AS v
    ON v.plate = s.plate AND zb_days_between(s.closed_on, v.seen_at) > 0
)
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.closed_on,
  n.plate,
  n.sightings,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(a, action, acted_on, target_id),
  zb_evidence(n, plate, seen_at, location)
FROM sighted AS n
JOIN cases AS c
  ON c.case_no = n.case_no
JOIN actions AS a
  ON a.case_no = n.case_no AND a.action = '查封' AND a.target_id = n.plate
WHERE n.sightings >= :min_sightings
