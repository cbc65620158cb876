/*
id: PM-01
version: 1
name: 起拍价或降价幅度违规
family: G
severity: high
grain: case
basis:
  - {text: 网拍规定 第10条, status: V}
  - {text: 网拍规定 第26条, status: V}
  - {text: 拍卖变卖规定 第5条, status: V}
explanation: >-
  案件{case_no}标的{item_id}的{round}起拍价{start_price}元，{basis_label}{basis_price}元，{problem}。
tables:
  auctions: [case_no, item_id, round, channel, reference_price, start_price]
*/
-- 一拍 online (channel 网络, or empty: the contract's default) below 70% of the reference price;
-- or any later round of the same item (二拍, then 变卖; rounds ordered 一拍 < 二拍 < 变卖) whose
-- start price is below 80% of the start price of the round before it that the data holds.
WITH rounds AS (
  SELECT 'auctions' AS _table, a._file, a._row, a._batch,
         a.case_no, a.item_id, a.round, a.channel, a.reference_price, a.start_price,
         LAG(a.start_price) OVER (
           PARTITION BY a.case_no, a.item_id
           ORDER BY CASE a.round WHEN '一拍' THEN 1 WHEN '二拍' THEN 2 ELSE 3 END
         ) AS previous_start_price
  FROM auctions AS a
)
SELECT
  r.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  r.item_id,
  r.round,
  r.start_price,
  CASE WHEN r.round = '一拍' THEN '参考价' ELSE '前一轮起拍价' END AS basis_label,
  CASE WHEN r.round = '一拍' THEN r.reference_price ELSE r.previous_start_price END AS basis_price,
  CASE
    WHEN r.round = '一拍' THEN '起拍价低于参考价的70%'
    ELSE '降价超过前一轮起拍价的20%'
  END AS problem,
  zb_evidence(r, case_no, item_id, round, channel, reference_price, start_price)
FROM rounds AS r
WHERE (
    r.round = '一拍'
    AND COALESCE(r.channel, '网络') = '网络'
    AND CAST(r.start_price AS DOUBLE) < 0.7 * CAST(r.reference_price AS DOUBLE)
  )
  OR (
    r.round <> '一拍'
    AND CAST(r.start_price AS DOUBLE) < 0.8 * CAST(r.previous_start_price AS DOUBLE)
  )
