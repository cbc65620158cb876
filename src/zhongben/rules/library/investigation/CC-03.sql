/*
id: CC-03
version: 2
name: 新型财产未查控
family: B
severity: high
grain: case_subject
basis:
  - {text: 财产调查规定 第5条, status: V}
  - {text: 股权规定, status: V}
  - {text: （2021）最高法执监35号, status: S}
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  insurance_policies: [policy_no, holder_id, insurer, product_type, cash_value, start_on, end_on, holder_id_entity]
  shareholdings: [company_uscc, holder_id, ratio, from_on, to_on, company_uscc_entity, holder_id_entity]
  housing_fund: [person_id, balance, as_of, person_id_entity]
  actions: [case_no, target_type]
explanation: >-
  案件{case_no}于{closed_on}终本，当日被执行人{subject_name}（{subject_id}）持有{holding}，
  本案未对{target_type}采取任何措施。
*/
WITH debtors AS (
  SELECT
    c.case_no, c.closed_on, p.id_no_entity AS id_no, p.name
  FROM cases AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
  WHERE c.close_method = '终结本次执行程序'
),
holdings AS (
  SELECT
    d.case_no, d.id_no, '保险' AS target_type,
    CONCAT('有现金价值的保单', i.policy_no, '（', COALESCE(i.insurer, ''), '，现金价值',
           CAST(i.cash_value AS VARCHAR), '元）') AS holding,
    'insurance_policies' AS _table, i._file, i._row, i._batch, i.policy_no AS item
  FROM debtors AS d
  JOIN insurance_policies AS i
    ON i.holder_id_entity = d.id_no
    AND i.start_on <= d.closed_on
    AND (i.end_on IS NULL OR i.end_on > d.closed_on)
  WHERE i.cash_value > 0
  UNION ALL
  SELECT
    d.case_no, d.id_no, '股权' AS target_type,
    CONCAT('企业', s.company_uscc_entity, '的股权') AS holding,
    'shareholdings' AS _table, s._file, s._row, s._batch, s.company_uscc_entity AS item
  FROM debtors AS d
  JOIN shareholdings AS s
    ON s.holder_id_entity = d.id_no
    AND (s.from_on IS NULL OR s.from_on <= d.closed_on)
    AND (s.to_on IS NULL OR s.to_on > d.closed_on)
  UNION ALL
  SELECT
    d.case_no, d.id_no, '公积金' AS target_type,
    CONCAT('住房公积金余额', CAST(h.balance AS VARCHAR), '元（', CAST(h.as_of AS VARCHAR), '）')
      AS holding,
    'housing_fund' AS _table, h._file, h._row, h._batch, d.id_no AS item
  FROM debtors AS d
  JOIN housing_fund AS h
    ON h.person_id_entity = d.id_no AND h.as_of <= d.closed_on
  WHERE h.balance > 0
    AND NOT EXISTS (
      SELECT 1 FROM housing_fund AS later
      WHERE later.person_id_entity = d.id_no AND later.as_of > h.as_of AND later.as_of <= d.closed_on
    )
)
SELECT
  d.case_no,
  d.id_no AS subject_id,
  d.name AS subject_name,
  d.closed_on,
  g.holding,
  g.target_type,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(g, target_type, item, holding)
FROM debtors AS d
JOIN holdings AS g
  ON g.case_no = d.case_no AND g.id_no = d.id_no
JOIN cases AS c
  ON c.case_no = d.case_no
WHERE NOT EXISTS (
  SELECT 1 FROM actions AS a
  WHERE a.case_no = d.case_no AND a.target_type = g.target_type
)
