/*
id: ZB-02
version: 1
name: 未依法发执行通知/报告财产令
family: A
severity: medium
grain: case
basis:
  - {text: 终本规定 第1条第1项, status: V}
  - {text: 民诉法解释 第480条, status: V}
  - {text: 财产调查规定 第3条, status: V}
params:
  notice_days: {type: integer, default: 10, label: 立案后送达执行通知的期限, unit: 日}
tables:
  cases: [case_no, filed_on, closed_on, close_method, notice_on, report_order_on]
explanation: >-
  案件{case_no}于{filed_on}立案、{closed_on}终本：执行通知书送达日期为{notice_on}（立案后{notice_delay}天，
  期限{notice_days}日），报告财产令送达日期为{report_order_on}。{problem}
*/
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.filed_on,
  c.closed_on,
  c.notice_on,
  c.report_order_on,
  zb_days_between(c.filed_on, c.notice_on) AS notice_delay,
  CASE
    WHEN c.notice_on IS NULL AND c.report_order_on IS NULL THEN '未见执行通知书和报告财产令。'
    WHEN c.notice_on IS NULL THEN '未见执行通知书。'
    WHEN c.report_order_on IS NULL THEN '未见报告财产令。'
    ELSE '执行通知书超期送达。'
  END AS problem,
  zb_evidence(c, case_no, filed_on, closed_on, notice_on, report_order_on)
FROM cases AS c
WHERE c.close_method = '终结本次执行程序'
  AND (
    c.notice_on IS NULL
    OR c.report_order_on IS NULL
    OR zb_days_between(c.filed_on, c.notice_on) > :notice_days
  )
