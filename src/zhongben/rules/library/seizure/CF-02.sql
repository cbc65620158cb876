/*
id: CF-02
version: 1
name: 履行完毕未解除查封
family: F
severity: medium
grain: case
basis:
  - {text: 查封规定 第28条, status: V}
tables:
  cases: [case_no, closed_on, close_method]
  actions: [case_no, action, acted_on, target_type, target_id, expires_on]
params:
  days: {type: integer, default: 30, label: 履行完毕后解除查封的期限, unit: 天, policy: true}
absence_of: [actions]
explanation: >-
  案件{case_no}于{closed_on}执行完毕，对{target}的{seizure}措施至{deadline}（履行完毕后{days}天）
  仍未解除。
*/
-- A release counts when it is a 解除查封 of the same target in the same case, dated from the
-- seizure day up to closed_on + days. The window must be over by as_of (closed_on + days ≤ as_of).
-- A seizure that had lapsed by the 执行完毕 day (expires_on ≤ closed_on and no 续行查封 of the
-- target running past it) lost its effect by law (查封规定 第27条) and needs no release.
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.closed_on,
  zb_add_days(c.closed_on, :days) AS deadline,
  s.action AS seizure,
  CONCAT(s.target_type, s.target_id) AS target,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(s, action, acted_on, target_type, target_id, expires_on)
FROM cases AS c
JOIN actions AS s ON s.case_no = c.case_no
WHERE c.close_method = '执行完毕'
  AND zb_add_days(c.closed_on, :days) <= :data_until
  AND s.action IN ('查封', '冻结', '扣押')
  AND (
    s.expires_on IS NULL
    OR s.expires_on > c.closed_on
    OR EXISTS (
      SELECT 1
      FROM actions AS n
      WHERE n.case_no = s.case_no
        AND n.target_id = s.target_id
        AND n.action = '续行查封'
        AND n.acted_on >= s.acted_on
        AND (n.expires_on IS NULL OR n.expires_on > c.closed_on)
    )
  )
  AND NOT EXISTS (
    SELECT 1
    FROM actions AS r
    WHERE r.case_no = s.case_no
      AND r.action = '解除查封'
      AND r.target_id = s.target_id
      AND r.acted_on >= s.acted_on
      AND r.acted_on <= zb_add_days(c.closed_on, :days)
  )
