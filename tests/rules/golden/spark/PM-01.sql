/* 一拍 online (channel 网络, or empty: the contract's default) below 70% of the reference price; */
/* or any later round of the same item (二拍, then 变卖; rounds ordered 一拍 < 二拍 < 变卖) whose */
/* start price is below 80% of the start price of the round before it that the data holds. */
WITH rounds AS (
  SELECT
    'auctions' AS _table,
    a._file,
    a._row,
    a._batch,
    a.case_no,
    a.item_id,
    a.round,
    a.channel,
    a.reference_price,
    a.start_price,
    LAG(a.start_price) OVER (
      PARTITION BY a.case_no, a.item_id
      ORDER BY CASE a.round WHEN '一拍' THEN 1 WHEN '二拍' THEN 2 ELSE 3 END NULLS LAST
    ) AS previous_start_price
  FROM (SELECT case_no, item_id, item_type, reference_price, round, channel, announced_on, start_price, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deal_price END AS deal_price, started_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE ended_on END AS ended_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE status END AS status, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id END AS buyer_id, buyer_id_invalid, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id_entity END AS buyer_id_entity, _file, _sheet, _file_hash, _row, _batch FROM auctions WHERE COALESCE(announced_on, started_on) IS NULL OR COALESCE(announced_on, started_on) <= CAST('2025-06-30' AS DATE)) AS a
)
SELECT
  r.case_no,
  CAST(NULL AS STRING) AS subject_id,
  r.item_id,
  r.round,
  r.start_price,
  CASE WHEN r.round = '一拍' THEN '参考价' ELSE '前一轮起拍价' END AS basis_label,
  CASE WHEN r.round = '一拍' THEN r.reference_price ELSE r.previous_start_price END AS basis_price,
  CASE WHEN r.round = '一拍' THEN '起拍价低于参考价的70%' ELSE '降价超过前一轮起拍价的20%' END AS problem,
  r._table AS zb_ev1___table,
  r._file AS zb_ev1___file,
  r._row AS zb_ev1___row,
  r._batch AS zb_ev1___batch,
  r.case_no AS zb_ev1__case_no,
  r.item_id AS zb_ev1__item_id,
  r.round AS zb_ev1__round,
  r.channel AS zb_ev1__channel,
  r.reference_price AS zb_ev1__reference_price,
  r.start_price AS zb_ev1__start_price
FROM rounds AS r
WHERE
  (
    r.round = '一拍'
    AND COALESCE(r.channel, '网络') = '网络'
    AND CAST(r.start_price AS DOUBLE) < 0.7 * CAST(r.reference_price AS DOUBLE)
  )
  OR (
    r.round <> '一拍'
    AND CAST(r.start_price AS DOUBLE) < 0.8 * CAST(r.previous_start_price AS DOUBLE)
  )
