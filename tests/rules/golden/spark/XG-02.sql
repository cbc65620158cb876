/* Deadline: 失信 → the shixin_workdays-th working day after the 执行完毕 date (Chinese calendar */
/* with 调休); 限制消费 → xiaofei_days calendar days after it. Removal on or before the deadline */
/* is timely. A lead needs the deadline to have passed by as_of and the entry (of this case, for */
/* this debtor) to have ended after the deadline or not at all (end_on after as_of is not visible). */
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  r.kind,
  CASE
    WHEN r.kind = '失信'
    THEN (
      SELECT
        MIN(zbc5_w.day)
      FROM zb_calendar AS zbc5_s
      JOIN zb_calendar AS zbc5_w
        ON zbc5_w.workday_index = zbc5_s.workday_index + (3)
        AND zbc5_w.is_workday
      WHERE
        zbc5_s.day = c.closed_on
    )
    ELSE (
      DATE_ADD(c.closed_on, (10))
    )
  END AS deadline,
  CASE WHEN r.end_on IS NULL THEN '至筛查日未解除' ELSE CAST(r.end_on AS STRING) END AS end_on,
  c._file AS zb_ev1___file,
  c._row AS zb_ev1___row,
  c._batch AS zb_ev1___batch,
  c.case_no AS zb_ev1__case_no,
  c.closed_on AS zb_ev1__closed_on,
  c.close_method AS zb_ev1__close_method,
  p._file AS zb_ev2___file,
  p._row AS zb_ev2___row,
  p._batch AS zb_ev2___batch,
  p.role AS zb_ev2__role,
  p.name AS zb_ev2__name,
  p.id_no AS zb_ev2__id_no,
  r._file AS zb_ev3___file,
  r._row AS zb_ev3___row,
  r._batch AS zb_ev3___batch,
  r.subject_id AS zb_ev3__subject_id,
  r.kind AS zb_ev3__kind,
  r.case_no AS zb_ev3__case_no,
  r.start_on AS zb_ev3__start_on,
  r.end_on AS zb_ev3__end_on
FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
JOIN parties AS p
  ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
JOIN (SELECT subject_id, subject_id_invalid, name, kind, case_no, start_on, CASE WHEN end_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE end_on END AS end_on, ground, subject_id_entity, _file, _sheet, _file_hash, _row, _batch FROM restrictions WHERE start_on <= CAST('2025-06-30' AS DATE)) AS r
  ON r.case_no = c.case_no AND r.subject_id_entity = p.id_no_entity
WHERE
  c.close_method = '执行完毕'
  AND (
    (
      r.kind = '失信'
      AND (
        SELECT
          MIN(zbc4_w.day)
        FROM zb_calendar AS zbc4_s
        JOIN zb_calendar AS zbc4_w
          ON zbc4_w.workday_index = zbc4_s.workday_index + (3)
          AND zbc4_w.is_workday
        WHERE
          zbc4_s.day = c.closed_on
      ) < (CAST('2025-06-30' AS DATE))
      AND (
        r.end_on IS NULL
        OR r.end_on > (
          SELECT
            MIN(zbc2_w.day)
          FROM zb_calendar AS zbc2_s
          JOIN zb_calendar AS zbc2_w
            ON zbc2_w.workday_index = zbc2_s.workday_index + (3)
            AND zbc2_w.is_workday
          WHERE
            zbc2_s.day = c.closed_on
        )
      )
    )
    OR (
      r.kind = '限制消费'
      AND (
        DATE_ADD(c.closed_on, (10))
      ) < (CAST('2025-06-30' AS DATE))
      AND (
        r.end_on IS NULL OR r.end_on > (
          DATE_ADD(c.closed_on, (10))
        )
      )
    )
  )
