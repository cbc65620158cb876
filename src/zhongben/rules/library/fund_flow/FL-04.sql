/*
id: FL-04
version: 2
name: 关联企业资金闭环（体外循环）
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
  ratio: {type: number, default: 0.8, label: 回流金额占流出金额比例下限}
  window_days: {type: integer, default: 30, label: 闭环期限, unit: 天}
  min_amount: {type: number, default: 10000, label: 首笔流出金额下限, unit: 元, policy: true}
uses: [terminated_debtors, debtor_links, fund_moves, debtor_accounts, linked_accounts]
explanation: "被执行企业{subject_name}（{subject_id}）及其关联方之间存在资金闭环：{loop}。\
  资金自{start_holder}流出{start_amount}元后，{loop_days}天内经{hop_count}次转账回流{end_amount}元\
  （不低于流出额的{ratio}）。关联企业之间资金循环流转、业务收入在被执行企业账外运行，\
  涉嫌体外循环、隐匿经营收入，建议法院调取闭环上各账户流水，审查关联交易的真实性并依法追加、变更被执行人或查控相关款项。"
*/
WITH
company_debtors AS (
  SELECT d.debtor_id, d.debtor_name
  FROM terminated_debtors AS d
  WHERE d.party_type IN ('法人', '非法人组织')
     OR EXISTS (SELECT 1 FROM companies AS co WHERE co.uscc = d.debtor_id)
),
nodes AS (
  SELECT da.debtor_id, da.debtor_id AS member_id, da.account_no, da.holder_name
  FROM debtor_accounts AS da
  JOIN company_debtors AS cd ON cd.debtor_id = da.debtor_id
  UNION ALL
  SELECT la.debtor_id, la.linked_id AS member_id, la.account_no, la.holder_name
  FROM linked_accounts AS la
  JOIN company_debtors AS cd ON cd.debtor_id = la.debtor_id
  WHERE la.kind IN ('kin', 'head', 'company')
),
flows AS (
  SELECT n1.debtor_id, n1.member_id AS from_member, n2.member_id AS to_member,
         n1.holder_name AS from_name, n2.holder_name AS to_name, m._table, m._file, m._row,
         m._batch, m.from_account, m.to_account, m.txn_at, m.amount, m.summary
  FROM fund_moves AS m
  JOIN nodes AS n1 ON n1.account_no = m.from_account
  JOIN nodes AS n2 ON n2.account_no = m.to_account AND n2.debtor_id = n1.debtor_id
  WHERE n1.member_id <> n2.member_id
),
loops AS (
  SELECT a.debtor_id, 2 AS hop_count, a.from_name AS start_holder, a.amount AS start_amount,
         b.amount AS end_amount, zb_days_between(a.txn_at, b.txn_at) AS loop_days,
         CONCAT(a.from_name, ' → ', a.to_name, ' → ', b.to_name) AS loop,
         a._file AS f1, a._row AS r1, b._file AS f2, b._row AS r2,
         CAST(NULL AS VARCHAR) AS f3, CAST(NULL AS INTEGER) AS r3,
         CAST(NULL AS VARCHAR) AS f4, CAST(NULL AS INTEGER) AS r4
  FROM flows AS a
  JOIN flows AS b
    ON b.debtor_id = a.debtor_id AND b.from_member = a.to_member
   AND b.to_member = a.from_member AND b.txn_at > a.txn_at
   AND zb_days_between(a.txn_at, b.txn_at) <= :window_days
   AND b.amount >= :ratio * a.amount
  WHERE a.amount >= :min_amount
  UNION ALL
  SELECT a.debtor_id, 3 AS hop_count, a.from_name, a.amount, c.amount,
         zb_days_between(a.txn_at, c.txn_at),
         CONCAT(a.from_name, ' → ', a.to_name, ' → ', b.to_name, ' → ', c.to_name),
         a._file, a._row, b._file, b._row, c._file, c._row,
         CAST(NULL AS VARCHAR), CAST(NULL AS INTEGER)
  FROM flows AS a
  JOIN flows AS b
    ON b.debtor_id = a.debtor_id AND b.from_member = a.to_member
   AND b.to_member <> a.from_member AND b.txn_at > a.txn_at
   AND b.amount >= :ratio * a.amount
  JOIN flows AS c
    ON c.debtor_id = a.debtor_id AND c.from_member = b.to_member
   AND c.to_member = a.from_member AND c.txn_at > b.txn_at
   AND zb_days_between(a.txn_at, c.txn_at) <= :window_days
   AND c.amount >= :ratio * a.amount
  WHERE a.amount >= :min_amount
  UNION ALL
  SELECT a.debtor_id, 4 AS hop_count, a.from_name, a.amount, e.amount,
         zb_days_between(a.txn_at, e.txn_at),
         CONCAT(a.from_name, ' → ', a.to_name, ' → ', b.to_name, ' → ', c.to_name, ' → ',
                e.to_name),
         a._file, a._row, b._file, b._row, c._file, c._row, e._file, e._row
  FROM flows AS a
  JOIN flows AS b
    ON b.debtor_id = a.debtor_id AND b.from_member = a.to_member
   AND b.to_member <> a.from_member AND b.txn_at > a.txn_at
   AND b.amount >= :ratio * a.amount
  JOIN flows AS c
    ON c.debtor_id = a.debtor_id AND c.from_member = b.to_member
   AND c.to_member <> a.from_member AND c.to_member <> a.to_member AND c.txn_at > b.txn_at
   AND c.amount >= :ratio * a.amount
  JOIN flows AS e
    ON e.debtor_id = a.debtor_id AND e.from_member = c.to_member
   AND e.to_member = a.from_member AND e.txn_at > c.txn_at
   AND zb_days_between(a.txn_at, e.txn_at) <= :window_days
   AND e.amount >= :ratio * a.amount
  WHERE a.amount >= :min_amount
),
loop_hops AS (
  SELECT lp.debtor_id, lp.hop_count, lp.start_holder, lp.start_amount, lp.end_amount,
         lp.loop_days, lp.loop, lp.f1 AS hop_file, lp.r1 AS hop_row
  FROM loops AS lp
  UNION ALL
  SELECT lp.debtor_id, lp.hop_count, lp.start_holder, lp.start_amount, lp.end_amount,
         lp.loop_days, lp.loop, lp.f2 AS hop_file, lp.r2 AS hop_row
  FROM loops AS lp
  UNION ALL
  SELECT lp.debtor_id, lp.hop_count, lp.start_holder, lp.start_amount, lp.end_amount,
         lp.loop_days, lp.loop, lp.f3 AS hop_file, lp.r3 AS hop_row
  FROM loops AS lp WHERE lp.f3 IS NOT NULL
  UNION ALL
  SELECT lp.debtor_id, lp.hop_count, lp.start_holder, lp.start_amount, lp.end_amount,
         lp.loop_days, lp.loop, lp.f4 AS hop_file, lp.r4 AS hop_row
  FROM loops AS lp WHERE lp.f4 IS NOT NULL
),
hop_rows AS (
  SELECT lh.debtor_id, lh.hop_count, lh.start_holder, lh.start_amount, lh.end_amount,
         lh.loop_days, lh.loop, f._table, f._file, f._row, f._batch, f.from_account,
         f.to_account, f.txn_at, f.amount, f.summary
  FROM loop_hops AS lh
  JOIN flows AS f
    ON f.debtor_id = lh.debtor_id AND f._file = lh.hop_file AND f._row = lh.hop_row
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  cd.debtor_id AS subject_id,
  cd.debtor_name AS subject_name,
  e.loop,
  e.hop_count,
  e.start_holder,
  e.start_amount,
  e.end_amount,
  e.loop_days,
  zb_evidence(e, from_account, to_account, txn_at, amount, summary)
FROM hop_rows AS e
JOIN company_debtors AS cd ON cd.debtor_id = e.debtor_id
