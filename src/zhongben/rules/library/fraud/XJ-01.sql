/*
id: XJ-01
version: 2
name: 虚假诉讼迹象
family: J
severity: high
grain: subject
basis:
  - {text: 刑法 第307条之一, status: V}
  - {text: 虚假诉讼解释 第1条, status: V}
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  lawsuits: [case_no, cause, plaintiff_name, defendant_name, defendant_id, filed_on, closed_on, close_method, amount, defendant_id_entity]
params:
  window_days: {type: integer, default: 60, label: 两起借贷诉讼立案间隔上限, unit: 天, policy: true}
  fast_days: {type: integer, default: 30, label: 立案至调解结案天数上限, unit: 天, policy: true}
explanation: >-
  终本案件被执行人{subject_name}（{subject_id}）作为被告的民间借贷诉讼{lawsuits}立案间隔不超过
  {window_days}天，且均在立案后{fast_days}天内调解结案，存在虚假诉讼迹象。
*/
-- A quick settlement: a lawsuit whose cause contains 民间借贷, closed by 调解 within fast_days
-- of filing. A lead needs two different quick settlements of the same defendant filed at most
-- window_days apart, the defendant being a debtor of some 终本 case. Every such pair is evidence.
WITH terminated_debtors AS (
  SELECT DISTINCT p.id_no_entity AS debtor_id
  FROM cases AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
  WHERE c.close_method = '终结本次执行程序'
),
quick AS (
  SELECT l.case_no, l.defendant_id_entity AS defendant_id, l.filed_on
  FROM lawsuits AS l
  JOIN terminated_debtors AS d ON d.debtor_id = l.defendant_id_entity
  WHERE l.cause LIKE '%民间借贷%'
    AND l.close_method = '调解'
    AND l.closed_on <= zb_add_days(l.filed_on, :fast_days)
),
pairs AS (
  SELECT a.defendant_id, a.case_no AS first_no, b.case_no AS second_no
  FROM quick AS a
  JOIN quick AS b
    ON b.defendant_id = a.defendant_id
    AND b.case_no <> a.case_no
    AND b.filed_on >= a.filed_on
    AND b.filed_on <= zb_add_days(a.filed_on, :window_days)
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  s.defendant_id_entity AS subject_id,
  s.defendant_name AS subject_name,
  s.case_no AS lawsuits,
  zb_evidence(s, case_no, cause, plaintiff_name, defendant_name, defendant_id, filed_on, closed_on, close_method, amount)
FROM pairs AS x
JOIN lawsuits AS s
  ON s.defendant_id_entity = x.defendant_id AND (s.case_no = x.first_no OR s.case_no = x.second_no)
