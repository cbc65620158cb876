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
), company_debtors AS (
  SELECT
    d.debtor_id,
    d.debtor_name
  FROM terminated_debtors AS d
  WHERE
    d.party_type IN ('法人', '非法人组织')
    OR EXISTS(
      SELECT
        1
      FROM (SELECT uscc, uscc_invalid, name, legal_rep_name, legal_rep_id, legal_rep_id_invalid, status, established_on, CASE WHEN deregistered_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE deregistered_on END AS deregistered_on, address, scope, registered_capital, _file, _sheet, _file_hash, _row, _batch FROM companies WHERE established_on IS NULL OR established_on <= CAST('2025-06-30' AS DATE)) AS co
      WHERE
        co.uscc = d.debtor_id
    )
), nodes AS (
  SELECT
    da.debtor_id,
    da.debtor_id AS member_id,
    da.account_no,
    da.holder_name
  FROM debtor_accounts AS da
  JOIN company_debtors AS cd
    ON cd.debtor_id = da.debtor_id
  UNION ALL
  SELECT
    la.debtor_id,
    la.linked_id AS member_id,
    la.account_no,
    la.holder_name
  FROM linked_accounts AS la
  JOIN company_debtors AS cd
    ON cd.debtor_id = la.debtor_id
  WHERE
    la.kind IN ('kin', 'head', 'company')
), flows AS (
  SELECT
    n1.debtor_id,
    n1.member_id AS from_member,
    n2.member_id AS to_member,
    n1.holder_name AS from_name,
    n2.holder_name AS to_name,
    m._table,
    m._file,
    m._row,
    m._batch,
    m.from_account,
    m.to_account,
    m.txn_at,
    m.amount,
    m.summary
  FROM fund_moves AS m
  JOIN nodes AS n1
    ON n1.account_no = m.from_account
  JOIN nodes AS n2
    ON n2.account_no = m.to_account AND n2.debtor_id = n1.debtor_id
  WHERE
    n1.member_id <> n2.member_id
), loops AS (
  SELECT
    a.debtor_id,
    2 AS hop_count,
    a.from_name AS start_holder,
    a.amount AS start_amount,
    b.amount AS end_amount,
    (
      DATEDIFF(CAST(b.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ) AS loop_days,
    CONCAT(
      COALESCE(a.from_name, ''),
      ' → ',
      COALESCE(a.to_name, ''),
      ' → ',
      COALESCE(b.to_name, '')
    ) AS loop,
    a._file AS f1,
    a._row AS r1,
    b._file AS f2,
    b._row AS r2,
    CAST(NULL AS STRING) AS f3,
    CAST(NULL AS INT) AS r3,
    CAST(NULL AS STRING) AS f4,
    CAST(NULL AS INT) AS r4
  FROM flows AS a
  JOIN flows AS b
    ON b.debtor_id = a.debtor_id
    AND b.from_member = a.to_member
    AND b.to_member = a.from_member
    AND b.txn_at > a.txn_at
    AND (
      DATEDIFF(CAST(b.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ) <= (30)
    AND b.amount >= (0.8) * a.amount
  WHERE
    a.amount >= (10000.0)
  UNION ALL
  SELECT
    a.debtor_id,
    3 AS hop_count,
    a.from_name,
    a.amount,
    c.amount,
    (
      DATEDIFF(CAST(c.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ),
    CONCAT(
      COALESCE(a.from_name, ''),
      ' → ',
      COALESCE(a.to_name, ''),
      ' → ',
      COALESCE(b.to_name, ''),
      ' → ',
      COALESCE(c.to_name, '')
    ),
    a._file,
    a._row,
    b._file,
    b._row,
    c._file,
    c._row,
    CAST(NULL AS STRING),
    CAST(NULL AS INT)
  FROM flows AS a
  JOIN flows AS b
    ON b.debtor_id = a.debtor_id
    AND b.from_member = a.to_member
    AND b.to_member <> a.from_member
    AND b.txn_at > a.txn_at
    AND b.amount >= (0.8) * a.amount
  JOIN flows AS c
    ON c.debtor_id = a.debtor_id
    AND c.from_member = b.to_member
    AND c.to_member = a.from_member
    AND c.txn_at > b.txn_at
    AND (
      DATEDIFF(CAST(c.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ) <= (30)
    AND c.amount >= (0.8) * a.amount
  WHERE
    a.amount >= (10000.0)
  UNION ALL
  SELECT
    a.debtor_id,
    4 AS hop_count,
    a.from_name,
    a.amount,
    e.amount,
    (
      DATEDIFF(CAST(e.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ),
    CONCAT(
      COALESCE(a.from_name, ''),
      ' → ',
      COALESCE(a.to_name, ''),
      ' → ',
      COALESCE(b.to_name, ''),
      ' → ',
      COALESCE(c.to_name, ''),
      ' → ',
      COALESCE(e.to_name, '')
    ),
    a._file,
    a._row,
    b._file,
    b._row,
    c._file,
    c._row,
    e._file,
    e._row
  FROM flows AS a
  JOIN flows AS b
    ON b.debtor_id = a.debtor_id
    AND b.from_member = a.to_member
    AND b.to_member <> a.from_member
    AND b.txn_at > a.txn_at
    AND b.amount >= (0.8) * a.amount
  JOIN flows AS c
    ON c.debtor_id = a.debtor_id
    AND c.from_member = b.to_member
    AND c.to_member <> a.from_member
    AND c.to_member <> a.to_member
    AND c.txn_at > b.txn_at
    AND c.amount >= (0.8) * a.amount
  JOIN flows AS e
    ON e.debtor_id = a.debtor_id
    AND e.from_member = c.to_member
    AND e.to_member = a.from_member
    AND e.txn_at > c.txn_at
    AND (
      DATEDIFF(CAST(e.txn_at AS DATE), CAST(a.txn_at AS DATE))
    ) <= (30)
    AND e.amount >= (0.8) * a.amount
  WHERE
    a.amount >= (10000.0)
), loop_hops AS (
  SELECT
    lp.debtor_id,
    lp.hop_count,
    lp.start_holder,
    lp.start_amount,
    lp.end_amount,
    lp.loop_days,
    lp.loop,
    lp.f1 AS hop_file,
    lp.r1 AS hop_row
  FROM loops AS lp
  UNION ALL
  SELECT
    lp.debtor_id,
    lp.hop_count,
    lp.start_holder,
    lp.start_amount,
    lp.end_amount,
    lp.loop_days,
    lp.loop,
    lp.f2 AS hop_file,
    lp.r2 AS hop_row
  FROM loops AS lp
  UNION ALL
  SELECT
    lp.debtor_id,
    lp.hop_count,
    lp.start_holder,
    lp.start_amount,
    lp.end_amount,
    lp.loop_days,
    lp.loop,
    lp.f3 AS hop_file,
    lp.r3 AS hop_row
  FROM loops AS lp
  WHERE
    NOT lp.f3 IS NULL
  UNION ALL
  SELECT
    lp.debtor_id,
    lp.hop_count,
    lp.start_holder,
    lp.start_amount,
    lp.end_amount,
    lp.loop_days,
    lp.loop,
    lp.f4 AS hop_file,
    lp.r4 AS hop_row
  FROM loops AS lp
  WHERE
    NOT lp.f4 IS NULL
), hop_rows AS (
  SELECT
    lh.debtor_id,
    lh.hop_count,
    lh.start_holder,
    lh.start_amount,
    lh.end_amount,
    lh.loop_days,
    lh.loop,
    f._table,
    f._file,
    f._row,
    f._batch,
    f.from_account,
    f.to_account,
    f.txn_at,
    f.amount,
    f.summary
  FROM loop_hops AS lh
  JOIN flows AS f
    ON f.debtor_id = lh.debtor_id AND f._file = lh.hop_file AND f._row = lh.hop_row
)
SELECT
  CAST(NULL AS STRING) AS case_no,
  cd.debtor_id AS subject_id,
  cd.debtor_name AS subject_name,
  e.loop,
  e.hop_count,
  e.start_holder,
  e.start_amount,
  e.end_amount,
  e.loop_days,
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
JOIN company_debtors AS cd
  ON cd.debtor_id = e.debtor_id
