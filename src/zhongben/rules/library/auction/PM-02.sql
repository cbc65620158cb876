/*
id: PM-02
version: 1
name: 变卖价格低于评估价一半
family: G
severity: high
grain: case
basis:
  - {text: 拍卖变卖规定 第32条, status: V}
tables:
  auctions: [case_no, item_id, round, reference_price, deal_price, status, ended_on]
explanation: >-
  案件{case_no}标的{item_id}以{deal_price}元变卖成交，低于评估价{reference_price}元的一半。
*/
-- The reference price is the 变卖 row's own; when it is empty, the item's reference price from
-- its auction rounds in the same case.
WITH priced AS (
  SELECT 'auctions' AS _table, v._file, v._row, v._batch,
         v.case_no, v.item_id, v.round, v.deal_price, v.status, v.ended_on,
         COALESCE(
           v.reference_price,
           (SELECT MAX(o.reference_price) FROM auctions AS o
            WHERE o.case_no = v.case_no AND o.item_id = v.item_id)
         ) AS reference_price
  FROM auctions AS v
  WHERE v.round = '变卖'
)
SELECT
  p.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  p.item_id,
  p.deal_price,
  p.reference_price,
  zb_evidence(p, case_no, item_id, round, reference_price, deal_price, status, ended_on)
FROM priced AS p
WHERE CAST(p.deal_price AS DOUBLE) < 0.5 * CAST(p.reference_price AS DOUBLE)
