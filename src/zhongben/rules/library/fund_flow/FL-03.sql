/*
id: FL-03
version: 2
name: 多层资金穿透
family: K
severity: high
grain: subject
basis:
  - {text: 财产调查规定 第6条, status: V}
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
  hops: {type: integer, default: 3, label: 最多追踪层数（本规则至多3层）, unit: 层}
  min_hops: {type: integer, default: 2, label: 最少层数（1层直接转给亲属见FL-06）, unit: 层, policy: true}
  window_days: {type: integer, default: 30, label: 相邻两层转账间隔上限, unit: 天}
  min_amount: {type: number, default: 100000, label: 每层转账金额下限, unit: 元}
  lookback_days: {type: integer, default: 365, label: 自执行立案日前追溯天数, unit: 天, policy: true}
uses: [terminated_debtors, debtor_links, fund_moves, debtor_accounts, linked_accounts]
explanation: "被执行人{subject_name}（{subject_id}）账户中的资金经{hop_count}层转账（中间账户均非其亲属或关联方），最终流入与其关联的\
  {target}的账户：{route}。每层转账不低于{min_amount}元，相邻两层间隔不超过{window_days}天。\
  资金经中间账户辗转流入其亲属或关联企业，涉嫌通过多层转账隐匿、转移财产，\
  建议法院调取路径上各账户流水、查明资金实际归属，依法冻结、提取。"
*/
WITH
targets AS (
  SELECT la.debtor_id, la.account_no, la.holder AS target
  FROM linked_accounts AS la
  WHERE la.kind IN ('kin', 'head', 'company')
),
big AS (
  SELECT m._table, m._file, m._row, m._batch, m.from_account, m.to_account, m.txn_at, m.amount,
         m.summary,
         CONCAT(COALESCE(ba.holder_name, m.to_name, '未知户名'), '(', m.to_account, ')') AS to_label
  FROM fund_moves AS m
  LEFT JOIN bank_accounts AS ba ON ba.account_no = m.to_account
  WHERE m.amount >= :min_amount AND m.to_account IS NOT NULL AND m.from_account IS NOT NULL
),
h1 AS (
  SELECT o.debtor_id, d.debtor_name, b._table, b._file, b._row, b._batch, b.from_account,
         b.to_account, b.txn_at, b.amount, b.summary, b.to_label
  FROM debtor_accounts AS o
  JOIN terminated_debtors AS d ON d.debtor_id = o.debtor_id
  JOIN big AS b ON b.from_account = o.account_no
  WHERE CAST(b.txn_at AS DATE) >= zb_add_days(d.filed_on, -:lookback_days)
    AND NOT EXISTS (SELECT 1 FROM debtor_accounts AS x
                    WHERE x.debtor_id = o.debtor_id AND x.account_no = b.to_account)
),
paths AS (
  SELECT a.debtor_id, 1 AS hop_count, a.to_account AS end_account,
         CONCAT(a._file, '#', CAST(a._row AS VARCHAR)) AS path_id,
         CONCAT(a.debtor_name, '(', a.from_account, ') → ', a.to_label) AS route,
         a._file AS f1, a._row AS r1, CAST(NULL AS VARCHAR) AS f2, CAST(NULL AS INTEGER) AS r2,
         CAST(NULL AS VARCHAR) AS f3, CAST(NULL AS INTEGER) AS r3
  FROM h1 AS a
  WHERE :min_hops <= 1
  UNION ALL
  SELECT a.debtor_id, 2 AS hop_count, b.to_account AS end_account,
         CONCAT(a._file, '#', CAST(a._row AS VARCHAR), '>', b._file, '#', CAST(b._row AS VARCHAR)),
         CONCAT(a.debtor_name, '(', a.from_account, ') → ', a.to_label, ' → ', b.to_label),
         a._file, a._row, b._file, b._row, CAST(NULL AS VARCHAR), CAST(NULL AS INTEGER)
  FROM h1 AS a
  JOIN big AS b
    ON b.from_account = a.to_account AND b.txn_at > a.txn_at
   AND zb_days_between(a.txn_at, b.txn_at) <= :window_days
   AND b.to_account <> a.from_account
  WHERE :hops >= 2 AND :min_hops <= 2
    AND NOT EXISTS (SELECT 1 FROM targets AS t
                    WHERE t.debtor_id = a.debtor_id AND t.account_no = a.to_account)
  UNION ALL
  SELECT a.debtor_id, 3 AS hop_count, c.to_account AS end_account,
         CONCAT(a._file, '#', CAST(a._row AS VARCHAR), '>', b._file, '#', CAST(b._row AS VARCHAR),
                '>', c._file, '#', CAST(c._row AS VARCHAR)),
         CONCAT(a.debtor_name, '(', a.from_account, ') → ', a.to_label, ' → ', b.to_label, ' → ',
                c.to_label),
         a._file, a._row, b._file, b._row, c._file, c._row
  FROM h1 AS a
  JOIN big AS b
    ON b.from_account = a.to_account AND b.txn_at > a.txn_at
   AND zb_days_between(a.txn_at, b.txn_at) <= :window_days
   AND b.to_account <> a.from_account
  JOIN big AS c
    ON c.from_account = b.to_account AND c.txn_at > b.txn_at
   AND zb_days_between(b.txn_at, c.txn_at) <= :window_days
   AND c.to_account <> a.from_account AND c.to_account <> a.to_account
  WHERE :hops >= 3
    AND NOT EXISTS (SELECT 1 FROM targets AS t
                    WHERE t.debtor_id = a.debtor_id
                      AND (t.account_no = a.to_account OR t.account_no = b.to_account))
),
found AS (
  SELECT p.debtor_id, p.hop_count, p.path_id, p.route, t.target, p.f1, p.r1, p.f2, p.r2, p.f3,
         p.r3
  FROM paths AS p
  JOIN targets AS t ON t.debtor_id = p.debtor_id AND t.account_no = p.end_account
  WHERE NOT EXISTS (SELECT 1 FROM debtor_accounts AS x
                    WHERE x.debtor_id = p.debtor_id AND x.account_no = p.end_account)
),
path_hops AS (
  SELECT f.debtor_id, f.hop_count, f.route, f.target, f.f1 AS hop_file, f.r1 AS hop_row
  FROM found AS f
  UNION ALL
  SELECT f.debtor_id, f.hop_count, f.route, f.target, f.f2 AS hop_file, f.r2 AS hop_row
  FROM found AS f WHERE f.f2 IS NOT NULL
  UNION ALL
  SELECT f.debtor_id, f.hop_count, f.route, f.target, f.f3 AS hop_file, f.r3 AS hop_row
  FROM found AS f WHERE f.f3 IS NOT NULL
),
hop_rows AS (
  SELECT ph.debtor_id, ph.hop_count, ph.route, ph.target, b._table, b._file, b._row, b._batch,
         b.from_account, b.to_account, b.txn_at, b.amount, b.summary
  FROM path_hops AS ph
  JOIN big AS b ON b._file = ph.hop_file AND b._row = ph.hop_row
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  d.debtor_id AS subject_id,
  d.debtor_name AS subject_name,
  e.hop_count,
  e.target,
  e.route,
  zb_evidence(e, from_account, to_account, txn_at, amount, summary)
FROM hop_rows AS e
JOIN terminated_debtors AS d ON d.debtor_id = e.debtor_id
