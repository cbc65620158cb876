/*
id: DC-03
version: 2
name: 查封后未及时启动处置
family: C
severity: medium
grain: case
basis:
  - {text: 参考价规定 第1条, status: V}
  - {text: 拍卖变卖规定 第1条, status: V}
params:
  days: {type: integer, default: 30, label: 查封后启动评估或拍卖的期限, unit: 日}
tables:
  cases: [case_no, closed_on, close_method]
  actions: [case_no, action, acted_on, target_type, target_id, seizure_rank]
absence_of: [actions]
explanation: >-
  案件{case_no}于{seized_on}对{target}采取{measure}措施，此后{days}日内未见评估、拍卖或变卖。
*/
-- v2: a 轮候 (queued) seizure is left out. Only the court holding the 首封 may start disposal;
-- the queued court can at most ask for it to be handed over after 60 days, which is CF-03.
-- A seizure whose rank is not given is read as the first.
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  a.acted_on AS seized_on,
  a.action AS measure,
  CONCAT(COALESCE(a.target_type, ''), a.target_id) AS target,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(a, action, acted_on, target_type, target_id)
FROM cases AS c
JOIN actions AS a
  ON a.case_no = c.case_no AND a.action IN ('查封', '扣押') AND a.target_id IS NOT NULL
  AND COALESCE(a.seizure_rank, '首封') <> '轮候'
WHERE (c.close_method = '终结本次执行程序' OR c.closed_on IS NULL)
  AND zb_add_days(a.acted_on, :days) < :data_until
  AND NOT EXISTS (
    SELECT 1 FROM actions AS d
    WHERE d.case_no = c.case_no
      AND d.target_id = a.target_id
      AND d.action IN ('评估', '拍卖', '变卖')
      AND d.acted_on >= a.acted_on
      AND d.acted_on <= zb_add_days(a.acted_on, :days)
  )
