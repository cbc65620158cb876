/*
id: PM-03
version: 2
name: 买受人与被执行人关联
family: G
severity: high
grain: case_subject
basis:
  - {text: 网拍规定 第34条, status: V}
  - {text: 拒执解释, status: V}
tables:
  auctions: [case_no, item_id, round, deal_price, status, started_on, ended_on, announced_on, buyer_id, buyer_id_entity]
  parties: [case_no, role, name, id_no, id_no_entity]
  relations: [person_a_id, person_b_id, relation, from_on, to_on, person_a_id_entity, person_b_id_entity]
  shareholdings: [company_uscc, holder_id, ratio, from_on, to_on, company_uscc_entity, holder_id_entity]
explanation: >-
  案件{case_no}标的{item_id}的买受人（{subject_id}）是{tie}，与被执行人{debtor_name}存在关联。
*/
-- A sold item: buyer_id present and status 成交 (or a deal price). The buyer is linked when, on
-- the sale day (ended_on, else started_on/announced_on), the buyer is a debtor of the case, a
-- relative of one (relations in either direction, from_on ≤ day < to_on), or a company in which
-- the debtor or such a relative holds shares (from_on ≤ day < to_on).
WITH sales AS (
  SELECT a.case_no, a.item_id, a.buyer_id_entity AS buyer_id,
         COALESCE(a.ended_on, a.started_on, a.announced_on) AS sold_on
  FROM auctions AS a
  WHERE a.buyer_id_entity IS NOT NULL AND (a.status = '成交' OR a.deal_price IS NOT NULL)
),
debtors AS (
  SELECT p.case_no, p.id_no_entity AS debtor_id, p.name AS debtor_name
  FROM parties AS p
  WHERE p.role = '被执行人' AND p.id_no_entity IS NOT NULL
),
kin AS (
  SELECT 'relations' AS _table, k._file, k._row, k._batch,
         k.person_a_id_entity AS person_id, k.person_b_id_entity AS relative_id, k.relation, k.from_on, k.to_on
  FROM relations AS k
  UNION ALL
  SELECT 'relations' AS _table, k._file, k._row, k._batch,
         k.person_b_id_entity AS person_id, k.person_a_id_entity AS relative_id, k.relation, k.from_on, k.to_on
  FROM relations AS k
),
holdings AS (
  SELECT 'shareholdings' AS _table, h._file, h._row, h._batch,
         h.holder_id_entity AS person_id, h.company_uscc_entity AS relative_id, '持股' AS relation,
         h.from_on, h.to_on
  FROM shareholdings AS h
),
links AS (
  SELECT s.case_no, s.item_id, s.buyer_id, d.debtor_name, '被执行人本人' AS tie,
         'parties' AS _table, p._file, p._row, p._batch,
         p.id_no_entity AS person_id, p.id_no_entity AS relative_id, '本人' AS relation,
         CAST(NULL AS DATE) AS from_on, CAST(NULL AS DATE) AS to_on
  FROM sales AS s
  JOIN debtors AS d ON d.case_no = s.case_no AND d.debtor_id = s.buyer_id
  JOIN parties AS p ON p.case_no = d.case_no AND p.role = '被执行人' AND p.id_no_entity = d.debtor_id
  UNION ALL
  SELECT s.case_no, s.item_id, s.buyer_id, d.debtor_name, CONCAT('被执行人的亲属（', k.relation, '）') AS tie,
         k._table, k._file, k._row, k._batch, k.person_id, k.relative_id, k.relation, k.from_on, k.to_on
  FROM sales AS s
  JOIN debtors AS d ON d.case_no = s.case_no
  JOIN kin AS k
    ON k.person_id = d.debtor_id AND k.relative_id = s.buyer_id
    AND (k.from_on IS NULL OR k.from_on <= s.sold_on) AND (k.to_on IS NULL OR k.to_on > s.sold_on)
  UNION ALL
  SELECT s.case_no, s.item_id, s.buyer_id, d.debtor_name, '被执行人持股的企业' AS tie,
         h._table, h._file, h._row, h._batch, h.person_id, h.relative_id, h.relation, h.from_on, h.to_on
  FROM sales AS s
  JOIN debtors AS d ON d.case_no = s.case_no
  JOIN holdings AS h
    ON h.person_id = d.debtor_id AND h.relative_id = s.buyer_id
    AND (h.from_on IS NULL OR h.from_on <= s.sold_on) AND (h.to_on IS NULL OR h.to_on > s.sold_on)
  UNION ALL
  -- a relative's company: the kinship row and the shareholding row are both evidence
  SELECT s.case_no, s.item_id, s.buyer_id, d.debtor_name,
         CONCAT('被执行人亲属（', k.relation, '）持股的企业') AS tie,
         k._table, k._file, k._row, k._batch, k.person_id, k.relative_id, k.relation, k.from_on, k.to_on
  FROM sales AS s
  JOIN debtors AS d ON d.case_no = s.case_no
  JOIN kin AS k
    ON k.person_id = d.debtor_id
    AND (k.from_on IS NULL OR k.from_on <= s.sold_on) AND (k.to_on IS NULL OR k.to_on > s.sold_on)
  JOIN holdings AS h
    ON h.person_id = k.relative_id AND h.relative_id = s.buyer_id
    AND (h.from_on IS NULL OR h.from_on <= s.sold_on) AND (h.to_on IS NULL OR h.to_on > s.sold_on)
  UNION ALL
  SELECT s.case_no, s.item_id, s.buyer_id, d.debtor_name,
         CONCAT('被执行人亲属（', k.relation, '）持股的企业') AS tie,
         h._table, h._file, h._row, h._batch, h.person_id, h.relative_id, h.relation, h.from_on, h.to_on
  FROM sales AS s
  JOIN debtors AS d ON d.case_no = s.case_no
  JOIN kin AS k
    ON k.person_id = d.debtor_id
    AND (k.from_on IS NULL OR k.from_on <= s.sold_on) AND (k.to_on IS NULL OR k.to_on > s.sold_on)
  JOIN holdings AS h
    ON h.person_id = k.relative_id AND h.relative_id = s.buyer_id
    AND (h.from_on IS NULL OR h.from_on <= s.sold_on) AND (h.to_on IS NULL OR h.to_on > s.sold_on)
)
SELECT
  a.case_no,
  a.buyer_id_entity AS subject_id,
  a.item_id,
  l.tie,
  l.debtor_name,
  zb_evidence(a, case_no, item_id, round, deal_price, status, ended_on, buyer_id),
  zb_evidence(l, person_id, relative_id, relation, from_on, to_on)
FROM links AS l
JOIN auctions AS a
  ON a.case_no = l.case_no AND a.item_id = l.item_id AND a.buyer_id_entity = l.buyer_id
WHERE a.status = '成交' OR a.deal_price IS NOT NULL
