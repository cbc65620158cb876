/* A sold item: buyer_id present and status 成交 (or a deal price). The buyer is linked when, on */
/* the sale day (ended_on, else started_on/announced_on), the buyer is a debtor of the case, a */
/* relative of one (relations in either direction, from_on ≤ day < to_on), or a company in which */
/* the debtor or such a relative holds shares (from_on ≤ day < to_on). */
WITH sales AS (
  SELECT
    a.case_no,
    a.item_id,
    a.buyer_id_entity AS buyer_id,
    COALESCE(a.ended_on, a.started_on, a.announced_on) AS sold_on
  FROM (SELECT case_no, item_id, item_type, reference_price, round, channel, announced_on, start_price, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deal_price END AS deal_price, started_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE ended_on END AS ended_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE status END AS status, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id END AS buyer_id, buyer_id_invalid, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id_entity END AS buyer_id_entity, _file, _sheet, _file_hash, _row, _batch FROM auctions WHERE COALESCE(announced_on, started_on) IS NULL OR COALESCE(announced_on, started_on) <= CAST('2025-06-30' AS DATE)) AS a
  WHERE
    NOT a.buyer_id_entity IS NULL
    AND (
      a.status = '成交' OR NOT a.deal_price IS NULL
    )
), debtors AS (
  SELECT
    p.case_no,
    p.id_no_entity AS debtor_id,
    p.name AS debtor_name
  FROM parties AS p
  WHERE
    p.role = '被执行人' AND NOT p.id_no_entity IS NULL
), kin AS (
  SELECT
    'relations' AS _table,
    k._file,
    k._row,
    k._batch,
    k.person_a_id_entity AS person_id,
    k.person_b_id_entity AS relative_id,
    k.relation,
    k.from_on,
    k.to_on
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS k
  UNION ALL
  SELECT
    'relations' AS _table,
    k._file,
    k._row,
    k._batch,
    k.person_b_id_entity AS person_id,
    k.person_a_id_entity AS relative_id,
    k.relation,
    k.from_on,
    k.to_on
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS k
), holdings AS (
  SELECT
    'shareholdings' AS _table,
    h._file,
    h._row,
    h._batch,
    h.holder_id_entity AS person_id,
    h.company_uscc_entity AS relative_id,
    '持股' AS relation,
    h.from_on,
    h.to_on
  FROM (SELECT company_uscc, company_uscc_invalid, holder_name, holder_id, holder_id_invalid, subscribed, ratio, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, company_uscc_entity, holder_id_entity, _file, _sheet, _file_hash, _row, _batch FROM shareholdings WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS h
), links AS (
  SELECT
    s.case_no,
    s.item_id,
    s.buyer_id,
    d.debtor_name,
    '被执行人本人' AS tie,
    'parties' AS _table,
    p._file,
    p._row,
    p._batch,
    p.id_no_entity AS person_id,
    p.id_no_entity AS relative_id,
    '本人' AS relation,
    CAST(NULL AS DATE) AS from_on,
    CAST(NULL AS DATE) AS to_on
  FROM sales AS s
  JOIN debtors AS d
    ON d.case_no = s.case_no AND d.debtor_id = s.buyer_id
  JOIN parties AS p
    ON p.case_no = d.case_no AND p.role = '被执行人' AND p.id_no_entity = d.debtor_id
  UNION ALL
  SELECT
    s.case_no,
    s.item_id,
    s.buyer_id,
    d.debtor_name,
    CONCAT('被执行人的亲属（', COALESCE(k.relation, ''), '）') AS tie,
    k._table,
    k._file,
    k._row,
    k._batch,
    k.person_id,
    k.relative_id,
    k.relation,
    k.from_on,
    k.to_on
  FROM sales AS s
  JOIN debtors AS d
    ON d.case_no = s.case_no
  JOIN kin AS k
    ON k.person_id = d.debtor_id
    AND k.relative_id = s.buyer_id
    AND (
      k.from_on IS NULL OR k.from_on <= s.sold_on
    )
    AND (
      k.to_on IS NULL OR k.to_on > s.sold_on
    )
  UNION ALL
  SELECT
    s.case_no,
    s.item_id,
    s.buyer_id,
    d.debtor_name,
    '被执行人持股的企业' AS tie,
    h._table,
    h._file,
    h._row,
    h._batch,
    h.person_id,
    h.relative_id,
    h.relation,
    h.from_on,
    h.to_on
  FROM sales AS s
  JOIN debtors AS d
    ON d.case_no = s.case_no
  JOIN holdings AS h
    ON h.person_id = d.debtor_id
    AND h.relative_id = s.buyer_id
    AND (
      h.from_on IS NULL OR h.from_on <= s.sold_on
    )
    AND (
      h.to_on IS NULL OR h.to_on > s.sold_on
    )
  UNION ALL
  /* a relative's company: the kinship row and the shareholding row are both evidence */
  SELECT
    s.case_no,
    s.item_id,
    s.buyer_id,
    d.debtor_name,
    CONCAT('被执行人亲属（', COALESCE(k.relation, ''), '）持股的企业') AS tie,
    k._table,
    k._file,
    k._row,
    k._batch,
    k.person_id,
    k.relative_id,
    k.relation,
    k.from_on,
    k.to_on
  FROM sales AS s
  JOIN debtors AS d
    ON d.case_no = s.case_no
  JOIN kin AS k
    ON k.person_id = d.debtor_id
    AND (
      k.from_on IS NULL OR k.from_on <= s.sold_on
    )
    AND (
      k.to_on IS NULL OR k.to_on > s.sold_on
    )
  JOIN holdings AS h
    ON h.person_id = k.relative_id
    AND h.relative_id = s.buyer_id
    AND (
      h.from_on IS NULL OR h.from_on <= s.sold_on
    )
    AND (
      h.to_on IS NULL OR h.to_on > s.sold_on
    )
  UNION ALL
  SELECT
    s.case_no,
    s.item_id,
    s.buyer_id,
    d.debtor_name,
    CONCAT('被执行人亲属（', COALESCE(k.relation, ''), '）持股的企业') AS tie,
    h._table,
    h._file,
    h._row,
    h._batch,
    h.person_id,
    h.relative_id,
    h.relation,
    h.from_on,
    h.to_on
  FROM sales AS s
  JOIN debtors AS d
    ON d.case_no = s.case_no
  JOIN kin AS k
    ON k.person_id = d.debtor_id
    AND (
      k.from_on IS NULL OR k.from_on <= s.sold_on
    )
    AND (
      k.to_on IS NULL OR k.to_on > s.sold_on
    )
  JOIN holdings AS h
    ON h.person_id = k.relative_id
    AND h.relative_id = s.buyer_id
    AND (
      h.from_on IS NULL OR h.from_on <= s.sold_on
    )
    AND (
      h.to_on IS NULL OR h.to_on > s.sold_on
    )
)
SELECT
  a.case_no,
  a.buyer_id_entity AS subject_id,
  a.item_id,
  l.tie,
  l.debtor_name,
  a._file AS zb_ev1___file,
  a._row AS zb_ev1___row,
  a._batch AS zb_ev1___batch,
  a.case_no AS zb_ev1__case_no,
  a.item_id AS zb_ev1__item_id,
  a.round AS zb_ev1__round,
  a.deal_price AS zb_ev1__deal_price,
  a.status AS zb_ev1__status,
  a.ended_on AS zb_ev1__ended_on,
  a.buyer_id AS zb_ev1__buyer_id,
  l._table AS zb_ev2___table,
  l._file AS zb_ev2___file,
  l._row AS zb_ev2___row,
  l._batch AS zb_ev2___batch,
  l.person_id AS zb_ev2__person_id,
  l.relative_id AS zb_ev2__relative_id,
  l.relation AS zb_ev2__relation,
  l.from_on AS zb_ev2__from_on,
  l.to_on AS zb_ev2__to_on
FROM links AS l
JOIN (SELECT case_no, item_id, item_type, reference_price, round, channel, announced_on, start_price, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deal_price END AS deal_price, started_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE ended_on END AS ended_on, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE status END AS status, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id END AS buyer_id, buyer_id_invalid, CASE WHEN ended_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE buyer_id_entity END AS buyer_id_entity, _file, _sheet, _file_hash, _row, _batch FROM auctions WHERE COALESCE(announced_on, started_on) IS NULL OR COALESCE(announced_on, started_on) <= CAST('2025-06-30' AS DATE)) AS a
  ON a.case_no = l.case_no AND a.item_id = l.item_id AND a.buyer_id_entity = l.buyer_id
WHERE
  a.status = '成交' OR NOT a.deal_price IS NULL
