/*
id: ZK-02
version: 2
name: 执行款发放对象不符
family: H
severity: high
grain: case
basis:
  - {text: 款物规定, status: U}
  - {text: 民诉法解释 第506–510条, status: V}
tables:
  payments: [case_no, received_on, amount, paid_out_on, payee_name, payee_id, payee_id_entity]
  parties: [case_no, role, name, id_no, id_no_entity]
explanation: >-
  案件{case_no}的执行款{amount}元发放给{payee_name}（{payee_id}），其不是本案申请执行人。
*/
-- Only payments whose payee_id is a valid ID are judged. The payee matches an applicant of the
-- case by ID; an applicant whose own ID is missing or invalid matches by exact name instead, so
-- a bad ID in the ledger does not make a lead.
SELECT
  p.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  p.amount,
  p.payee_name,
  p.payee_id_entity AS payee_id,
  zb_evidence(p, case_no, received_on, amount, paid_out_on, payee_name, payee_id)
FROM payments AS p
WHERE p.payee_id_entity IS NOT NULL
  AND NOT EXISTS (
    SELECT 1
    FROM parties AS a
    WHERE a.case_no = p.case_no AND a.role = '申请执行人' AND a.id_no_entity = p.payee_id_entity
  )
  AND NOT EXISTS (
    SELECT 1
    FROM parties AS b
    WHERE b.case_no = p.case_no AND b.role = '申请执行人' AND b.id_no_entity IS NULL
      AND b.name = p.payee_name
  )
