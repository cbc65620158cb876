/*
id: FL-05
version: 2
name: 终本后大额资产性支出
family: K
severity: high
grain: subject
basis:
  - {text: 限高规定 第3条, status: S}
  - {text: 终本规定 第9条, status: S}
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  relations: [person_a_id, person_b_id, relation, person_a_id_entity, person_b_id_entity]
  bank_accounts: [account_no, holder_id, holder_name, holder_id_entity]
  transactions: [account_no, txn_at, amount, direction, counterparty_name, counterparty_account,
                 summary]
params:
  min_total: {type: number, default: 50000, label: 终本后资产性支出合计下限, unit: 元}
explanation: "被执行人{subject_name}（{subject_id}）的案件{enforcement_case}于{closed_on}终结本次执行程序后，\
  {payer}的账户向{payee}支付{category}类款项{payment_count}笔，合计{total}元（不低于{min_total}元）。\
  终本时称无财产可供执行，终本后却有购买保险、车辆、房产或证券的资金，\
  说明存在可供执行的财产或收入，建议法院恢复执行并查控相关资产。"
*/
WITH debtors AS (
  SELECT p.id_no_entity AS debtor_id, MIN(p.name) AS debtor_name, MIN(c.closed_on) AS closed_on,
         MIN(c.case_no) AS enforcement_case
  FROM parties AS p
  JOIN cases AS c ON c.case_no = p.case_no
  WHERE p.role = '被执行人' AND p.id_no_entity IS NOT NULL AND c.close_method = '终结本次执行程序'
  GROUP BY p.id_no_entity
),
people AS (
  SELECT d.debtor_id, d.debtor_id AS person_id, '本人' AS relation FROM debtors AS d
  UNION ALL
  SELECT r.person_a_id_entity AS debtor_id, r.person_b_id_entity AS person_id, r.relation FROM relations AS r
  UNION ALL
  SELECT r.person_b_id_entity AS debtor_id, r.person_a_id_entity AS person_id,
         CASE r.relation WHEN '父母' THEN '子女' WHEN '子女' THEN '父母' ELSE r.relation END
         AS relation
  FROM relations AS r
),
words AS (
  SELECT k.word, k.category
  FROM (VALUES ('保险', '保险'), ('人寿', '保险'), ('保费', '保险'), ('财险', '保险'),
               ('汽车销售', '购车'), ('汽车贸易', '购车'), ('汽车服务', '购车'), ('4S', '购车'),
               ('购车', '购车'), ('房地产', '购房'), ('置业', '购房'), ('地产', '购房'),
               ('购房', '购房'), ('房款', '购房'), ('首付', '购房'), ('证券', '证券'),
               ('银证转账', '证券'), ('期货', '证券')) AS k(word, category)
),
spending AS (
  SELECT d.debtor_id, d.debtor_name, d.closed_on, d.enforcement_case,
         CONCAT(pp.relation, a.holder_name) AS payer,
         'transactions' AS _table, t._file, t._row, t._batch, t.account_no, t.txn_at, t.amount,
         t.counterparty_name, t.summary,
         MIN(w.category) AS category
  FROM debtors AS d
  JOIN people AS pp ON pp.debtor_id = d.debtor_id
  JOIN bank_accounts AS a ON a.holder_id_entity = pp.person_id
  JOIN transactions AS t ON t.account_no = a.account_no AND t.direction = 'out'
  JOIN words AS w
    ON t.counterparty_name LIKE CONCAT('%', w.word, '%') OR t.summary LIKE CONCAT('%', w.word, '%')
  WHERE CAST(t.txn_at AS DATE) > d.closed_on
    AND COALESCE(t.counterparty_name, '') NOT LIKE '%社会保险%'
    AND COALESCE(t.summary, '') NOT LIKE '%社会保险%'
    AND COALESCE(t.summary, '') NOT LIKE '%社保%'
    AND COALESCE(t.summary, '') NOT LIKE '%医保%'
  GROUP BY d.debtor_id, d.debtor_name, d.closed_on, d.enforcement_case, pp.relation,
           a.holder_name, t._file, t._row, t._batch, t.account_no, t.txn_at, t.amount,
           t.counterparty_name, t.summary
),
totals AS (
  SELECT x.debtor_id, COUNT(*) AS payment_count, SUM(x.amount) AS total
  FROM spending AS x
  GROUP BY x.debtor_id
  HAVING SUM(x.amount) >= :min_total
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  x.debtor_id AS subject_id,
  x.debtor_name AS subject_name,
  x.enforcement_case,
  x.closed_on,
  x.payer,
  COALESCE(x.counterparty_name, x.summary) AS payee,
  x.category,
  s.payment_count,
  s.total,
  zb_evidence(x, account_no, txn_at, amount, counterparty_name, summary)
FROM spending AS x
JOIN totals AS s ON s.debtor_id = x.debtor_id
