/*
id: DC-04
version: 2
name: 被执行企业终本后仍在经营
family: C
severity: high
grain: case_subject
basis:
  - {text: 终本规定 第1条第3项, status: V}
  - {text: 拒执解释 第3条, status: V}
params:
  months: {type: integer, default: 3, label: 终本后仍缴社保的最少月数, unit: 个月}
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  social_insurance: [person_id, employer_uscc, month, employer_uscc_entity, person_id_entity]
  companies: [uscc, name, legal_rep_id, legal_rep_name, address, established_on, legal_rep_id_entity, uscc_entity]
explanation: >-
  被执行企业{subject_name}（{subject_id}）所涉案件{case_no}于{closed_on}终本，此后{signal}。
*/
-- The debtor's name is read from its party row at the end; the contributions after closing and the
-- debtor's own registration are each read once and reused for the count and for the evidence.
WITH debtors AS (
  SELECT c.case_no, c.closed_on, p.id_no_entity AS id_no
  FROM cases AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
  WHERE c.close_method = '终结本次执行程序'
),
paid AS (
  SELECT d.case_no, d.id_no, s._file, s._row, s._batch, s.person_id_entity AS person_id, s.month
  FROM debtors AS d
  JOIN social_insurance AS s
    ON s.employer_uscc_entity = d.id_no AND s.month > d.closed_on
),
staff AS (
  SELECT x.case_no, x.id_no, COUNT(DISTINCT x.month) AS months_paid
  FROM paid AS x
  GROUP BY x.case_no, x.id_no
  HAVING COUNT(DISTINCT x.month) >= :months
),
registered AS (
  SELECT d.case_no, d.id_no, d.closed_on, o.uscc_entity AS uscc, o.address, o.legal_rep_id_entity AS legal_rep_id
  FROM debtors AS d
  JOIN companies AS o
    ON o.uscc_entity = d.id_no
),
signals AS (
  SELECT
    t.case_no, t.id_no,
    CONCAT('仍以该企业名义为职工缴纳社保', CAST(t.months_paid AS VARCHAR), '个月') AS signal,
    'social_insurance' AS _table, x._file, x._row, x._batch,
    x.person_id AS item, CAST(x.month AS VARCHAR) AS detail
  FROM staff AS t
  JOIN paid AS x
    ON x.case_no = t.case_no AND x.id_no = t.id_no
  UNION ALL
  SELECT
    o.case_no, o.id_no,
    CONCAT('新设立企业', n.name, '（', n.uscc_entity, '，', CAST(n.established_on AS VARCHAR), '成立），',
           '住所相同') AS signal,
    'companies' AS _table, n._file, n._row, n._batch,
    n.uscc_entity AS item, CAST(n.established_on AS VARCHAR) AS detail
  FROM registered AS o
  JOIN companies AS n
    ON n.address = o.address AND n.uscc_entity <> o.uscc AND n.established_on > o.closed_on
  UNION ALL
  SELECT
    o.case_no, o.id_no,
    CONCAT('新设立企业', n.name, '（', n.uscc_entity, '，', CAST(n.established_on AS VARCHAR), '成立），',
           '法定代表人相同') AS signal,
    'companies' AS _table, n._file, n._row, n._batch,
    n.uscc_entity AS item, CAST(n.established_on AS VARCHAR) AS detail
  FROM registered AS o
  JOIN companies AS n
    ON n.legal_rep_id_entity = o.legal_rep_id AND n.uscc_entity <> o.uscc AND n.established_on > o.closed_on
)
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  g.signal,
  zb_evidence(g, item, detail)
FROM signals AS g
JOIN cases AS c
  ON c.case_no = g.case_no AND c.close_method = '终结本次执行程序'
JOIN parties AS p
  ON p.case_no = g.case_no AND p.role = '被执行人' AND p.id_no_entity = g.id_no
