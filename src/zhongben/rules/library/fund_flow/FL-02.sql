/*
id: FL-02
version: 2
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
                 summary, channel]
params:
  min_amount: {type: number, default: 50000, label: 单笔转入下限, unit: 元}
  ratio: {type: number, default: 0.9, label: 转出占转入比例下限}
  hours: {type: integer, default: 48, label: 转出时限, unit: 小时}
  min_times: {type: integer, default: 3, label: 快进快出次数下限, unit: 次}
uses: [terminated_debtors, debtor_links, fund_moves, linked_accounts]
explanation: "被执行人{subject_name}（{subject_id}）的执行案件立案（{filed_on}）后，与其关联的\
  {holder}的账户{relay_account}有{relay_count}次收到单笔不低于{min_amount}元的款项、\
  并在{hours}小时内将其{ratio}以上转出（转入合计{total_in}元）。资金快进快出、账户不留余额，\
  该账户疑为被执行人转移资金的过桥账户，建议法院调取该账户及资金去向账户的流水，查明资金实际控制人。"
*/
WITH
inflows AS (
  SELECT r.debtor_id, r.holder, m._table, m._file, m._row, m._batch, m.from_account,
         m.to_account, m.txn_at, m.amount, m.summary
  FROM linked_accounts AS r
  JOIN fund_moves AS m ON m.to_account = r.account_no
  JOIN terminated_debtors AS d ON d.debtor_id = r.debtor_id
  WHERE m.amount >= :min_amount AND CAST(m.txn_at AS DATE) >= d.filed_on
),
onward AS (
  SELECT i.debtor_id, i._file AS in_file, i._row AS in_row, i.amount AS in_amount,
         o._table, o._file, o._row, o._batch, o.from_account,
         o.to_account, o.txn_at, o.amount, o.summary
  FROM inflows AS i
  JOIN fund_moves AS o
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
JOIN terminated_debtors AS d ON d.debtor_id = v.debtor_id
JOIN onward AS w
  ON w.debtor_id = v.debtor_id AND w.in_file = v._file AND w.in_row = v._row
