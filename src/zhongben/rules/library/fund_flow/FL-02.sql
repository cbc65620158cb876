/*
id: FL-02
version: 1
name: 过桥/过渡账户
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
  min_amount: {type: number, default: 50000, label: 单笔转入下限, unit: 元}
  ratio: {type: number, default: 0.9, label: 转出占转入比例下限}
  hours: {type: integer, default: 48, label: 转出时限, unit: 小时}
  min_times: {type: integer, default: 3, label: 快进快出次数下限, unit: 次}
explanation: "被执行人{subject_name}（{subject_id}）的执行案件立案（{filed_on}）后，与其关联的\
  {holder}的账户{relay_account}有{relay_count}次收到单笔不低于{min_amount}元的款项、\
  并在{hours}小时内将其{ratio}以上转出（转入合计{total_in}元）。资金快进快出、账户不留余额，\
  该账户疑为被执行人转移资金的过桥账户，建议法院调取该账户及资金去向账户的流水，查明资金实际控制人。"
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
relay_accounts AS (
  SELECT l.debtor_id, CONCAT(l.link, a.holder_name) AS holder, a.account_no
  FROM links AS l
  JOIN bank_accounts AS a ON a.holder_id = l.linked_id
),
inflows AS (
  SELECT r.debtor_id, r.holder, m._table, m._file, m._row, m._batch, m.from_account,
         m.to_account, m.txn_at, m.amount, m.summary
  FROM relay_accounts AS r
  JOIN moves AS m ON m.to_account = r.account_no
  JOIN debtors AS d ON d.debtor_id = r.debtor_id
  WHERE m.amount >= :min_amount AND CAST(m.txn_at AS DATE) >= d.filed_on
),
onward AS (
  SELECT i.debtor_id, i._file AS in_file, i._row AS in_row, i.amount AS in_amount,
         o._table, o._file, o._row, o._batch, o.from_account,
         o.to_account, o.txn_at, o.amount, o.summary
  FROM inflows AS i
  JOIN moves AS o
    ON o.from_account = i.to_account AND o.txn_at >= i.txn_at
   AND EPOCH(o.txn_at) - EPOCH(i.txn_at) <= :hours * 3600
   AND COALESCE(o.to_account, '') <> COALESCE(i.from_account, '')
),
relays AS (
  SELECT w.debtor_id, w.in_file, w.in_row
  FROM onward AS w
  GROUP BY w.debtor_id, w.in_file, w.in_row, w.in_amount
  HAVING SUM(w.amount) >= :ratio * w.in_amount
),
relayed AS (
  SELECT i.debtor_id, i.holder, i._table, i._file, i._row, i._batch, i.from_account,
         i.to_account, i.txn_at, i.amount, i.summary
  FROM inflows AS i
  JOIN relays AS y
    ON y.debtor_id = i.debtor_id AND y.in_file = i._file AND y.in_row = i._row
),
repeated AS (
  SELECT v.debtor_id, v.to_account, COUNT(*) AS relay_count, SUM(v.amount) AS total_in
  FROM relayed AS v
  GROUP BY v.debtor_id, v.to_account
  HAVING COUNT(*) >= :min_times
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  d.debtor_id AS subject_id,
  d.debtor_name AS subject_name,
  d.filed_on,
  v.holder,
  v.to_account AS relay_account,
  s.relay_count,
  s.total_in,
  zb_evidence(v, from_account, to_account, txn_at, amount, summary),
  zb_evidence(w, from_account, to_account, txn_at, amount, summary)
FROM relayed AS v
JOIN repeated AS s ON s.debtor_id = v.debtor_id AND s.to_account = v.to_account
JOIN debtors AS d ON d.debtor_id = v.debtor_id
JOIN onward AS w
  ON w.debtor_id = v.debtor_id AND w.in_file = v._file AND w.in_row = v._row
