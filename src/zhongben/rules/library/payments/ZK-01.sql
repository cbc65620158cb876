/*
id: ZK-01
version: 1
name: 执行款超期未发放
family: H
severity: high
grain: case
basis:
  - {text: 款物规定, status: S}
tables:
  payments: [case_no, received_on, amount, paid_out_on, payee_name, delay_reason]
params:
  days: {type: integer, default: 30, label: 执行款到账后应发放的期限, unit: 天}
absence_of: [payments]
explanation: >-
  案件{case_no}于{received_on}收到执行款{amount}元，{status}，超过{days}天且未登记延缓发放事由。
*/
-- Paid out later than received_on + days, or still unpaid on as_of (a payout dated after as_of
-- is not visible) with as_of later than received_on + days. A recorded delay_reason excuses it.
SELECT
  p.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  p.received_on,
  p.amount,
  CASE
    WHEN p.paid_out_on IS NULL THEN CONCAT(CASE WHEN :data_until < :as_of THEN CONCAT('至数据截止日', CAST(:data_until AS VARCHAR), '已') ELSE '至筛查日已' END, CAST(zb_days_between(p.received_on, :data_until) AS VARCHAR), '天未发放')
    ELSE CONCAT('于', CAST(p.paid_out_on AS VARCHAR), '才发放，历时', CAST(zb_days_between(p.received_on, p.paid_out_on) AS VARCHAR), '天')
  END AS status,
  zb_evidence(p, case_no, received_on, amount, paid_out_on, payee_name, delay_reason)
FROM payments AS p
WHERE p.delay_reason IS NULL
  AND COALESCE(p.paid_out_on, :data_until) > zb_add_days(p.received_on, :days)
