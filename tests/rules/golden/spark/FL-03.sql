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
), debtor_accounts AS (
  SELECT
    d.debtor_id,
    a.account_no,
    a.holder_name
  FROM terminated_debtors AS d
  JOIN (SELECT account_no, bank, holder_name, holder_id, holder_id_invalid, opened_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, _file, _sheet, _file_hash, _row, _batch FROM bank_accounts WHERE opened_on IS NULL OR opened_on <= CAST('2025-06-30' AS DATE)) AS a
    ON a.holder_id = d.debtor_id
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
), targets AS (
  SELECT
    la.debtor_id,
    la.account_no,
    la.holder AS target
  FROM linked_accounts AS la
  WHERE
    la.kind IN ('kin', 'head', 'company')
), big AS (
  SELECT
    m._table,
    m._file,
    m._row,
    m._batch,
    m.from_account,
    m.to_account,
    m.txn_at,
    m.amount,
    m.summary,
    CONCAT(
      COALESCE(COALESCE(ba.holder_name, m.to_name, '未知户名'), ''),
      '(',
      COALESCE(m.to_account, ''),
      ')'
    ) AS to_label
  FROM fund_moves AS m
  LEFT JOIN (SELECT account_no, bank, holder_name, holder_id, holder_id_invalid, opened_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, _file, _sheet, _file_hash, _row, _batch FROM bank_accounts WHERE opened_on IS NULL OR opened_on <= CAST('2025-06-30' AS DATE)) AS ba
    ON ba.account_no = m.to_account
  WHERE
    m.amount >= (100000.0)
    AND NOT m.to_account IS NULL
    AND NOT m.from_account IS NULL
), h1 AS (
  SELECT
    o.debtor_id,
    d.debtor_name,
    b._table,
    b._file,
    b._row,
    b._batch,
    b.from_account,
    b.to_account,
    b.txn_at,
    b.amount,
    b.summary,
    b.to_label
  FROM debtor_accounts AS o
  JOIN terminated_debtors AS d
    ON d.debtor_id = o.debtor_id
  JOIN big AS b
    ON b.from_account = o.account_no
  WHERE
    CAST(b.txn_at AS DATE) >= (
      DATE_ADD(d.filed_on, -(365))
    )
    AND NOT EXISTS(
      SELECT
        1
      FROM debtor_accounts AS x
      WHERE
        x.debtor_id = o.debtor_id AND x.account_no = b.to_account
    )
), paths AS (
  SELECT
    a.debtor_id,
    1 AS hop_count,
    a.to_account AS end_account,
    CONCAT(COALESCE(a._file, ''), '#', COALESCE(CAST(a._row AS STRING), '')) AS path_id,
    CONCAT(
      COALESCE(a.debtor_name, ''),
      '(',
      COALESCE(a.from_account, ''),
      ') → ',
      COALESCE(a.to_label, '')
    ) AS route,
    a._file AS f1,
    a._row AS r1,
    CAST(NULL AS STRING) AS f2,
    CAST(NULL AS INT) AS r2,
    CAST(NULL AS STRING) AS f3,
    CAST(NULL AS INT) AS r3
  FROM h1 AS a
  WHERE
    (2) <= 1
  UNION ALL
  SELECT
    a.debtor_id,
    2 AS hop_count,
    b.to_account AS end_account,
    CONCAT(
      COALESCE(a._file, ''),
      '#',
      COALESCE(CAST(a._row AS STRING), ''),
      '>',
      COALESCE(b._file, ''),
      '#',
      COALESCE(CAST(b._row AS STRING), '')
    ),
    CONCAT(
      COALESCE(a.debtor_name, ''),
      '(',
      COALESCE(a.from_account, ''),
      ') → ',
      COALESCE(a.to_label, ''),
      ' → ',
      COALESCE(b.to_label, '')
    ),
    a._file,
    a._row,
    b._file,
    b._row,
    CAST(NULL AS STRING),
    CAST(NULL AS INT)
  FROM h1 AS a
  JOIN big AS b
    ON b.from_account = a.to_account
    AND b.txn_at > a.txn_at
    AND (
      DATEDIFF(CAST(b.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ) <= (30)
    AND b.to_account <> a.from_account
  WHERE
    (3) >= 2
    AND (2) <= 2
    AND NOT EXISTS(
      SELECT
        1
      FROM targets AS t
      WHERE
        t.debtor_id = a.debtor_id AND t.account_no = a.to_account
    )
  UNION ALL
  SELECT
    a.debtor_id,
    3 AS hop_count,
    c.to_account AS end_account,
    CONCAT(
      COALESCE(a._file, ''),
      '#',
      COALESCE(CAST(a._row AS STRING), ''),
      '>',
      COALESCE(b._file, ''),
      '#',
      COALESCE(CAST(b._row AS STRING), ''),
      '>',
      COALESCE(c._file, ''),
      '#',
      COALESCE(CAST(c._row AS STRING), '')
    ),
    CONCAT(
      COALESCE(a.debtor_name, ''),
      '(',
      COALESCE(a.from_account, ''),
      ') → ',
      COALESCE(a.to_label, ''),
      ' → ',
      COALESCE(b.to_label, ''),
      ' → ',
      COALESCE(c.to_label, '')
    ),
    a._file,
    a._row,
    b._file,
    b._row,
    c._file,
    c._row
  FROM h1 AS a
  JOIN big AS b
    ON b.from_account = a.to_account
    AND b.txn_at > a.txn_at
    AND (
      DATEDIFF(CAST(b.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ) <= (30)
    AND b.to_account <> a.from_account
  JOIN big AS c
    ON c.from_account = b.to_account
    AND c.txn_at > b.txn_at
    AND (
      DATEDIFF(CAST(c.txn_at AS DATE), CAST(b.txn_at AS DATE))
    ) <= (30)
    AND c.to_account <> a.from_account
    AND c.to_account <> a.to_account
  WHERE
    (3) >= 3
    AND NOT EXISTS(
      SELECT
        1
      FROM targets AS t
      WHERE
        t.debtor_id = a.debtor_id
        AND (
          t.account_no = a.to_account OR t.account_no = b.to_account
        )
    )
), found AS (
  SELECT
    p.debtor_id,
    p.hop_count,
    p.path_id,
    p.route,
    t.target,
    p.f1,
    p.r1,
    p.f2,
    p.r2,
    p.f3,
    p.r3
  FROM paths AS p
  JOIN targets AS t
    ON t.debtor_id = p.debtor_id AND t.account_no = p.end_account
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM debtor_accounts AS x
      WHERE
        x.debtor_id = p.debtor_id AND x.account_no = p.end_account
    )
), path_hops AS (
  SELECT
    f.debtor_id,
    f.hop_count,
    f.route,
    f.target,
    f.f1 AS hop_file,
    f.r1 AS hop_row
  FROM found AS f
  UNION ALL
  SELECT
    f.debtor_id,
    f.hop_count,
    f.route,
    f.target,
    f.f2 AS hop_file,
    f.r2 AS hop_row
  FROM found AS f
  WHERE
    NOT f.f2 IS NULL
  UNION ALL
  SELECT
    f.debtor_id,
    f.hop_count,
    f.route,
    f.target,
    f.f3 AS hop_file,
    f.r3 AS hop_row
  FROM found AS f
  WHERE
    NOT f.f3 IS NULL
), hop_rows AS (
  SELECT
    ph.debtor_id,
    ph.hop_count,
    ph.route,
    ph.target,
    b._table,
    b._file,
    b._row,
    b._batch,
    b.from_account,
    b.to_account,
    b.txn_at,
    b.amount,
    b.summary
  FROM path_hops AS ph
  JOIN big AS b
    ON b._file = ph.hop_file AND b._row = ph.hop_row
)
SELECT
  CAST(NULL AS STRING) AS case_no,
  d.debtor_id AS subject_id,
  d.debtor_name AS subject_name,
  e.hop_count,
  e.target,
  e.route,
  e._table AS zb_ev1___table,
  e._file AS zb_ev1___file,
  e._row AS zb_ev1___row,
  e._batch AS zb_ev1___batch,
  e.from_account AS zb_ev1__from_account,
  e.to_account AS zb_ev1__to_account,
  e.txn_at AS zb_ev1__txn_at,
  e.amount AS zb_ev1__amount,
  e.summary AS zb_ev1__summary
FROM hop_rows AS e
JOIN terminated_debtors AS d
  ON d.debtor_id = e.debtor_id
