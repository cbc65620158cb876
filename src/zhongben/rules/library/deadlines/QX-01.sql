/*
id: QX-01
version: 1
name: 超期未结且长期无执行行为
family: I
severity: medium
grain: case
basis:
  - {text: 期限规定 第1条, status: S}
  - {text: 民诉法 第237条, status: V}
tables:
  cases: [case_no, filed_on, closed_on]
  actions: [case_no, action, acted_on]
params:
  months: {type: integer, default: 6, label: 立案后应结案的期限, unit: 月, policy: true}
  idle_days: {type: integer, default: 90, label: 无任何执行措施的天数, unit: 天, policy: true}
absence_of: [cases, actions]
explanation: >-
  案件{case_no}于{filed_on}立案，至筛查日已超过{months}个月未结案，且{last_action}。
*/
-- Open on as_of (closed_on null: a later closing is not visible); filed more than `months`
-- months before (filed_on + months < as_of); no action of the case dated from as_of − idle_days
-- to as_of, i.e. the last action is more than idle_days days old (or there is none).
WITH overdue AS (
  SELECT c.case_no
  FROM cases AS c
  WHERE c.closed_on IS NULL
    AND zb_add_months(c.filed_on, :months) < :data_until
),
last_days AS (
  SELECT o.case_no, MAX(a.acted_on) AS last_on
  FROM overdue AS o
  LEFT JOIN actions AS a ON a.case_no = o.case_no
  GROUP BY o.case_no
)
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.filed_on,
  CASE
    WHEN l.acted_on IS NULL THEN '立案后无任何执行措施记录'
    ELSE CONCAT('最后一次执行措施（', l.action, '）在', CAST(l.acted_on AS VARCHAR), '，此后',
                CAST(:idle_days AS VARCHAR), '天以上无执行行为')
  END AS last_action,
  zb_evidence(c, case_no, filed_on, closed_on),
  zb_evidence(l, case_no, action, acted_on)
FROM last_days AS d
JOIN cases AS c ON c.case_no = d.case_no
LEFT JOIN actions AS l ON l.case_no = d.case_no AND l.acted_on = d.last_on
WHERE d.last_on IS NULL OR d.last_on < zb_add_days(:data_until, -:idle_days)
