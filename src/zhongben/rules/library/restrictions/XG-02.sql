/*
id: XG-02
version: 2
name: 履行完毕未解除信用惩戒
family: E
severity: medium
grain: case_subject
basis:
  - {text: 失信规定 第10条, status: S}
  - {text: 限高规定 第9条, status: V}
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  restrictions: [subject_id, kind, case_no, start_on, end_on, subject_id_entity]
params:
  shixin_workdays: {type: integer, default: 3, label: 履行完毕后删除失信信息的期限, unit: 工作日, policy: true}
  xiaofei_days: {type: integer, default: 10, label: 履行完毕后解除限制消费的期限, unit: 天, policy: true}
absence_of: [restrictions]
explanation: >-
  案件{case_no}于{closed_on}执行完毕，被执行人{subject_name}（{subject_id}）的{kind}措施
  最迟应于{deadline}解除，实际解除日期：{end_on}。
*/
-- Deadline: 失信 → the shixin_workdays-th working day after the 执行完毕 date (Chinese calendar
-- with 调休); 限制消费 → xiaofei_days calendar days after it. Removal on or before the deadline
-- is timely. A lead needs the deadline to have passed by as_of and the entry (of this case, for
-- this debtor) to have ended after the deadline or not at all (end_on after as_of is not visible).
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  r.kind,
  CASE
    WHEN r.kind = '失信' THEN zb_add_workdays(c.closed_on, :shixin_workdays)
    ELSE zb_add_days(c.closed_on, :xiaofei_days)
  END AS deadline,
  CASE WHEN r.end_on IS NULL THEN '至筛查日未解除' ELSE CAST(r.end_on AS VARCHAR) END AS end_on,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(p, role, name, id_no),
  zb_evidence(r, subject_id, kind, case_no, start_on, end_on)
FROM cases AS c
JOIN parties AS p
  ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
JOIN restrictions AS r
  ON r.case_no = c.case_no AND r.subject_id_entity = p.id_no_entity
WHERE c.close_method = '执行完毕'
  AND (
    (
      r.kind = '失信'
      AND zb_add_workdays(c.closed_on, :shixin_workdays) < :data_until
      AND (r.end_on IS NULL OR r.end_on > zb_add_workdays(c.closed_on, :shixin_workdays))
    )
    OR (
      r.kind = '限制消费'
      AND zb_add_days(c.closed_on, :xiaofei_days) < :data_until
      AND (r.end_on IS NULL OR r.end_on > zb_add_days(c.closed_on, :xiaofei_days))
    )
  )
