/*
id: FL-01
version: 1
name: 他人账户代收债务人收入
family: K
severity: high
grain: subject
basis:
  - {text: 拒执解释 第3条, status: V}
tables:
  cases: [case_no, filed_on, closed_on, close_method]
  parties: [case_no, role, name, id_no, party_type]
  relations: [person_a_id, person_b_id, relation]
  companies: [uscc, legal_rep_id]
  shareholdings: [company_uscc, holder_id]
  social_insurance: [person_id, employer_uscc]
  bank_accounts: [account_no, holder_id, holder_name]
  transactions: [account_no, txn_at, amount, direction, counterparty_account, counterparty_name,
                 summary]
params:
  min_payments: {type: integer, default: 3, label: 代收笔数下限, unit: 笔}
  window_days: {type: integer, default: 90, label: 代收期间, unit: 天}
explanation: "被执行人{subject_name}（{subject_id}）的执行案件立案（{filed_on}）后，其{helper}的账户\
  {helper_account}在{window_days}天内收到{payer}的付款{payment_count}笔、合计{total}元；\
  这些付款人此前曾向被执行人本人账户付款（{first_paid}）。原应付给被执行人的收入改由他人账户代收，\
  涉嫌隐匿收入、规避执行，建议法院调取该账户流水、查明款项性质并依法提取或冻结。"
*/
WITH
debtors AS (
  SELECT p.id_no AS debtor_id, MIN(p.name) AS debtor_name, MIN(p.party_type) AS party_type,
         MIN(c.filed_on) AS filed_on, MIN(c.closed_on) AS closed_on
  FROM parties AS p
  JOIN cases AS c ON c.case_no = p.case_no
  WHERE p.role = '被执行人' AND p.id_no IS NOT NULL AND c.close_method = '终结本次执行程序'
  GROUP BY p.id_no
),
kin AS (
  SELECT r.person_a_id AS subject_id, r.person_b_id AS person_id, r.relation
  FROM relations AS r
  UNION ALL
  SELECT r.person_b_id AS subject_id, r.person_a_id AS person_id,
         CASE r.relation WHEN '父母' THEN '子女' WHEN '子女' THEN '父母' ELSE r.relation END
         AS relation
  FROM relations AS r
),
heads AS (
  SELECT co.uscc AS company_id, co.legal_rep_id AS person_id, '法定代表人' AS role
  FROM companies AS co
  WHERE co.legal_rep_id IS NOT NULL
  UNION ALL
  SELECT sh.company_uscc AS company_id, sh.holder_id AS person_id, '股东' AS role
  FROM shareholdings AS sh
),
link_rows AS (
  SELECT d.debtor_id, k.person_id AS linked_id, 'kin' AS kind, k.relation AS link
  FROM debtors AS d JOIN kin AS k ON k.subject_id = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, h.person_id AS linked_id, 'head' AS kind, h.role AS link
  FROM debtors AS d JOIN heads AS h ON h.company_id = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, k.person_id AS linked_id, 'kin' AS kind,
         CONCAT(h.role, '的', k.relation) AS link
  FROM debtors AS d
  JOIN heads AS h ON h.company_id = d.debtor_id
  JOIN kin AS k ON k.subject_id = h.person_id
  UNION ALL
  SELECT d.debtor_id, h.company_id AS linked_id, 'company' AS kind,
         CASE h.role WHEN '股东' THEN '投资的企业' ELSE '任法定代表人的企业' END AS link
  FROM debtors AS d JOIN heads AS h ON h.person_id = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, h.company_id AS linked_id, 'company' AS kind,
         CONCAT(k.relation, '的企业') AS link
  FROM debtors AS d
  JOIN kin AS k ON k.subject_id = d.debtor_id
  JOIN heads AS h ON h.person_id = k.person_id
  UNION ALL
  SELECT d.debtor_id, h2.company_id AS linked_id, 'company' AS kind,
         CONCAT(h.role, '的其他企业') AS link
  FROM debtors AS d
  JOIN heads AS h ON h.company_id = d.debtor_id
  JOIN heads AS h2 ON h2.person_id = h.person_id AND h2.company_id <> d.debtor_id
  UNION ALL
  SELECT d.debtor_id, h2.company_id AS linked_id, 'company' AS kind,
         CONCAT(h.role, '的', k.relation, '的企业') AS link
  FROM debtors AS d
  JOIN heads AS h ON h.company_id = d.debtor_id
  JOIN kin AS k ON k.subject_id = h.person_id
  JOIN heads AS h2 ON h2.person_id = k.person_id
  UNION ALL
  SELECT d.debtor_id, si.person_id AS linked_id, 'employee' AS kind, '员工' AS link
  FROM debtors AS d JOIN social_insurance AS si ON si.employer_uscc = d.debtor_id
  UNION ALL
  SELECT d.debtor_id, si.person_id AS linked_id, 'employee' AS kind,
         '所任法定代表人企业的员工' AS link
  FROM debtors AS d
  JOIN companies AS co ON co.legal_rep_id = d.debtor_id
  JOIN social_insurance AS si ON si.employer_uscc = co.uscc
),
links AS (
  SELECT lr.debtor_id, lr.linked_id, lr.kind, MIN(lr.link) AS link
  FROM link_rows AS lr
  WHERE lr.linked_id IS NOT NULL AND lr.linked_id <> lr.debtor_id
  GROUP BY lr.debtor_id, lr.linked_id, lr.kind
),
legs AS (
  SELECT 'transactions' AS _table, t._file, t._row, t._batch, t.txn_at, t.amount, t.summary,
         t.direction,
         CASE WHEN t.direction = 'out' THEN t.account_no ELSE t.counterparty_account END
         AS from_account,
         CASE WHEN t.direction = 'out' THEN t.counterparty_account ELSE t.account_no END
         AS to_account,
         CASE WHEN t.direction = 'in' THEN t.counterparty_name END AS from_name,
         CASE WHEN t.direction = 'out' THEN t.counterparty_name END AS to_name
  FROM transactions AS t
),
moves AS (
  SELECT g._table, g._file, g._row, g._batch, g.txn_at, g.amount, g.summary, g.from_account,
         g.to_account, g.from_name, g.to_name
  FROM legs AS g
  WHERE g.direction = 'out' OR NOT EXISTS (
    SELECT 1 FROM legs AS o
    WHERE o.direction = 'out' AND o.from_account = g.from_account
      AND o.to_account = g.to_account AND o.amount = g.amount
      AND CAST(o.txn_at AS DATE) = CAST(g.txn_at AS DATE)
  )
),
own AS (
  SELECT d.debtor_id, a.account_no
  FROM debtors AS d JOIN bank_accounts AS a ON a.holder_id = d.debtor_id
),
helpers AS (
  SELECT l.debtor_id, CONCAT(l.link, a.holder_name) AS helper, a.account_no
  FROM links AS l
  JOIN bank_accounts AS a ON a.holder_id = l.linked_id
  WHERE l.kind IN ('kin', 'employee')
),
paid_debtor AS (
  SELECT o.debtor_id, m.from_account AS payer_account, m.from_name, m._table, m._file, m._row,
         m._batch, m.from_account, m.to_account, m.txn_at, m.amount, m.summary
  FROM own AS o
  JOIN moves AS m ON m.to_account = o.account_no
  WHERE m.from_account IS NOT NULL
  QUALIFY ROW_NUMBER() OVER (PARTITION BY o.debtor_id, m.from_account
                             ORDER BY m.txn_at, m._row) = 1
),
diverted AS (
  SELECT h.debtor_id, h.helper, p.from_name AS payer_name, p.txn_at AS first_paid_at,
         m._table, m._file, m._row, m._batch, m.from_account, m.to_account, m.txn_at,
         m.amount, m.summary
  FROM helpers AS h
  JOIN moves AS m ON m.to_account = h.account_no
  JOIN debtors AS d ON d.debtor_id = h.debtor_id
  JOIN paid_debtor AS p
    ON p.debtor_id = h.debtor_id AND p.payer_account = m.from_account AND p.txn_at < m.txn_at
  WHERE CAST(m.txn_at AS DATE) >= d.filed_on
    AND NOT EXISTS (SELECT 1 FROM own AS x
                    WHERE x.debtor_id = h.debtor_id AND x.account_no = m.from_account)
),
bursts AS (
  SELECT a.debtor_id, a.to_account, a.txn_at AS window_start
  FROM diverted AS a
  JOIN diverted AS b
    ON b.debtor_id = a.debtor_id AND b.to_account = a.to_account AND b.txn_at >= a.txn_at
   AND zb_days_between(a.txn_at, b.txn_at) <= :window_days
  GROUP BY a.debtor_id, a.to_account, a.txn_at
  HAVING COUNT(*) >= :min_payments
),
hits AS (
  SELECT v.debtor_id, v.helper, v.payer_name, v.first_paid_at, v._table, v._file, v._row,
         v._batch, v.from_account, v.to_account, v.txn_at, v.amount, v.summary
  FROM diverted AS v
  WHERE EXISTS (SELECT 1 FROM bursts AS b
                WHERE b.debtor_id = v.debtor_id AND b.to_account = v.to_account
                  AND v.txn_at >= b.window_start
                  AND zb_days_between(b.window_start, v.txn_at) <= :window_days)
),
totals AS (
  SELECT h.debtor_id, h.to_account, COUNT(*) AS payment_count, SUM(h.amount) AS total
  FROM hits AS h
  GROUP BY h.debtor_id, h.to_account
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  d.debtor_id AS subject_id,
  d.debtor_name AS subject_name,
  d.filed_on,
  hit.helper,
  hit.to_account AS helper_account,
  COALESCE(hit.payer_name, hit.from_account) AS payer,
  CAST(hit.first_paid_at AS DATE) AS first_paid,
  s.payment_count,
  s.total,
  zb_evidence(hit, from_account, to_account, txn_at, amount, summary),
  zb_evidence(pd, from_account, to_account, txn_at, amount, summary)
FROM hits AS hit
JOIN totals AS s ON s.debtor_id = hit.debtor_id AND s.to_account = hit.to_account
JOIN debtors AS d ON d.debtor_id = hit.debtor_id
JOIN paid_debtor AS pd ON pd.debtor_id = hit.debtor_id AND pd.payer_account = hit.from_account
