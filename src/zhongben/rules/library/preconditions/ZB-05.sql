/*
id: ZB-05
version: 1
name: 终本未告知申请执行人
family: A
severity: medium
grain: case
basis:
  - {text: 民诉法解释 第517条, status: V, effective_from: 2021-01-01}
  - {text: 终本规定（告知条款）, status: U}
tables:
  cases: [case_no, closed_on, close_method, applicant_informed_on]
explanation: >-
  案件{case_no}于{closed_on}以终结本次执行程序结案，{informed}。
*/
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.closed_on,
  c.applicant_informed_on,
  CASE WHEN c.applicant_informed_on IS NULL THEN '未见告知申请执行人并听取意见的记录'
       ELSE CONCAT('至', CAST(c.applicant_informed_on AS VARCHAR), '才告知申请执行人（终本后告知）')
  END AS informed,
  zb_evidence(c, case_no, closed_on, close_method, applicant_informed_on)
FROM cases AS c
WHERE c.close_method = '终结本次执行程序'
  AND (c.applicant_informed_on IS NULL OR c.applicant_informed_on > c.closed_on)
