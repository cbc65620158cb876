/*
id: ZB-01
version: 1
name: 立案未满三个月终本
family: A
severity: high
grain: case
basis:
  - {text: 终本规定 第1条第4项, status: V}
tables:
  cases: [case_no, filed_on, closed_on, close_method]
explanation: >-
  案件{case_no}于{filed_on}立案，{closed_on}即以终结本次执行程序结案，距立案仅{days_open}天，
  未满三个月（满三个月之日为{three_months_on}）。
*/
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.filed_on,
  c.closed_on,
  zb_add_months(c.filed_on, 3) AS three_months_on,
  zb_days_between(c.filed_on, c.closed_on) AS days_open,
  zb_evidence(c, case_no, filed_on, closed_on, close_method)
FROM cases AS c
WHERE c.close_method = '终结本次执行程序'
  AND c.closed_on <= zb_add_months(c.filed_on, 3)
