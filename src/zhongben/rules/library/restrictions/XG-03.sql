/*
id: XG-03
version: 2
name: 失信期限届满未删除
family: E
severity: low
grain: case_subject
basis:
  - {text: 失信规定 第2条, status: S}
  - {text: 失信规定 第10条, status: S}
tables:
  restrictions: [subject_id, name, kind, case_no, start_on, end_on, ground, subject_id_entity]
absence_of: [restrictions]
explanation: >-
  {subject_name}（{subject_id}）因失信情形第{ground}项于{start_on}被纳入失信名单（案号{case_no}），
  两年期限届满后最迟应于{deadline}删除，至筛查日仍在名单中。
*/
-- Grounds 2–6 of 失信规定 第1条 carry a 2-year term (第2条); ground 1 has none. Deadline: the
-- 3rd working day after start_on + 24 months (same day number, clamped: 02-29 → 02-28). Fires when
-- the deadline is before as_of and the entry is still held on as_of (end_on null or > as_of).
SELECT
  r.case_no,
  r.subject_id_entity AS subject_id,
  r.name AS subject_name,
  r.ground,
  r.start_on,
  zb_add_workdays(zb_add_months(r.start_on, 24), 3) AS deadline,
  zb_evidence(r, subject_id, name, kind, case_no, start_on, end_on, ground)
FROM restrictions AS r
WHERE r.kind = '失信'
  AND r.ground BETWEEN 2 AND 6
  AND zb_add_workdays(zb_add_months(r.start_on, 24), 3) < :data_until
  AND (r.end_on IS NULL OR r.end_on > :as_of)
