/* Paid out later than received_on + days, or still unpaid on as_of (a payout dated after as_of */
/* is not visible) with as_of later than received_on + days. A recorded delay_reason excuses it. */
SELECT
  p.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  p.received_on,
  p.amount,
  CASE
    WHEN p.paid_out_on IS NULL
    THEN CONCAT(
      CASE
        WHEN (CAST('2025-06-30' AS DATE)) < (CAST('2025-06-30' AS DATE))
        THEN CONCAT('至数据截止日', CAST((CAST('2025-06-30' AS DATE)) AS TEXT), '已')
        ELSE '至筛查日已'
      END,
      CAST((
        DATE_DIFF('DAY', CAST(p.received_on AS DATE), CAST((CAST('2025-06-30' AS DATE)) AS DATE))
      ) AS TEXT),
      '天未发放'
    )
    ELSE CONCAT(
      '于',
      CAST(p.paid_out_on AS TEXT),
      '才发放，历时',
      CAST((
        DATE_DIFF('DAY', CAST(p.received_on AS DATE), CAST(p.paid_out_on AS DATE))
      ) AS TEXT),
      '天'
    )
  END AS status,
  p._file AS zb_ev1___file,
  p._row AS zb_ev1___row,
  p._batch AS zb_ev1___batch,
  p.case_no AS zb_ev1__case_no,
  p.received_on AS zb_ev1__received_on,
  p.amount AS zb_ev1__amount,
  p.paid_out_on AS zb_ev1__paid_out_on,
  p.payee_name AS zb_ev1__payee_name,
  p.delay_reason AS zb_ev1__delay_reason
FROM (SELECT case_no, received_on, amount, CASE WHEN paid_out_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE paid_out_on END AS paid_out_on, payee_name, payee_id, payee_id_invalid, delay_reason, payee_id_entity, _file, _sheet, _file_hash, _row, _batch FROM payments WHERE received_on <= CAST('2025-06-30' AS DATE)) AS p
WHERE
  p.delay_reason IS NULL
  AND COALESCE(p.paid_out_on, (CAST('2025-06-30' AS DATE))) > (
    CAST(p.received_on + TO_DAYS(CAST((30) AS INT)) AS DATE)
  )
