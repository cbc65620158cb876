/*
id: ZB-03
version: 1
name: 终本前未发限制消费令
family: A
severity: medium
grain: case
basis:
  - {text: 终本规定 第1条第2项, status: V}
tables:
  cases: [case_no, closed_on, close_method]
  actions: [case_no, action, acted_on]
explanation: >-
  案件{case_no}于{closed_on}以终结本次执行程序结案，终本前未见限制消费措施{later}。
*/
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.closed_on,
  CASE WHEN MIN(a.acted_on) IS NULL THEN ''
       ELSE CONCAT('（限制消费令迟至', CAST(MIN(a.acted_on) AS VARCHAR), '才发出）') END AS later,
  zb_evidence(c, case_no, closed_on, close_method)
FROM cases AS c
LEFT JOIN actions AS a
  ON a.case_no = c.case_no AND a.action = '限制消费'
WHERE c.close_method = '终结本次执行程序'
  AND NOT EXISTS (
    SELECT 1 FROM actions AS x
    WHERE x.case_no = c.case_no AND x.action = '限制消费' AND x.acted_on <= c.closed_on
  )
GROUP BY c.case_no, c.closed_on, c.close_method, c._file, c._row, c._batch
