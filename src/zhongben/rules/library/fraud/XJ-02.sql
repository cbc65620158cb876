/*
id: XJ-02
version: 3
name: 拒执犯罪线索
family: J
severity: high
grain: subject
basis:
  - {text: 刑法 第313条, status: V}
  - {text: 拒执解释 第3条, status: V}
  - {text: 拒执解释 第6条, status: V}
tables:
  cases: [case_no, filed_on, closed_on, close_method, basis_no]
  parties: [case_no, role, name, id_no, id_no_entity]
  actions: [case_no, action, acted_on, amount, result]
  restrictions: [subject_id, name, kind, case_no, start_on, end_on, subject_id_entity]
  travel: [person_id, mode, travelled_on, seat_class, origin, destination, carrier_no, person_id_entity]
  lawsuits: [case_no, filed_on]
  vehicles: [plate, owner_id, owner_name, registered_on, transferred_on, owner_id_entity]
  real_estate: [unit_no, owner_id, owner_name, acquired_on, disposed_on, owner_id_entity]
  relations: [person_a_id, person_b_id, relation, person_a_id_entity, person_b_id_entity]
  shareholdings: [company_uscc, holder_id, from_on, to_on, company_uscc_entity, holder_id_entity]
params:
  lookback_days: {type: integer, default: 365, label: 无诉讼记录时自立案日向前追溯的天数（DC-05 部分用此值）, unit: 日}
uses: [XG-01, DC-05]
explanation: >-
  被执行人{subject_name}（{subject_id}）：{conduct}。可能构成拒不执行判决、裁定罪，建议审查移送。
*/
-- Two triggers, one lead per debtor across cases, each read from the rows of the rule that
-- defines it (uses:), so XJ-02 cannot drift from them:
-- (1) an XG-01 event after a sanction: the restricted subject is a debtor (被执行人) of the
--     restriction's case C, and C has a 罚款 or 拘留 dated strictly before the journey;
-- (2) a DC-05 transfer to a relative or a company the debtor held shares in (with XJ-02's
--     lookback_days).
-- Evidence: the restriction, the journey and the sanction; or both ownership periods.
WITH sanctioned_trips AS (
  SELECT p.id_no_entity AS debtor_id, p.name AS debtor_name, x.case_no,
         x.t__travelled_on AS travelled_on, x.t__mode AS mode, x.t__carrier_no AS carrier_no,
         x.t__seat_class AS seat_class, s.action AS sanction, s.acted_on AS sanctioned_on,
         x.r__file AS r_file, x.r__row AS r_row, x.r__batch AS r_batch,
         x.t__file AS t_file, x.t__row AS t_row, x.t__batch AS t_batch,
         s._file AS s_file, s._row AS s_row, s._batch AS s_batch
  FROM xg_01 AS x
  JOIN parties AS p
    ON p.case_no = x.case_no AND p.role = '被执行人' AND p.id_no_entity = x.subject_id
  JOIN actions AS s
    ON s.case_no = x.case_no AND s.action IN ('罚款', '拘留') AND s.acted_on < x.t__travelled_on
),
trip_conduct AS (
  SELECT debtor_id, debtor_name, _table, _file, _row, _batch, case_no, event_on,
         CONCAT('案件', case_no, '中已于', CAST(sanctioned_on AS VARCHAR), '被', sanction,
                '，仍于', CAST(travelled_on AS VARCHAR), '违反限制消费令乘坐', mode,
                COALESCE(carrier_no, ''), COALESCE(seat_class, '')) AS conduct
  FROM (
    SELECT x.*, 'restrictions' AS _table, x.r_file AS _file, x.r_row AS _row,
           x.r_batch AS _batch, x.travelled_on AS event_on
    FROM sanctioned_trips AS x
    UNION ALL
    SELECT x.*, 'travel' AS _table, x.t_file AS _file, x.t_row AS _row,
           x.t_batch AS _batch, x.travelled_on AS event_on
    FROM sanctioned_trips AS x
    UNION ALL
    SELECT x.*, 'actions' AS _table, x.s_file AS _file, x.s_row AS _row,
           x.s_batch AS _batch, x.sanctioned_on AS event_on
    FROM sanctioned_trips AS x
  ) AS u
),
transfer_conduct AS (
  SELECT d.subject_id AS debtor_id, d.subject_name AS debtor_name, d.e__table AS _table,
         d.e__file AS _file, d.e__row AS _row, d.e__batch AS _batch, d.case_no,
         d.moved_on AS event_on,
         CONCAT('案件', d.case_no, '终本前，于', CAST(d.moved_on AS VARCHAR), '将', d.asset,
                '转移给', d.receiver) AS conduct
  FROM dc_05 AS d
),
conducts AS (
  SELECT debtor_id, debtor_name, _table, _file, _row, _batch, case_no, event_on, conduct
  FROM trip_conduct
  UNION ALL
  SELECT debtor_id, debtor_name, _table, _file, _row, _batch, case_no, event_on, conduct
  FROM transfer_conduct
)
SELECT
  CAST(NULL AS VARCHAR) AS case_no,
  e.debtor_id AS subject_id,
  e.debtor_name AS subject_name,
  e.conduct,
  zb_evidence(e, case_no, event_on, conduct)
FROM conducts AS e
