SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
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
  r.start_on AS zb_ev3__start_on
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
