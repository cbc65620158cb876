/*
id: XJ-03
version: 2
name: 串并：同一被执行人他案履行
family: J
severity: medium
grain: case
basis:
  - {text: 监督规则 第117条, status: V}
tables:
  cases: [case_no, court, closed_on, close_method, original_case_no, paid_amount]
  parties: [case_no, role, name, id_no, id_no_entity]
  actions: [case_no, action, acted_on, target_type, target_id, amount]
explanation: >-
  案件{case_no}于{closed_on}终本，但同一被执行人{debtor_name}在他案{other_case_no}中{event}，
  说明终本后仍有可供执行的财产或履行能力。
*/
-- Z is another case (any court) with the same debtor ID, and not a resumption of Y (nor the case
-- Y resumes): a 执恢 case of Y continues Y itself. Z counts when it was closed after Y's 终本
-- date with paid_amount > 0, or has a 查封/扣押/冻结 dated after Y's 终本 date.
WITH pairs AS (
  SELECT y.case_no, y.closed_on, p.name AS debtor_name, z.case_no AS other_case_no
  FROM cases AS y
  JOIN parties AS p
    ON p.case_no = y.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
  JOIN parties AS q
    ON q.id_no_entity = p.id_no_entity AND q.role = '被执行人' AND q.case_no <> y.case_no
  JOIN cases AS z ON z.case_no = q.case_no
  WHERE y.close_method = '终结本次执行程序'
    AND (z.original_case_no IS NULL OR z.original_case_no <> y.case_no)
    AND (y.original_case_no IS NULL OR y.original_case_no <> z.case_no)
),
events AS (
  SELECT x.case_no, x.debtor_name, x.other_case_no,
         'cases' AS _table, z._file, z._row, z._batch,
         z.closed_on AS event_on,
         CONCAT('于', CAST(z.closed_on AS VARCHAR), '以', z.close_method, '结案，执行到位',
                CAST(z.paid_amount AS VARCHAR), '元') AS event
  FROM pairs AS x
  JOIN cases AS z ON z.case_no = x.other_case_no
  WHERE z.closed_on > x.closed_on AND z.paid_amount > 0
  UNION ALL
  SELECT x.case_no, x.debtor_name, x.other_case_no,
         'actions' AS _table, s._file, s._row, s._batch,
         s.acted_on AS event_on,
         CONCAT('于', CAST(s.acted_on AS VARCHAR), '对', COALESCE(s.target_type, ''),
                COALESCE(s.target_id, ''), '采取', s.action, '措施') AS event
  FROM pairs AS x
  JOIN actions AS s
    ON s.case_no = x.other_case_no
    AND s.action IN ('查封', '扣押', '冻结')
    AND s.acted_on > x.closed_on
)
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  c.closed_on,
  e.debtor_name,
  e.other_case_no,
  e.event,
  zb_evidence(c, case_no, court, closed_on, close_method),
  zb_evidence(e, other_case_no, event_on, event)
FROM events AS e
JOIN cases AS c ON c.case_no = e.case_no
