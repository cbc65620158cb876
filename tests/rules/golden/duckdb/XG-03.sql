/* Grounds 2–6 of 失信规定 第1条 carry a 2-year term (第2条); ground 1 has none. Deadline: the */
/* 3rd working day after start_on + 24 months (same day number, clamped: 02-29 → 02-28). Fires when */
/* the deadline is before as_of and the entry is still held on as_of (end_on null or > as_of). */
SELECT
  r.case_no,
  r.subject_id_entity AS subject_id,
  r.name AS subject_name,
  r.ground,
  r.start_on,
  (
    SELECT
      MIN(zbc4_w.day)
    FROM zb_calendar AS zbc4_s
    JOIN zb_calendar AS zbc4_w
      ON zbc4_w.workday_index = zbc4_s.workday_index + 3 AND zbc4_w.is_workday
    WHERE
      zbc4_s.day = (
        CAST(r.start_on + TO_MONTHS(CAST(24 AS INT)) AS DATE)
      )
  ) AS deadline,
  r._file AS zb_ev1___file,
  r._row AS zb_ev1___row,
  r._batch AS zb_ev1___batch,
  r.subject_id AS zb_ev1__subject_id,
  r.name AS zb_ev1__name,
  r.kind AS zb_ev1__kind,
  r.case_no AS zb_ev1__case_no,
  r.start_on AS zb_ev1__start_on,
  r.end_on AS zb_ev1__end_on,
  r.ground AS zb_ev1__ground
FROM (SELECT subject_id, subject_id_invalid, name, kind, case_no, start_on, CASE WHEN end_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE end_on END AS end_on, ground, subject_id_entity, _file, _sheet, _file_hash, _row, _batch FROM restrictions WHERE start_on <= CAST('2025-06-30' AS DATE)) AS r
WHERE
  r.kind = '失信'
  AND r.ground BETWEEN 2 AND 6
  AND (
    SELECT
      MIN(zbc2_w.day)
    FROM zb_calendar AS zbc2_s
    JOIN zb_calendar AS zbc2_w
      ON zbc2_w.workday_index = zbc2_s.workday_index + 3 AND zbc2_w.is_workday
    WHERE
      zbc2_s.day = (
        CAST(r.start_on + TO_MONTHS(CAST(24 AS INT)) AS DATE)
      )
  ) < (CAST('2025-06-30' AS DATE))
  AND (
    r.end_on IS NULL OR r.end_on > (CAST('2025-06-30' AS DATE))
  )
