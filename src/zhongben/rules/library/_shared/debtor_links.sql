/*
view: debtor_links
description: 与终本被执行人关联的人和企业每对一行：亲属、法定代表人、股东、关联企业、员工
tables:
  relations: [person_a_id, person_b_id, relation, person_a_id_entity, person_b_id_entity]
  companies: [uscc, legal_rep_id, legal_rep_id_entity, uscc_entity]
  shareholdings: [company_uscc, holder_id, company_uscc_entity, holder_id_entity]
  social_insurance: [person_id, employer_uscc, employer_uscc_entity, person_id_entity]
uses: [terminated_debtors]
*/
-- kind: kin (relatives, also of the debtor company's head), head (legal representative or
-- shareholder of the debtor company), company (run or owned by the debtor, its head or their
-- relatives), employee (of the debtor company or of companies the debtor represents).
WITH
kin AS (
  SELECT r.person_a_id_entity AS subject_id, r.person_b_id_entity AS person_id, r.relation
  FROM relations AS r
  UNION ALL
  SELECT r.person_b_id_entity AS subject_id, r.person_a_id_entity AS person_id,
         CASE r.relation WHEN '父母' THEN '子女' WHEN '子女' THEN '父母' ELSE r.relation END
         AS relation
  FROM relations AS r
),
heads AS (
  SELECT co.uscc_entity AS company_id, co.legal_rep_id_entity AS person_id, '法定代表人' AS role
  FROM companies AS co
  WHERE co.legal_rep_id_entity IS NOT NULL
  UNION ALL
  SELECT sh.company_uscc_entity AS company_id, sh.holder_id_entity AS person_id, '股东' AS role
  FROM shareholdings AS sh
),
link_rows AS (
  SELECT d.debtor_id, k.person_id AS linked_id, 'kin' AS kind, k.relation AS link
  FROM terminated_debtors AS d JOIN kin AS k ON k.subject_id = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, h.person_id AS linked_id, 'head' AS kind, h.role AS link
  FROM terminated_debtors AS d JOIN heads AS h ON h.company_id = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, k.person_id AS linked_id, 'kin' AS kind,
         CONCAT(h.role, '的', k.relation) AS link
  FROM terminated_debtors AS d
  JOIN heads AS h ON h.company_id = d.debtor_id
  JOIN kin AS k ON k.subject_id = h.person_id
  UNION ALL
  SELECT d.debtor_id, h.company_id AS linked_id, 'company' AS kind,
         CASE h.role WHEN '股东' THEN '投资的企业' ELSE '任法定代表人的企业' END AS link
  FROM terminated_debtors AS d JOIN heads AS h ON h.person_id = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, h.company_id AS linked_id, 'company' AS kind,
         CONCAT(k.relation, '的企业') AS link
  FROM terminated_debtors AS d
  JOIN kin AS k ON k.subject_id = d.debtor_id
  JOIN heads AS h ON h.person_id = k.person_id
  UNION ALL
  SELECT d.debtor_id, h2.company_id AS linked_id, 'company' AS kind,
         CONCAT(h.role, '的其他企业') AS link
  FROM terminated_debtors AS d
  JOIN heads AS h ON h.company_id = d.debtor_id
  JOIN heads AS h2 ON h2.person_id = h.person_id AND h2.company_id <> d.debtor_id
  UNION ALL
  SELECT d.debtor_id, h2.company_id AS linked_id, 'company' AS kind,
         CONCAT(h.role, '的', k.relation, '的企业') AS link
  FROM terminated_debtors AS d
  JOIN heads AS h ON h.company_id = d.debtor_id
  JOIN kin AS k ON k.subject_id = h.person_id
  JOIN heads AS h2 ON h2.person_id = k.person_id
  UNION ALL
  SELECT d.debtor_id, si.person_id_entity AS linked_id, 'employee' AS kind, '员工' AS link
  FROM terminated_debtors AS d JOIN social_insurance AS si ON si.employer_uscc_entity = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, si.person_id_entity AS linked_id, 'employee' AS kind,
         '所任法定代表人企业的员工' AS link
  FROM terminated_debtors AS d
  JOIN companies AS co ON co.legal_rep_id_entity = d.debtor_id
  JOIN social_insurance AS si ON si.employer_uscc_entity = co.uscc_entity
)
SELECT lr.debtor_id, lr.linked_id, lr.kind, MIN(lr.link) AS link
FROM link_rows AS lr
WHERE lr.linked_id IS NOT NULL AND lr.linked_id <> lr.debtor_id
GROUP BY lr.debtor_id, lr.linked_id, lr.kind
