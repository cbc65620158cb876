/* The reference price is the 变卖 row's own; when it is empty, the item's reference price from */
/* its auction rounds in the same case. */
WITH priced AS (
  SELECT
    'auctions' AS _table,
    v._file,
    v._row,
    v._batch,
    v.case_no,
    v.item_id,
    v.round,
    v.deal_price,
    v.status,
    v.ended_on,
    COALESCE(
      v.reference_price,
      (
        SELECT
          MAX(o.reference_price)
        FROM (SELECT case_no, item_id, item_type, reference_price, round, channel, announced_on, start_price, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deal_price END AS deal_price, started_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE ended_on END AS ended_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE status END AS status, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id END AS buyer_id, buyer_id_invalid, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id_entity END AS buyer_id_entity, _file, _sheet, _file_hash, _row, _batch FROM auctions WHERE COALESCE(announced_on, started_on) IS NULL OR COALESCE(announced_on, started_on) <= CAST('2025-06-30' AS DATE)) AS o
        WHERE
          o.case_no = v.case_no AND o.item_id = v.item_id
      )
    ) AS reference_price
  FROM (SELECT case_no, item_id, item_type, reference_price, round, channel, announced_on, start_price, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deal_price END AS deal_price, started_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE ended_on END AS ended_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE status END AS status, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id END AS buyer_id, buyer_id_invalid, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id_entity END AS buyer_id_entity, _file, _sheet, _file_hash, _row, _batch FROM auctions WHERE COALESCE(announced_on, started_on) IS NULL OR COALESCE(announced_on, started_on) <= CAST('2025-06-30' AS DATE)) AS v
  WHERE
    v.round = '变卖'
)
SELECT
  p.case_no,
  CAST(NULL AS STRING) AS subject_id,
  p.item_id,
  p.deal_price,
  p.reference_price,
  p._table AS zb_ev1___table,
  p._file AS zb_ev1___file,
  p._row AS zb_ev1___row,
  p._batch AS zb_ev1___batch,
  p.case_no AS zb_ev1__case_no,
  p.item_id AS zb_ev1__item_id,
  p.round AS zb_ev1__round,
  p.reference_price AS zb_ev1__reference_price,
  p.deal_price AS zb_ev1__deal_price,
  p.status AS zb_ev1__status,
  p.ended_on AS zb_ev1__ended_on
FROM priced AS p
WHERE
  CAST(p.deal_price AS DOUBLE) < 0.5 * CAST(p.reference_price AS DOUBLE)
