/*
id: HF-01
version: 1
name: 终本后未定期查询财产
family: D
severity: medium
grain: case
basis:
  - {text: 终本规定 第9条, status: S}
tables:
  cases: [case_no, filed_on, closed_on, close_method, original_case_no]
  actions: [case_no, action, acted_on, target_type, result]
params:
  grace_days: {type: integer, default: 30, label: 六个月查询周期之外的宽限天数, unit: 天}
absence_of: [actions]
explanation: >-
  案件{case_no}于{closed_on}以终结本次执行程序结案（终本后五年内应每六个月查询一次财产），
  {gap}期间未见终本后财产查询，间隔{gap_days}天，超过六个月又{grace_days}天（最迟应于{due_on}查询）。
*/
-- Checkpoints of a 终本 case closed within the 5 years before as_of: the 终本 date, every
-- 终本后财产查询 after it, and the end of the watch: as_of, or the filing of the first case that
-- resumes it (original_case_no = this case), whichever is earlier — once resumed, the property
-- search happens in the resumed case. A gap between consecutive checkpoints a < b is too long
-- when b > (a + 6 months, same day number, clamped) + grace_days.
WITH terminated AS (
  SELECT c.case_no, c.closed_on,
         COALESCE(MIN(r.filed_on), :data_until) AS watch_until
  FROM cases AS c
  LEFT JOIN cases AS r ON r.original_case_no = c.case_no AND r.filed_on >= c.closed_on
  WHERE c.close_method = '终结本次执行程序'
    AND c.closed_on >= zb_add_months(:as_of, -60)
    AND c.closed_on <= :data_until
  GROUP BY c.case_no, c.closed_on
),
checkpoints AS (
  SELECT t.case_no, t.closed_on AS point_on
  FROM terminated AS t
  UNION ALL
  SELECT a.case_no, a.acted_on AS point_on
  FROM actions AS a
  JOIN terminated AS t ON t.case_no = a.case_no
  WHERE a.action = '终本后财产查询' AND a.acted_on >= t.closed_on AND a.acted_on <= t.watch_until
  UNION ALL
  SELECT t.case_no, t.watch_until AS point_on
  FROM terminated AS t
),
gaps AS (
  SELECT k.case_no, k.point_on AS gap_from,
         LEAD(k.point_on) OVER (PARTITION BY k.case_no ORDER BY k.point_on) AS gap_to
  FROM checkpoints AS k
)
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.closed_on,
  CONCAT(CAST(g.gap_from AS VARCHAR), '至', CAST(g.gap_to AS VARCHAR)) AS gap,
  zb_days_between(g.gap_from, g.gap_to) AS gap_days,
  zb_add_days(zb_add_months(g.gap_from, 6), :grace_days) AS due_on,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(q, action, acted_on, target_type, result)
FROM gaps AS g
JOIN cases AS c ON c.case_no = g.case_no
LEFT JOIN actions AS q
  ON q.case_no = c.case_no AND q.action = '终本后财产查询' AND q.acted_on >= c.closed_on
WHERE g.gap_to > zb_add_days(zb_add_months(g.gap_from, 6), :grace_days)
