WITH zb_lead_rows AS (
  SELECT
    c.case_no,
    (
      CASE
        WHEN LENGTH(p.id_no) = 18
        THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
      END
    ) AS birth_on,
    r.start_on,
    (
      YEAR(r.start_on) - YEAR(
        (
          CASE
            WHEN LENGTH(p.id_no) = 18
            THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
          END
        )
      ) - CASE
        WHEN MONTH(r.start_on) * 100 + DAY(r.start_on) < MONTH(
          (
            CASE
              WHEN LENGTH(p.id_no) = 18
              THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
            END
          )
        ) * 100 + DAY(
          (
            CASE
              WHEN LENGTH(p.id_no) = 18
              THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
            END
          )
        )
        THEN 1
        ELSE 0
      END
    ) AS age,
    c._file AS zb_ev1___file,
    c._row AS zb_ev1___row,
    c._batch AS zb_ev1___batch,
    c.case_no AS zb_ev1__case_no,
    c.close_method AS zb_ev1__close_method,
    r._file AS zb_ev3___file,
    r._row AS zb_ev3___row,
    r._batch AS zb_ev3___batch,
    r.subject_id AS zb_ev3__subject_id,
    r.kind AS zb_ev3__kind,
    r.case_no AS zb_ev3__case_no,
    r.start_on AS zb_ev3__start_on,
    p.rowid AS zb_rowid1
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  JOIN (SELECT subject_id, subject_id_invalid, name, kind, case_no, start_on, CASE WHEN end_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE end_on END AS end_on, ground, subject_id_entity, _file, _sheet, _file_hash, _row, _batch FROM restrictions WHERE start_on <= CAST('2025-06-30' AS DATE)) AS r
    ON r.subject_id_entity = p.id_no_entity AND r.case_no = c.case_no AND r.kind = '失信'
  WHERE
    c.close_method = '终结本次执行程序'
    AND (
      p.party_type IS NULL OR p.party_type = '自然人'
    )
    AND NOT (
      CASE
        WHEN LENGTH(p.id_no) = 18
        THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
      END
    ) IS NULL
    AND (
      YEAR(r.start_on) - YEAR(
        (
          CASE
            WHEN LENGTH(p.id_no) = 18
            THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
          END
        )
      ) - CASE
        WHEN MONTH(r.start_on) * 100 + DAY(r.start_on) < MONTH(
          (
            CASE
              WHEN LENGTH(p.id_no) = 18
              THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
            END
          )
        ) * 100 + DAY(
          (
            CASE
              WHEN LENGTH(p.id_no) = 18
              THEN TRY_CAST(CONCAT(SUBSTRING(p.id_no, 7, 4), '-', SUBSTRING(p.id_no, 11, 2), '-', SUBSTRING(p.id_no, 13, 2)) AS DATE)
            END
          )
        )
        THEN 1
        ELSE 0
      END
    ) < 18
)
SELECT
  q.case_no,
  zb_late1.id_no_entity AS subject_id,
  zb_late1.name AS subject_name,
  q.birth_on,
  q.start_on,
  q.age,
  q.zb_ev1___file,
  q.zb_ev1___row,
  q.zb_ev1___batch,
  q.zb_ev1__case_no,
  q.zb_ev1__close_method,
  zb_late1._file AS zb_ev2___file,
  zb_late1._row AS zb_ev2___row,
  zb_late1._batch AS zb_ev2___batch,
  zb_late1.role AS zb_ev2__role,
  zb_late1.name AS zb_ev2__name,
  zb_late1.id_no AS zb_ev2__id_no,
  q.zb_ev3___file,
  q.zb_ev3___row,
  q.zb_ev3___batch,
  q.zb_ev3__subject_id,
  q.zb_ev3__kind,
  q.zb_ev3__case_no,
  q.zb_ev3__start_on
FROM zb_lead_rows AS q
LEFT JOIN parties AS zb_late1
  ON zb_late1.rowid = q.zb_rowid1
