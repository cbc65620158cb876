/*
id: CC-02
version: 1
name: 申请人财产线索未及时核查
family: B
severity: medium
grain: case
basis:
  - {text: 财产调查规定 第2条, status: V}
params:
  days: {type: integer, default: 7, label: 核查申请人财产线索的期限, unit: 日}
  urgent_days: {type: integer, default: 3, label: 紧急线索的核查期限, unit: 日}
tables:
  actions: [case_no, action, acted_on, result]
absence_of: [actions]
explanation: >-
  案件{case_no}中申请执行人于{clue_on}提供财产线索（{clue}），期限{limit_days}日内未见核查{checked}。
*/
WITH clues AS (
  SELECT
    'actions' AS _table, a.case_no, a.acted_on, a.result, a._file, a._row, a._batch,
    CASE WHEN a.result LIKE '%紧急%' THEN :urgent_days ELSE :days END AS limit_days
  FROM actions AS a
  WHERE a.action = '申请人提供财产线索'
)
SELECT
  l.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  l.acted_on AS clue_on,
  l.result AS clue,
  l.limit_days,
  CASE WHEN MIN(k.acted_on) IS NULL THEN ''
       ELSE CONCAT('（', CAST(MIN(k.acted_on) AS VARCHAR), '才核查）') END AS checked,
  zb_evidence(l, acted_on, result)
FROM clues AS l
LEFT JOIN actions AS k
  ON k.case_no = l.case_no AND k.action = '核查财产线索' AND k.acted_on >= l.acted_on
WHERE zb_add_days(l.acted_on, l.limit_days) < :data_until
  AND NOT EXISTS (
    SELECT 1 FROM actions AS x
    WHERE x.case_no = l.case_no
      AND x.action = '核查财产线索'
      AND x.acted_on >= l.acted_on
      AND x.acted_on <= zb_add_days(l.acted_on, l.limit_days)
  )
GROUP BY l.case_no, l.acted_on, l.result, l.limit_days, l._table, l._file, l._row, l._batch
