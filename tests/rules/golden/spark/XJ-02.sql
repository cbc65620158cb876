/* Two triggers, one lead per debtor across cases, each read from the rows of the rule that */
/* defines it (uses:), so XJ-02 cannot drift from them: */
/* (1) an XG-01 event after a sanction: the restricted subject is a debtor (被执行人) of the */
/*     restriction's case C, and C has a 罚款 or 拘留 dated strictly before the journey; */
/* (2) a DC-05 transfer to a relative or a company the debtor held shares in (with XJ-02's */
/*     lookback_days). */
/* Evidence: the restriction, the journey and the sanction; or both ownership periods. */
WITH xg_01 AS (
  /* Restricted on day d: start_on ≤ d and (end_on null or d < end_on). Prohibited travel: any */
  /* flight (any class); rail on a G-prefixed train (any seat); a D- or C-prefixed train in */
  /* 一等座/商务座/特等座; 软卧 on any train. */
  SELECT
    r.case_no,
    r.subject_id_entity AS subject_id,
    r.name AS subject_name,
    r.start_on,
    CONCAT(
      COALESCE(CAST(t.travelled_on AS STRING), ''),
      '乘坐',
      COALESCE(t.mode, ''),
      COALESCE(t.carrier_no, ''),
      COALESCE(t.seat_class, ''),
      '（',
      COALESCE(t.origin, ''),
      '—',
      COALESCE(t.destination, ''),
      '）'
    ) AS trip,
    'restrictions' AS r__table,
    r._file AS r__file,
    r._row AS r__row,
    r._batch AS r__batch,
    r.subject_id AS r__subject_id,
    r.name AS r__name,
    r.kind AS r__kind,
    r.case_no AS r__case_no,
    r.start_on AS r__start_on,
    r.end_on AS r__end_on,
    'travel' AS t__table,
    t._file AS t__file,
    t._row AS t__row,
    t._batch AS t__batch,
    t.person_id AS t__person_id,
    t.mode AS t__mode,
    t.travelled_on AS t__travelled_on,
    t.seat_class AS t__seat_class,
    t.origin AS t__origin,
    t.destination AS t__destination,
    t.carrier_no AS t__carrier_no
  FROM (SELECT subject_id, subject_id_invalid, name, kind, case_no, start_on, CASE WHEN end_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE end_on END AS end_on, ground, subject_id_entity, _file, _sheet, _file_hash, _row, _batch FROM restrictions WHERE start_on <= CAST('2025-06-30' AS DATE)) AS r
  JOIN (SELECT person_id, person_id_invalid, mode, travelled_on, seat_class, origin, destination, carrier_no, doc_type, doc_no, name_on_ticket, person_id_entity, _file, _sheet, _file_hash, _row, _batch FROM travel WHERE travelled_on <= CAST('2025-06-30' AS DATE)) AS t
    ON t.person_id_entity = r.subject_id_entity
    AND t.travelled_on >= r.start_on
    AND (
      r.end_on IS NULL OR t.travelled_on < r.end_on
    )
  WHERE
    r.kind = '限制消费'
    AND (
      t.mode = '航班'
      OR (
        t.mode = '铁路'
        AND (
          t.carrier_no LIKE 'G%'
          OR (
            (
              t.carrier_no LIKE 'D%' OR t.carrier_no LIKE 'C%'
            )
            AND t.seat_class IN ('一等座', '商务座', '特等座')
          )
          OR t.seat_class = '软卧'
        )
      )
    )
), dc_05__debtors AS (
  SELECT
    c.case_no,
    c.closed_on,
    p.id_no_entity AS id_no,
    p.name,
    COALESCE(l.filed_on, (
      DATE_ADD(c.filed_on, -(365))
    )) AS since,
    CASE
      WHEN l.filed_on IS NULL
      THEN CONCAT('执行立案前', COALESCE(CAST((365) AS STRING), ''), '日')
      ELSE CONCAT('执行依据', COALESCE(l.case_no, ''), '立案日')
    END AS since_label
  FROM (SELECT case_no, court, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, original_case_no, basis_no, cause, claim_amount, paid_amount, judge, close_reason, CASE WHEN notice_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE notice_on END AS notice_on, CASE WHEN report_order_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE report_order_on END AS report_order_on, CASE WHEN applicant_informed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE applicant_informed_on END AS applicant_informed_on, court_code, case_year, case_type, _file, _sheet, _file_hash, _row, _batch FROM cases WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS c
  JOIN parties AS p
    ON p.case_no = c.case_no AND p.role = '被执行人' AND NOT p.id_no_entity IS NULL
  LEFT JOIN (SELECT case_no, cause, plaintiff_name, plaintiff_id, plaintiff_id_invalid, defendant_name, defendant_id, defendant_id_invalid, filed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE closed_on END AS closed_on, CASE WHEN closed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE close_method END AS close_method, amount, plaintiff_id_entity, defendant_id_entity, _file, _sheet, _file_hash, _row, _batch FROM lawsuits WHERE filed_on <= CAST('2025-06-30' AS DATE)) AS l
    ON l.case_no = c.basis_no
  WHERE
    c.close_method = '终结本次执行程序'
), dc_05__periods AS (
  SELECT
    'vehicles' AS _table,
    v._file,
    v._row,
    v._batch,
    '车辆' AS asset_type,
    v.plate AS asset_id,
    v.owner_id_entity AS owner_id,
    v.owner_name,
    v.registered_on AS held_from,
    v.transferred_on AS held_until
  FROM (SELECT plate, vin, owner_name, owner_id, owner_id_invalid, registered_on, CASE WHEN transferred_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE transferred_on END AS transferred_on, status, model, est_value, owner_id_entity, _file, _sheet, _file_hash, _row, _batch FROM vehicles WHERE registered_on <= CAST('2025-06-30' AS DATE)) AS v
  UNION ALL
  SELECT
    'real_estate' AS _table,
    r._file,
    r._row,
    r._batch,
    '不动产' AS asset_type,
    r.unit_no AS asset_id,
    r.owner_id_entity AS owner_id,
    r.owner_name,
    r.acquired_on AS held_from,
    r.disposed_on AS held_until
  FROM (SELECT unit_no, cert_no, owner_name, owner_id, owner_id_invalid, share, acquired_on, CASE WHEN disposed_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE disposed_on END AS disposed_on, address, area, est_value, status, owner_id_entity, _file, _sheet, _file_hash, _row, _batch FROM real_estate WHERE acquired_on <= CAST('2025-06-30' AS DATE)) AS r
), dc_05__moves AS (
  SELECT
    d.case_no,
    d.id_no,
    o.held_until AS moved_on,
    o.asset_type,
    o.asset_id,
    n.owner_id AS receiver_id,
    n.owner_name AS receiver_name,
    o._table AS out_table,
    o._file AS out_file,
    o._row AS out_row,
    o._batch AS out_batch,
    n._table AS in_table,
    n._file AS in_file,
    n._row AS in_row,
    n._batch AS in_batch
  FROM dc_05__debtors AS d
  JOIN dc_05__periods AS o
    ON o.owner_id = d.id_no AND o.held_until >= d.since AND o.held_until <= d.closed_on
  JOIN dc_05__periods AS n
    ON n.asset_type = o.asset_type
    AND n.asset_id = o.asset_id
    AND n.owner_id <> d.id_no
    AND n.held_from >= o.held_until
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM dc_05__periods AS m
      WHERE
        m.asset_type = o.asset_type
        AND m.asset_id = o.asset_id
        AND m.held_from >= o.held_until
        AND m.held_from < n.held_from
    )
), dc_05__related AS (
  SELECT
    m.*,
    CONCAT('亲属（', COALESCE(r.relation, ''), '）') AS tie
  FROM dc_05__moves AS m
  JOIN (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
    ON r.person_a_id_entity = m.id_no AND r.person_b_id_entity = m.receiver_id
  UNION ALL
  SELECT
    m.*,
    CONCAT('亲属（', COALESCE(r.relation, ''), '）') AS tie
  FROM dc_05__moves AS m
  JOIN (SELECT person_a_id, person_a_id_invalid, person_b_id, person_b_id_invalid, relation, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, person_a_id_entity, person_b_id_entity, _file, _sheet, _file_hash, _row, _batch FROM relations WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS r
    ON r.person_b_id_entity = m.id_no AND r.person_a_id_entity = m.receiver_id
  UNION ALL
  SELECT
    m.*,
    '其持股的企业' AS tie
  FROM dc_05__moves AS m
  JOIN (SELECT company_uscc, company_uscc_invalid, holder_name, holder_id, holder_id_invalid, subscribed, ratio, from_on, CASE WHEN to_on > CAST('2025-06-30' AS DATE) THEN NULL ELSE to_on END AS to_on, company_uscc_entity, holder_id_entity, _file, _sheet, _file_hash, _row, _batch FROM shareholdings WHERE from_on IS NULL OR from_on <= CAST('2025-06-30' AS DATE)) AS s
    ON s.holder_id_entity = m.id_no
    AND s.company_uscc_entity = m.receiver_id
    AND (
      s.from_on IS NULL OR s.from_on <= m.moved_on
    )
    AND (
      s.to_on IS NULL OR s.to_on > m.moved_on
    )
), dc_05__evidence AS (
  SELECT
    case_no,
    id_no,
    moved_on,
    asset_type,
    asset_id,
    receiver_id,
    receiver_name,
    tie,
    out_table AS _table,
    out_file AS _file,
    out_row AS _row,
    out_batch AS _batch
  FROM dc_05__related AS related
  UNION ALL
  SELECT
    case_no,
    id_no,
    moved_on,
    asset_type,
    asset_id,
    receiver_id,
    receiver_name,
    tie,
    in_table AS _table,
    in_file AS _file,
    in_row AS _row,
    in_batch AS _batch
  FROM dc_05__related AS related
), dc_05 AS (
  SELECT
    d.case_no,
    d.id_no AS subject_id,
    d.name AS subject_name,
    d.since,
    d.since_label,
    d.closed_on,
    e.moved_on,
    CONCAT(COALESCE(e.asset_type, ''), COALESCE(e.asset_id, '')) AS asset,
    CONCAT(
      COALESCE(e.tie, ''),
      COALESCE(COALESCE(e.receiver_name, ''), ''),
      '（',
      COALESCE(e.receiver_id, ''),
      '）'
    ) AS receiver,
    e._table AS e__table,
    e._file AS e__file,
    e._row AS e__row,
    e._batch AS e__batch,
    e.asset_type AS e__asset_type,
    e.asset_id AS e__asset_id,
    e.receiver_id AS e__receiver_id,
    e.moved_on AS e__moved_on
  FROM dc_05__debtors AS d
  JOIN dc_05__evidence AS e
    ON e.case_no = d.case_no AND e.id_no = d.id_no
), sanctioned_trips AS (
  SELECT
    p.id_no_entity AS debtor_id,
    p.name AS debtor_name,
    x.case_no,
    x.t__travelled_on AS travelled_on,
    x.t__mode AS mode,
    x.t__carrier_no AS carrier_no,
    x.t__seat_class AS seat_class,
    s.action AS sanction,
    s.acted_on AS sanctioned_on,
    x.r__file AS r_file,
    x.r__row AS r_row,
    x.r__batch AS r_batch,
    x.t__file AS t_file,
    x.t__row AS t_row,
    x.t__batch AS t_batch,
    s._file AS s_file,
    s._row AS s_row,
    s._batch AS s_batch
  FROM xg_01 AS x
  JOIN parties AS p
    ON p.case_no = x.case_no AND p.role = '被执行人' AND p.id_no_entity = x.subject_id
  JOIN (SELECT case_no, action, acted_on, target_type, target_id, result, seizure_rank, expires_on, amount, _file, _sheet, _file_hash, _row, _batch FROM actions WHERE acted_on <= CAST('2025-06-30' AS DATE)) AS s
    ON s.case_no = x.case_no
    AND s.action IN ('罚款', '拘留')
    AND s.acted_on < x.t__travelled_on
), trip_conduct AS (
  SELECT
    debtor_id,
    debtor_name,
    _table,
    _file,
    _row,
    _batch,
    case_no,
    event_on,
    CONCAT(
      '案件',
      COALESCE(case_no, ''),
      '中已于',
      COALESCE(CAST(sanctioned_on AS STRING), ''),
      '被',
      COALESCE(sanction, ''),
      '，仍于',
      COALESCE(CAST(travelled_on AS STRING), ''),
      '违反限制消费令乘坐',
      COALESCE(mode, ''),
      COALESCE(COALESCE(carrier_no, ''), ''),
      COALESCE(COALESCE(seat_class, ''), '')
    ) AS conduct
  FROM (
    SELECT
      x.*,
      'restrictions' AS _table,
      x.r_file AS _file,
      x.r_row AS _row,
      x.r_batch AS _batch,
      x.travelled_on AS event_on
    FROM sanctioned_trips AS x
    UNION ALL
    SELECT
      x.*,
      'travel' AS _table,
      x.t_file AS _file,
      x.t_row AS _row,
      x.t_batch AS _batch,
      x.travelled_on AS event_on
    FROM sanctioned_trips AS x
    UNION ALL
    SELECT
      x.*,
      'actions' AS _table,
      x.s_file AS _file,
      x.s_row AS _row,
      x.s_batch AS _batch,
      x.sanctioned_on AS event_on
    FROM sanctioned_trips AS x
  ) AS u
), transfer_conduct AS (
  SELECT
    d.subject_id AS debtor_id,
    d.subject_name AS debtor_name,
    d.e__table AS _table,
    d.e__file AS _file,
    d.e__row AS _row,
    d.e__batch AS _batch,
    d.case_no,
    d.moved_on AS event_on,
    CONCAT(
      '案件',
      COALESCE(d.case_no, ''),
      '终本前，于',
      COALESCE(CAST(d.moved_on AS STRING), ''),
      '将',
      COALESCE(d.asset, ''),
      '转移给',
      COALESCE(d.receiver, '')
    ) AS conduct
  FROM dc_05 AS d
), conducts AS (
  SELECT
    debtor_id,
    debtor_name,
    _table,
    _file,
    _row,
    _batch,
    case_no,
    event_on,
    conduct
  FROM trip_conduct
  UNION ALL
  SELECT
    debtor_id,
    debtor_name,
    _table,
    _file,
    _row,
    _batch,
    case_no,
    event_on,
    conduct
  FROM transfer_conduct
)
SELECT
  CAST(NULL AS STRING) AS case_no,
  e.debtor_id AS subject_id,
  e.debtor_name AS subject_name,
  e.conduct,
  e._table AS zb_ev1___table,
  e._file AS zb_ev1___file,
  e._row AS zb_ev1___row,
  e._batch AS zb_ev1___batch,
  e.case_no AS zb_ev1__case_no,
  e.event_on AS zb_ev1__event_on,
  e.conduct AS zb_ev1__conduct
FROM conducts AS e
