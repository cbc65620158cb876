/*
id: CF-03
version: 1
name: 首封法院长期不处置
family: F
severity: medium
grain: case
basis:
  - {text: 首封批复 第1–2条, status: S}
  - {text: 查封规定 第26条, status: V}
tables:
  cases: [case_no, closed_on, close_method]
  actions: [case_no, action, acted_on, target_type, target_id, seizure_rank]
params:
  days: {type: integer, default: 60, label: 首封后未处置的天数, unit: 天}
absence_of: [actions]
explanation: >-
  案件{case_no}已终本，其轮候查封的{target}由案件{first_case_no}于{first_seized_on}首先查封，
  至筛查日已逾{days}天，首封案件未对该财产拍卖或变卖，可商请首封法院移送处置权。
*/
-- The first seizure (首封) in case X is still in force on as_of (no 解除查封 of that target in X)
-- and older than `days` (acted_on + days < as_of); X has no 拍卖/变卖 of that target. Case Y
-- (≠ X) holds a 轮候 seizure of the same target_id and is closed by 终本; the lead is about Y.
SELECT
  y.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  CONCAT(q.target_type, q.target_id) AS target,
  f.case_no AS first_case_no,
  f.acted_on AS first_seized_on,
  zb_evidence(y, case_no, closed_on, close_method),
  zb_evidence(q, case_no, action, acted_on, target_type, target_id, seizure_rank),
  zb_evidence(f, case_no, action, acted_on, target_type, target_id, seizure_rank)
FROM cases AS y
JOIN actions AS q
  ON q.case_no = y.case_no
  AND q.action IN ('查封', '冻结', '扣押')
  AND q.seizure_rank = '轮候'
JOIN actions AS f
  ON f.target_id = q.target_id
  AND f.case_no <> q.case_no
  AND f.action IN ('查封', '冻结', '扣押')
  AND f.seizure_rank = '首封'
WHERE y.close_method = '终结本次执行程序'
  AND zb_add_days(f.acted_on, :days) < :data_until
  AND NOT EXISTS (
    SELECT 1
    FROM actions AS d
    WHERE d.case_no = f.case_no
      AND d.target_id = f.target_id
      AND d.action IN ('解除查封', '拍卖', '变卖')
      AND d.acted_on >= f.acted_on
  )
