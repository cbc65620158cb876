/*
id: CF-01
version: 1
name: 超标的查封
family: F
severity: medium
grain: case
basis:
  - {text: 查封规定 第19条, status: V}
tables:
  cases: [case_no, claim_amount, paid_amount]
  actions: [case_no, action, acted_on, target_type, target_id, amount]
params:
  ratio: {type: number, default: 2, label: 查封财产价值与未履行金额之比上限, unit: 倍, policy: true}
explanation: >-
  案件{case_no}未履行金额{unpaid}元，筛查日仍有效的查封、扣押、冻结共{item_count}项，
  价值合计{seized_value}元，超过未履行金额的{ratio}倍。
*/
-- Active on as_of: a 查封/冻结/扣押 not released by a 解除查封 of the same target in the same
-- case dated from the seizure day up to as_of. Items are distinct target_ids (a target seized
-- twice, e.g. 查封 then 扣押, counts once at its highest amount); a seizure without target_id is
-- an item of its own. Unknown amounts count as 0.
WITH active AS (
  SELECT 'actions' AS _table, s._file, s._row, s._batch,
         s.case_no, s.action, s.acted_on, s.target_type, s.target_id, s.amount,
         COALESCE(s.target_id, CONCAT(s._file, '#', CAST(s._row AS VARCHAR))) AS item
  FROM actions AS s
  WHERE s.action IN ('查封', '冻结', '扣押')
    AND NOT EXISTS (
      SELECT 1
      FROM actions AS r
      WHERE r.case_no = s.case_no
        AND r.action = '解除查封'
        AND r.target_id = s.target_id
        AND r.acted_on >= s.acted_on
    )
),
items AS (
  SELECT a.case_no, a.item, MAX(COALESCE(a.amount, 0)) AS amount
  FROM active AS a
  GROUP BY a.case_no, a.item
),
totals AS (
  SELECT i.case_no, COUNT(*) AS item_count, SUM(i.amount) AS seized_value
  FROM items AS i
  GROUP BY i.case_no
)
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  CAST(c.claim_amount - COALESCE(c.paid_amount, 0) AS DECIMAL(18, 2)) AS unpaid,
  t.item_count,
  t.seized_value,
  zb_evidence(c, case_no, claim_amount, paid_amount),
  zb_evidence(a, action, acted_on, target_type, target_id, amount)
FROM totals AS t
JOIN cases AS c ON c.case_no = t.case_no
JOIN active AS a ON a.case_no = t.case_no
WHERE c.claim_amount IS NOT NULL
  AND t.item_count >= 2
  AND CAST(t.seized_value AS DOUBLE)
      > :ratio * CAST(c.claim_amount - COALESCE(c.paid_amount, 0) AS DOUBLE)
