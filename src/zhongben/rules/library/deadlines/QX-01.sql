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
explanation: >-
  案件{case_no}于{filed_on}立案，至筛查日已超过{months}个月未结案，且{last_action}。
*/
-- Open on as_of (closed_on null: a later closing is not visible); filed more than `months`
-- months before (filed_on + months < as_of); no action of the case dated from as_of − idle_days
-- to as_of, i.e. the last action is more than idle_days days old (or there is none).
WITH last_actions AS (
  SELECT 'actions' AS _table, a._file, a._row, a._batch, a.case_no, a.action, a.acted_on
  FROM actions AS a
  QUALIFY ROW_NUMBER() OVER (PARTITION BY a.case_no ORDER BY a.acted_on DESC, a._row DESC) = 1
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
FROM cases AS c
LEFT JOIN last_actions AS l ON l.case_no = c.case_no
WHERE c.closed_on IS NULL
  AND zb_add_months(c.filed_on, :months) < :as_of
  AND (l.acted_on IS NULL OR l.acted_on < zb_add_days(:as_of, -:idle_days))
