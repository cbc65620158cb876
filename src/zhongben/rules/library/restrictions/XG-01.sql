/*
id: XG-01
version: 2
name: 限制消费人员违规消费
family: E
severity: high
grain: case_subject
basis:
  - {text: 限高规定 第3条, status: S}
tables:
  restrictions: [subject_id, name, kind, case_no, start_on, end_on, subject_id_entity]
  travel: [person_id, mode, travelled_on, seat_class, origin, destination, carrier_no, person_id_entity]
explanation: >-
  {subject_name}（{subject_id}）自{start_on}起被限制消费（案号{case_no}），限制期间{trip}，
  属限高规定第三条禁止的消费行为。
*/
-- Restricted on day d: start_on ≤ d and (end_on null or d < end_on). Prohibited travel: any
-- flight (any class); rail on a G-prefixed train (any seat); a D- or C-prefixed train in
-- 一等座/商务座/特等座; 软卧 on any train.
SELECT
  r.case_no,
  r.subject_id_entity AS subject_id,
  r.name AS subject_name,
  r.start_on,
  CONCAT(CAST(t.travelled_on AS VARCHAR), '乘坐', t.mode, t.carrier_no, t.seat_class,
         '（', t.origin, '—', t.destination, '）') AS trip,
  zb_evidence(r, subject_id, name, kind, case_no, start_on, end_on),
  zb_evidence(t, person_id, mode, travelled_on, seat_class, origin, destination, carrier_no)
FROM restrictions AS r
JOIN travel AS t
  ON t.person_id_entity = r.subject_id_entity
  AND t.travelled_on >= r.start_on
  AND (r.end_on IS NULL OR t.travelled_on < r.end_on)
WHERE r.kind = '限制消费'
  AND (
    t.mode = '航班'
    OR (
      t.mode = '铁路'
      AND (
        t.carrier_no LIKE 'G%'
        OR (
          (t.carrier_no LIKE 'D%' OR t.carrier_no LIKE 'C%')
          AND t.seat_class IN ('一等座', '商务座', '特等座')
        )
        OR t.seat_class = '软卧'
      )
    )
  )
