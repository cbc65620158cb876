/* Restricted on day d: start_on ≤ d and (end_on null or d < end_on). Prohibited travel: any */
/* flight (any class); rail on a G-prefixed train (any seat); a D- or C-prefixed train in */
/* 一等座/商务座/特等座; 软卧 on any train. */
SELECT
  r.case_no,
  r.subject_id_entity AS subject_id,
  r.name AS subject_name,
  r.start_on,
  CONCAT(
    CAST(t.travelled_on AS TEXT),
    '乘坐',
    t.mode,
    t.carrier_no,
    t.seat_class,
    '（',
    t.origin,
    '—',
    t.destination,
    '）'
  ) AS trip,
  r._file AS zb_ev1___file,
  r._row AS zb_ev1___row,
  r._batch AS zb_ev1___batch,
  r.subject_id AS zb_ev1__subject_id,
  r.name AS zb_ev1__name,
  r.kind AS zb_ev1__kind,
  r.case_no AS zb_ev1__case_no,
  r.start_on AS zb_ev1__start_on,
  r.end_on AS zb_ev1__end_on,
  t._file AS zb_ev2___file,
  t._row AS zb_ev2___row,
  t._batch AS zb_ev2___batch,
  t.person_id AS zb_ev2__person_id,
  t.mode AS zb_ev2__mode,
  t.travelled_on AS zb_ev2__travelled_on,
  t.seat_class AS zb_ev2__seat_class,
  t.origin AS zb_ev2__origin,
  t.destination AS zb_ev2__destination,
  t.carrier_no AS zb_ev2__carrier_no
FROM (SELECT subject_id, subject_id_invalid, name, kind, case_no, start_on, CASE WHEN end_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE end_on END AS end_on, ground, subject_id_entity, _file, _sheet, _file_hash, _row, _batch FROM restrictions WHERE start_on <= CAST('2025-06-30' AS DATE)) AS r
JOIN (SELECT person_id, person_id_invalid, mode, travelled_on, seat_class, origin, destination, carrier_no, doc_type, doc_no, name_on_ticket, person_id_entity, _file, _sheet, _file_hash, _row, _batch FROM travel WHERE travelled_on <= CAST('2025-06-30' AS DATE)) AS t
  ON t.person_id_entity = r.subject_id_entity
  AND t.travelled_on >= r.start_on
  AND (
    r.end_on IS NULL OR t.travelled_on < r.end_on
  )
WHERE
  r.kind = '限制消费'
  AND (
    t.mode = '航班'
    OR (
      t.mode = '铁路'
      AND (
        t.carrier_no LIKE 'G%'
        OR (
          (
            t.carrier_no LIKE 'D%' OR t.carrier_no LIKE 'C%'
          )
          AND t.seat_class IN ('一等座', '商务座', '特等座')
        )
        OR t.seat_class = '软卧'
      )
    )
  )
