WITH clues AS (
  SELECT
    'actions' AS _table,
    a.case_no,
    a.acted_on,
    a.result,
    a._file,
    a._row,
    a._batch,
    CASE WHEN a.result LIKE '%紧急%' THEN (3) ELSE (7) END AS limit_days
  FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS a
  WHERE
    a.action = '申请人提供财产线索'
)
SELECT
  l.case_no,
  CAST(NULL AS STRING) AS subject_id,
  l.acted_on AS clue_on,
  l.result AS clue,
  l.limit_days,
  CASE
    WHEN MIN(k.acted_on) IS NULL
    THEN ''
    ELSE CONCAT('（', COALESCE(CAST(MIN(k.acted_on) AS STRING), ''), '才核查）')
  END AS checked,
  l._table AS zb_ev1___table,
  l._file AS zb_ev1___file,
  l._row AS zb_ev1___row,
  l._batch AS zb_ev1___batch,
  l.acted_on AS zb_ev1__acted_on,
  l.result AS zb_ev1__result
FROM clues AS l
LEFT JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS k
  ON k.case_no = l.case_no AND k.action = '核查财产线索' AND k.acted_on >= l.acted_on
WHERE
  (
    DATE_ADD(l.acted_on, l.limit_days)
  ) < (CAST('2025-06-30' AS DATE))
  AND NOT EXISTS(
    SELECT
      1
    FROM (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS x
    WHERE
      x.case_no = l.case_no
      AND x.action = '核查财产线索'
      AND x.acted_on >= l.acted_on
      AND x.acted_on <= (
        DATE_ADD(l.acted_on, l.limit_days)
      )
  )
GROUP BY
  l.case_no,
  l.acted_on,
  l.result,
  l.limit_days,
  l._table,
  l._file,
  l._row,
  l._batch
