/*
id: HF-04
version: 2
name: 终本后有稳定收入未扣划
family: D
severity: medium
grain: case_subject
basis:
  - {text: 民诉法 第254条, status: V}
  - {text: 终本规定 第9条, status: S}
tables:
  cases: [case_no, closed_on, close_method, original_case_no]
  parties: [case_no, role, name, id_no, party_type, id_no_entity]
  actions: [case_no, action, acted_on]
  social_insurance: [person_id, employer_name, month, base, person_id_entity]
params:
  months: {type: integer, default: 6, label: 终本后连续缴纳社保的最少月数, unit: 月, policy: true}
  min_base: {type: number, default: 3000, label: 每月缴费基数下限, unit: 元, policy: true}
explanation: >-
  案件{case_no}于{closed_on}终本后，被执行人{subject_name}（{subject_id}）在{period}连续
  {run_months}个月缴纳社会保险（缴费单位：{employer_name}），每月缴费基数不低于{min_base}元，
  有稳定收入而未见扣划。
*/
-- Months count from the calendar month after the 终本 date (a month row is its first day, so
-- month > closed_on). A month qualifies when its bases (all employers) sum to ≥ min_base;
-- a run is consecutive qualifying months (month index − row number is constant within a run).
-- "未扣划": a 扣划 after the 终本 date, in this case or in a case resuming it, means the court did
-- act on the income, and there is no lead.
WITH debtors AS (
  SELECT c.case_no, c.closed_on, p.id_no_entity AS debtor_id
  FROM cases AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
  WHERE c.close_method = '终结本次执行程序'
    AND (p.party_type IS NULL OR p.party_type = '自然人')
    AND NOT EXISTS (
      SELECT 1
      FROM actions AS k
      WHERE k.case_no = c.case_no AND k.action = '扣划' AND k.acted_on > c.closed_on
    )
    AND NOT EXISTS (
      SELECT 1
      FROM cases AS r
      JOIN actions AS k ON k.case_no = r.case_no
      WHERE r.original_case_no = c.case_no AND k.action = '扣划' AND k.acted_on > c.closed_on
    )
),
paid_months AS (
  SELECT d.case_no, d.debtor_id, s.month
  FROM debtors AS d
  JOIN social_insurance AS s ON s.person_id_entity = d.debtor_id AND s.month > d.closed_on
  GROUP BY d.case_no, d.debtor_id, s.month
  HAVING SUM(s.base) >= :min_base
),
runs AS (
  SELECT m.case_no, m.debtor_id, m.month,
         zb_month_index(m.month)
           - ROW_NUMBER() OVER (PARTITION BY m.case_no, m.debtor_id ORDER BY m.month) AS run_key
  FROM paid_months AS m
),
long_runs AS (
  SELECT u.case_no, u.debtor_id, MIN(u.month) AS run_from, MAX(u.month) AS run_to,
         COUNT(*) AS run_months
  FROM runs AS u
  GROUP BY u.case_no, u.debtor_id, u.run_key
  HAVING COUNT(*) >= :months
)
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  CONCAT(SUBSTRING(CAST(l.run_from AS VARCHAR), 1, 7), '至',
         SUBSTRING(CAST(l.run_to AS VARCHAR), 1, 7)) AS period,
  l.run_months,
  s.employer_name,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(p, role, name, id_no, party_type),
  zb_evidence(s, person_id, employer_name, month, base)
FROM long_runs AS l
JOIN cases AS c ON c.case_no = l.case_no
JOIN parties AS p
  ON p.case_no = l.case_no AND p.role = '被执行人' AND p.id_no_entity = l.debtor_id
JOIN social_insurance AS s
  ON s.person_id_entity = l.debtor_id AND s.month >= l.run_from AND s.month <= l.run_to
