/*
id: DC-04
version: 1
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
  parties: [case_no, role, name, id_no]
  social_insurance: [person_id, employer_uscc, month]
  companies: [uscc, name, legal_rep_id, legal_rep_name, address, established_on]
explanation: >-
  被执行企业{subject_name}（{subject_id}）所涉案件{case_no}于{closed_on}终本，此后{signal}。
*/
WITH debtors AS (
  SELECT c.case_no, c.closed_on, p.id_no, p.name
  FROM cases AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no IS NOT NULL
  WHERE c.close_method = '终结本次执行程序'
),
staff AS (
  SELECT d.case_no, d.id_no, COUNT(DISTINCT s.month) AS months_paid
  FROM debtors AS d
  JOIN social_insurance AS s
    ON s.employer_uscc = d.id_no AND s.month > d.closed_on
  GROUP BY d.case_no, d.id_no
  HAVING COUNT(DISTINCT s.month) >= :months
),
signals AS (
  SELECT
    t.case_no, t.id_no,
    CONCAT('仍以该企业名义为职工缴纳社保', CAST(t.months_paid AS VARCHAR), '个月') AS signal,
    'social_insurance' AS _table, s._file, s._row, s._batch,
    s.person_id AS item, CAST(s.month AS VARCHAR) AS detail
  FROM staff AS t
  JOIN debtors AS d
    ON d.case_no = t.case_no AND d.id_no = t.id_no
  JOIN social_insurance AS s
    ON s.employer_uscc = t.id_no AND s.month > d.closed_on
  UNION ALL
  SELECT
    d.case_no, d.id_no,
    CONCAT('新设立企业', n.name, '（', n.uscc, '，', CAST(n.established_on AS VARCHAR), '成立），',
           '住所相同') AS signal,
    'companies' AS _table, n._file, n._row, n._batch,
    n.uscc AS item, CAST(n.established_on AS VARCHAR) AS detail
  FROM debtors AS d
  JOIN companies AS o
    ON o.uscc = d.id_no
  JOIN companies AS n
    ON n.address = o.address AND n.uscc <> o.uscc AND n.established_on > d.closed_on
  UNION ALL
  SELECT
    d.case_no, d.id_no,
    CONCAT('新设立企业', n.name, '（', n.uscc, '，', CAST(n.established_on AS VARCHAR), '成立），',
           '法定代表人相同') AS signal,
    'companies' AS _table, n._file, n._row, n._batch,
    n.uscc AS item, CAST(n.established_on AS VARCHAR) AS detail
  FROM debtors AS d
  JOIN companies AS o
    ON o.uscc = d.id_no
  JOIN companies AS n
    ON n.legal_rep_id = o.legal_rep_id AND n.uscc <> o.uscc AND n.established_on > d.closed_on
)
SELECT
  d.case_no,
  d.id_no AS subject_id,
  d.name AS subject_name,
  d.closed_on,
  g.signal,
  zb_evidence(g, item, detail)
FROM debtors AS d
JOIN signals AS g
  ON g.case_no = d.case_no AND g.id_no = d.id_no
