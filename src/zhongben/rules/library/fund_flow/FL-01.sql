/*
id: FL-01
version: 2
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
                 summary, channel]
params:
  min_payments: {type: integer, default: 3, label: 代收笔数下限, unit: 笔}
  window_days: {type: integer, default: 90, label: 代收期间, unit: 天}
uses: [terminated_debtors, debtor_links, fund_moves, debtor_accounts, linked_accounts]
explanation: "被执行人{subject_name}（{subject_id}）的执行案件立案（{filed_on}）后，其{helper}的账户\
  {helper_account}在{window_days}天内收到{payer}的付款{payment_count}笔、合计{total}元；\
  这些付款人此前曾向被执行人本人账户付款（{first_paid}）。原应付给被执行人的收入改由他人账户代收，\
  涉嫌隐匿收入、规避执行，建议法院调取该账户流水、查明款项性质并依法提取或冻结。"
*/
WITH
paid_debtor AS (
  SELECT o.debtor_id, m.from_account AS payer_account, m.from_name, m._table, m._file, m._row,
         m._batch, m.from_account, m.to_account, m.txn_at, m.amount, m.summary
  FROM debtor_accounts AS o
  JOIN fund_moves AS m ON m.to_account = o.account_no
  WHERE m.from_account IS NOT NULL
  QUALIFY ROW_NUMBER() OVER (PARTITION BY o.debtor_id, m.from_account
                             ORDER BY m.txn_at, m._row) = 1
),
diverted AS (
  SELECT h.debtor_id, h.holder AS helper, p.from_name AS payer_name, p.txn_at AS first_paid_at,
         m._table, m._file, m._row, m._batch, m.from_account, m.to_account, m.txn_at,
         m.amount, m.summary
  FROM linked_accounts AS h
  JOIN fund_moves AS m ON m.to_account = h.account_no
  JOIN terminated_debtors AS d ON d.debtor_id = h.debtor_id
  JOIN paid_debtor AS p
    ON p.debtor_id = h.debtor_id AND p.payer_account = m.from_account AND p.txn_at < m.txn_at
  WHERE h.kind IN ('kin', 'employee') AND CAST(m.txn_at AS DATE) >= d.filed_on
    AND NOT EXISTS (SELECT 1 FROM debtor_accounts AS x
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
JOIN terminated_debtors AS d ON d.debtor_id = hit.debtor_id
JOIN paid_debtor AS pd ON pd.debtor_id = hit.debtor_id AND pd.payer_account = hit.from_account
