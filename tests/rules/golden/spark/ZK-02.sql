/* Only payments whose payee_id is a valid ID are judged. The payee matches an applicant of the */
/* case by ID; an applicant whose own ID is missing or invalid matches by exact name instead, so */
/* a bad ID in the ledger does not make a lead. */
SELECT
  p.case_no,
  CAST(NULL AS STRING) AS subject_id,
  p.amount,
  p.payee_name,
  p.payee_id_entity AS payee_id,
  p._file AS zb_ev1___file,
  p._row AS zb_ev1___row,
  p._batch AS zb_ev1___batch,
  p.case_no AS zb_ev1__case_no,
  p.received_on AS zb_ev1__received_on,
  p.amount AS zb_ev1__amount,
  p.paid_out_on AS zb_ev1__paid_out_on,
  p.payee_name AS zb_ev1__payee_name,
  p.payee_id AS zb_ev1__payee_id
FROM (SELECT case_no, received_on, amount, CASE WHEN paid_out_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE paid_out_on END AS paid_out_on, payee_name, payee_id, payee_id_invalid, delay_reason, payee_id_entity, _file, _sheet, _file_hash, _row, _batch FROM payments WHERE received_on <= CAST('2025-06-30' AS DATE)) AS p
WHERE
  NOT p.payee_id_entity IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM parties AS a
    WHERE
      a.case_no = p.case_no AND a.role = '申请执行人' AND a.id_no_entity = p.payee_id_entity
  )
  AND NOT EXISTS(
    SELECT
      1
    FROM parties AS b
    WHERE
      b.case_no = p.case_no
      AND b.role = '申请执行人'
      AND b.id_no_entity IS NULL
      AND b.name = p.payee_name
  )
