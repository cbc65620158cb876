/*
id: ZB-04
version: 2
name: 失信名单适用错误
family: A
severity: high
grain: case_subject
basis:
  - {text: 失信规定 第4条, status: S}
tables:
  cases: [case_no, close_method]
  parties: [case_no, role, name, id_no, party_type, id_no_entity]
  restrictions: [subject_id, kind, case_no, start_on, subject_id_entity]
explanation: >-
  被执行人{subject_name}（{subject_id}）出生于{birth_on}，{start_on}被纳入失信被执行人名单时
  年仅{age}周岁，属未成年人。
*/
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  zb_id_birth(p.id_no) AS birth_on,
  r.start_on,
  zb_age(zb_id_birth(p.id_no), r.start_on) AS age,
  zb_evidence(c, case_no, close_method),
  zb_evidence(p, role, name, id_no),
  zb_evidence(r, subject_id, kind, case_no, start_on)
FROM cases AS c
JOIN parties AS p
  ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
JOIN restrictions AS r
  ON r.subject_id_entity = p.id_no_entity AND r.case_no = c.case_no AND r.kind = '失信'
WHERE c.close_method = '终结本次执行程序'
  AND (p.party_type IS NULL OR p.party_type = '自然人')
  AND zb_id_birth(p.id_no) IS NOT NULL
  AND zb_age(zb_id_birth(p.id_no), r.start_on) < 18
