/*
id: FL-06
version: 1
name: 诉讼前后向亲属大额转账
family: K
severity: high
grain: subject
basis:
  - {text: 财产调查规定 第6条, status: V}
  - {text: 拒执解释 第6条, status: V}
tables:
  cases: [case_no, filed_on, closed_on, close_method, basis_no]
  parties: [case_no, role, name, id_no]
  lawsuits: [case_no, filed_on]
  relations: [person_a_id, person_b_id, relation]
  bank_accounts: [account_no, holder_id, holder_name]
  transactions: [account_no, txn_at, amount, direction, counterparty_account, counterparty_name,
                 summary, channel]
uses: [fund_moves]
params:
  min_total: {type: number, default: 100000, label: 向亲属转账合计下限, unit: 元}
  before_days: {type: integer, default: 30, label: 诉讼立案前追溯天数, unit: 天}
explanation: "被执行人{subject_name}（{subject_id}）在案件{enforcement_case}的诉讼立案日（{lawsuit_filed_on}）\
  前{before_days}天至终本日（{closed_on}）期间，从本人账户向亲属{relative}的账户转账{transfer_count}笔，\
  合计{total}元（不低于{min_total}元）。被执行人在诉讼期间向亲属转移资金、终本时又称无财产可供执行，\
  涉嫌转移财产规避执行，建议法院核查上述转账并依法追回或恢复执行。"
*/
WITH debtor_cases AS (
  SELECT p.id_no AS debtor_id, p.name AS debtor_name, c.case_no, c.closed_on,
         COALESCE(l.filed_on, c.filed_on) AS lawsuit_filed_on
  FROM parties AS p
  JOIN cases AS c ON c.case_no = p.case_no
  LEFT JOIN lawsuits AS l ON l.case_no = c.basis_no
  WHERE p.role = '被执行人' AND p.id_no IS NOT NULL AND c.close_method = '终结本次执行程序'
),
relatives AS (
  SELECT r.person_a_id AS person_id, r.person_b_id AS relative_id, r.relation
  FROM relations AS r
  UNION ALL
  SELECT r.person_b_id AS person_id, r.person_a_id AS relative_id,
         CASE r.relation WHEN '父母' THEN '子女' WHEN '子女' THEN '父母' ELSE r.relation END AS relation
  FROM relations AS r
),
transfers AS (
  SELECT dc.debtor_id, dc.debtor_name, dc.case_no, dc.closed_on, dc.lawsuit_filed_on,
         CONCAT(rel.relation, ra.holder_name) AS relative,
         m._table, m._file, m._row, m._batch, m.from_account, m.to_account, m.txn_at, m.amount,
         m.summary
  FROM debtor_cases AS dc
  JOIN bank_accounts AS da ON da.holder_id = dc.debtor_id
  JOIN fund_moves AS m ON m.from_account = da.account_no
  JOIN bank_accounts AS ra ON ra.account_no = m.to_account
  JOIN relatives AS rel ON rel.person_id = dc.debtor_id AND rel.relative_id = ra.holder_id
  WHERE CAST(m.txn_at AS DATE) >= zb_add_days(dc.lawsuit_filed_on, -:before_days)
    AND CAST(m.txn_at AS DATE) <= dc.closed_on
),
totals AS (
  SELECT x.debtor_id, x.case_no, COUNT(*) AS transfer_count, SUM(x.amount) AS total
  FROM transfers AS x
  GROUP BY x.debtor_id, x.case_no
  HAVING SUM(x.amount) >= :min_total
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  x.debtor_id AS subject_id,
  x.debtor_name AS subject_name,
  x.case_no AS enforcement_case,
  x.lawsuit_filed_on,
  x.closed_on,
  x.relative,
  s.transfer_count,
  s.total,
  zb_evidence(x, from_account, to_account, txn_at, amount, summary)
FROM transfers AS x
JOIN totals AS s ON s.debtor_id = x.debtor_id AND s.case_no = x.case_no
