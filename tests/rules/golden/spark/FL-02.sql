WITH terminated_debtors AS (
  SELECT
    p.id_no AS debtor_id,
    MIN(p.name) AS debtor_name,
    MIN(p.party_type) AS party_type,
    MIN(c.filed_on) AS filed_on,
    MIN(c.closed_on) AS closed_on
  FROM parties AS p
  JOIN (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
    ON c.case_no = p.case_no
  WHERE
    p.role = '被执行人' AND NOT p.id_no IS NULL AND c.close_method = '终结本次执行程序'
  GROUP BY
    p.id_no
), debtor_links__kin AS (
  SELECT
    r.person_a_id AS subject_id,
    r.person_b_id AS person_id,
    r.relation
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
  UNION ALL
  SELECT
    r.person_b_id AS subject_id,
    r.person_a_id AS person_id,
    CASE r.relation WHEN '父母' THEN '子女' WHEN '子女' THEN '父母' ELSE r.relation END AS relation
  FROM (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
), debtor_links__heads AS (
  SELECT
    co.uscc AS company_id,
    co.legal_rep_id AS person_id,
    '法定代表人' AS role
  FROM (SELECT uscc, uscc_invalid, name, legal_rep_name, legal_rep_id, legal_rep_id_invalid, status, established_on, CASE WHEN deregistered_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deregistered_on END AS deregistered_on, address, scope, registered_capital, _file, _sheet, _file_hash, _row, _batch FROM companies WHERE established_on IS NULL OR established_on <= CAST('2025-06-30' AS DATE)) AS co
  WHERE
    NOT co.legal_rep_id IS NULL
  UNION ALL
  SELECT
    sh.company_uscc AS company_id,
    sh.holder_id AS person_id,
    '股东' AS role
  FROM (SELECT company_uscc, company_uscc_invalid, holder_name, holder_id, holder_id_invalid, subscribed, ratio, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, _file, _sheet, _file_hash, _row, _batch FROM shareholdings WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS sh
), debtor_links__link_rows AS (
  SELECT
    d.debtor_id,
    k.person_id AS linked_id,
    'kin' AS kind,
    k.relation AS link
  FROM terminated_debtors AS d
  JOIN debtor_links__kin AS k
    ON k.subject_id = d.debtor_id
  UNION ALL
  SELECT
    d.debtor_id,
    h.person_id AS linked_id,
    'head' AS kind,
    h.role AS link
  FROM terminated_debtors AS d
  JOIN debtor_links__heads AS h
    ON h.company_id = d.debtor_id
  UNION ALL
  SELECT
    d.debtor_id,
    k.person_id AS linked_id,
    'kin' AS kind,
    CONCAT(COALESCE(h.role, ''), '的', COALESCE(k.relation, '')) AS link
  FROM terminated_debtors AS d
  JOIN debtor_links__heads AS h
    ON h.company_id = d.debtor_id
  JOIN debtor_links__kin AS k
    ON k.subject_id = h.person_id
  UNION ALL
  SELECT
    d.debtor_id,
    h.company_id AS linked_id,
    'company' AS kind,
    CASE h.role WHEN '股东' THEN '投资的企业' ELSE '任法定代表人的企业' END AS link
  FROM terminated_debtors AS d
  JOIN debtor_links__heads AS h
    ON h.person_id = d.debtor_id
  UNION ALL
  SELECT
    d.debtor_id,
    h.company_id AS linked_id,
    'company' AS kind,
    CONCAT(COALESCE(k.relation, ''), '的企业') AS link
  FROM terminated_debtors AS d
  JOIN debtor_links__kin AS k
    ON k.subject_id = d.debtor_id
  JOIN debtor_links__heads AS h
    ON h.person_id = k.person_id
  UNION ALL
  SELECT
    d.debtor_id,
    h2.company_id AS linked_id,
    'company' AS kind,
    CONCAT(COALESCE(h.role, ''), '的其他企业') AS link
  FROM terminated_debtors AS d
  JOIN debtor_links__heads AS h
    ON h.company_id = d.debtor_id
  JOIN debtor_links__heads AS h2
    ON h2.person_id = h.person_id AND h2.company_id <> d.debtor_id
  UNION ALL
  SELECT
    d.debtor_id,
    h2.company_id AS linked_id,
    'company' AS kind,
    CONCAT(COALESCE(h.role, ''), '的', COALESCE(k.relation, ''), '的企业') AS link
  FROM terminated_debtors AS d
  JOIN debtor_links__heads AS h
    ON h.company_id = d.debtor_id
  JOIN debtor_links__kin AS k
    ON k.subject_id = h.person_id
  JOIN debtor_links__heads AS h2
    ON h2.person_id = k.person_id
  UNION ALL
  SELECT
    d.debtor_id,
    si.person_id AS linked_id,
    'employee' AS kind,
    '员工' AS link
  FROM terminated_debtors AS d
  JOIN (SELECT person_id, person_id_invalid, employer_uscc, employer_uscc_invalid, employer_name, month, base, _file, _sheet, _file_hash, _row, _batch FROM social_insurance WHERE month <= CAST('2025-06-30' AS DATE)) AS si
    ON si.employer_uscc = d.debtor_id
  UNION ALL
  SELECT
    d.debtor_id,
    si.person_id AS linked_id,
    'employee' AS kind,
    '所任法定代表人企业的员工' AS link
  FROM terminated_debtors AS d
  JOIN (SELECT uscc, uscc_invalid, name, legal_rep_name, legal_rep_id, legal_rep_id_invalid, status, established_on, CASE WHEN deregistered_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deregistered_on END AS deregistered_on, address, scope, registered_capital, _file, _sheet, _file_hash, _row, _batch FROM companies WHERE established_on IS NULL OR established_on <= CAST('2025-06-30' AS DATE)) AS co
    ON co.legal_rep_id = d.debtor_id
  JOIN (SELECT person_id, person_id_invalid, employer_uscc, employer_uscc_invalid, employer_name, month, base, _file, _sheet, _file_hash, _row, _batch FROM social_insurance WHERE month <= CAST('2025-06-30' AS DATE)) AS si
    ON si.employer_uscc = co.uscc
), debtor_links AS (
  SELECT
    lr.debtor_id,
    lr.linked_id,
    lr.kind,
    MIN(lr.link) AS link
  FROM debtor_links__link_rows AS lr
  WHERE
    NOT lr.linked_id IS NULL AND lr.linked_id <> lr.debtor_id
  GROUP BY
    lr.debtor_id,
    lr.linked_id,
    lr.kind
), fund_moves__legs AS (
  SELECT
    'transactions' AS _table,
    t._file,
    t._row,
    t._batch,
    t.txn_at,
    t.amount,
    t.summary,
    t.channel,
    t.direction,
    CASE WHEN t.direction = 'out' THEN t.account_no ELSE t.counterparty_account END AS from_account,
    CASE WHEN t.direction = 'out' THEN t.counterparty_account ELSE t.account_no END AS to_account,
    CASE WHEN t.direction = 'in' THEN t.counterparty_name END AS from_name,
    CASE WHEN t.direction = 'out' THEN t.counterparty_name END AS to_name
  FROM (SELECT account_no, txn_at, amount, direction, counterparty_name, counterparty_account, counterparty_bank, summary, balance, channel, _file, _sheet, _file_hash, _row, _batch FROM transactions WHERE CAST(txn_at AS DATE) <= CAST('2025-06-30' AS DATE)) AS t
), fund_moves__kept AS (
  SELECT
    g._table,
    g._file,
    g._row,
    g._batch,
    g.txn_at,
    g.amount,
    g.summary,
    g.channel,
    g.from_account,
    g.to_account,
    g.from_name,
    g.to_name
  FROM fund_moves__legs AS g
  WHERE
    g.direction = 'out'
  UNION ALL
  SELECT
    g._table,
    g._file,
    g._row,
    g._batch,
    g.txn_at,
    g.amount,
    g.summary,
    g.channel,
    g.from_account,
    g.to_account,
    g.from_name,
    g.to_name
  FROM fund_moves__legs AS g
  WHERE
    (
      g.direction <> 'out' OR g.direction IS NULL
    )
    AND NOT EXISTS(
      SELECT
        1
      FROM fund_moves__legs AS o
      WHERE
        o.direction = 'out'
        AND o.from_account = g.from_account
        AND o.to_account = g.to_account
        AND o.amount = g.amount
        AND CAST(o.txn_at AS DATE) = CAST(g.txn_at AS DATE)
    )
), fund_moves AS (
  SELECT
    k._table,
    k._file,
    k._row,
    k._batch,
    k.txn_at,
    k.amount,
    k.summary,
    k.channel,
    k.from_account,
    k.to_account,
    k.from_name,
    k.to_name
  FROM fund_moves__kept AS k
), linked_accounts AS (
  SELECT
    l.debtor_id,
    l.linked_id,
    l.kind,
    l.link,
    CONCAT(COALESCE(l.link, ''), COALESCE(a.holder_name, '')) AS holder,
    a.holder_name,
    a.account_no
  FROM debtor_links AS l
  JOIN (SELECT account_no, bank, holder_name, holder_id, holder_id_invalid, opened_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, _file, _sheet, _file_hash, _row, _batch FROM bank_accounts WHERE opened_on IS NULL OR opened_on <= CAST('2025-06-30' AS DATE)) AS a
    ON a.holder_id = l.linked_id
), inflows AS (
  SELECT
    r.debtor_id,
    r.holder,
    m._table,
    m._file,
    m._row,
    m._batch,
    m.from_account,
    m.to_account,
    m.txn_at,
    m.amount,
    m.summary
  FROM linked_accounts AS r
  JOIN fund_moves AS m
    ON m.to_account = r.account_no
  JOIN terminated_debtors AS d
    ON d.debtor_id = r.debtor_id
  WHERE
    m.amount >= (50000.0) AND CAST(m.txn_at AS DATE) >= d.filed_on
), onward AS (
  SELECT
    i.debtor_id,
    i._file AS in_file,
    i._row AS in_row,
    i.amount AS in_amount,
    o._table,
    o._file,
    o._row,
    o._batch,
    o.from_account,
    o.to_account,
    o.txn_at,
    o.amount,
    o.summary
  FROM inflows AS i
  JOIN fund_moves AS o
    ON o.from_account = i.to_account
    AND o.txn_at >= i.txn_at
    AND UNIX_TIMESTAMP(o.txn_at) - UNIX_TIMESTAMP(i.txn_at) <= (48) * 3600
    AND COALESCE(o.to_account, '') <> COALESCE(i.from_account, '')
), relays AS (
  SELECT
    w.debtor_id,
    w.in_file,
    w.in_row
  FROM onward AS w
  GROUP BY
    w.debtor_id,
    w.in_file,
    w.in_row,
    w.in_amount
  HAVING
    SUM(w.amount) >= (0.9) * w.in_amount
), relayed AS (
  SELECT
    i.debtor_id,
    i.holder,
    i._table,
    i._file,
    i._row,
    i._batch,
    i.from_account,
    i.to_account,
    i.txn_at,
    i.amount,
    i.summary
  FROM inflows AS i
  JOIN relays AS y
    ON y.debtor_id = i.debtor_id AND y.in_file = i._file AND y.in_row = i._row
), repeated AS (
  SELECT
    v.debtor_id,
    v.to_account,
    COUNT(*) AS relay_count,
    SUM(v.amount) AS total_in
  FROM relayed AS v
  GROUP BY
    v.debtor_id,
    v.to_account
  HAVING
    COUNT(*) >= (3)
)
SELECT
  CAST(NULL AS STRING) AS case_no,
  d.debtor_id AS subject_id,
  d.debtor_name AS subject_name,
  d.filed_on,
  v.holder,
  v.to_account AS relay_account,
  s.relay_count,
  s.total_in,
  v._table AS zb_ev1___table,
  v._file AS zb_ev1___file,
  v._row AS zb_ev1___row,
  v._batch AS zb_ev1___batch,
  v.from_account AS zb_ev1__from_account,
  v.to_account AS zb_ev1__to_account,
  v.txn_at AS zb_ev1__txn_at,
  v.amount AS zb_ev1__amount,
  v.summary AS zb_ev1__summary,
  w._table AS zb_ev2___table,
  w._file AS zb_ev2___file,
  w._row AS zb_ev2___row,
  w._batch AS zb_ev2___batch,
  w.from_account AS zb_ev2__from_account,
  w.to_account AS zb_ev2__to_account,
  w.txn_at AS zb_ev2__txn_at,
  w.amount AS zb_ev2__amount,
  w.summary AS zb_ev2__summary
FROM relayed AS v
JOIN repeated AS s
  ON s.debtor_id = v.debtor_id AND s.to_account = v.to_account
JOIN terminated_debtors AS d
  ON d.debtor_id = v.debtor_id
JOIN onward AS w
  ON w.debtor_id = v.debtor_id AND w.in_file = v._file AND w.in_row = v._row
