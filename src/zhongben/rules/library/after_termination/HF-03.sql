/*
id: HF-03
version: 1
name: 查封到期未续封
family: D
severity: medium
grain: case
basis:
  - {text: 民诉法解释 第485条, status: V}
  - {text: 查封规定 第27条, status: V}
tables:
  cases: [case_no, closed_on, close_method]
  actions: [case_no, action, acted_on, target_type, target_id, expires_on]
absence_of: [actions]
explanation: >-
  案件{case_no}对{target}的{seizure}措施于{expires_on}到期，到期前未见续行查封或解除查封，
  查封效力可能已失去。
*/
-- Cases in scope: open on as_of (closed_on masked to null when after as_of) or closed by 终本.
-- Seizures: 查封/冻结/扣押, and 续行查封 too (a renewal runs for its own term and lapses the same
-- way). A renewal or release counts when it is in the same case, on the same target_id, dated
-- from the seizure day up to and including expires_on, and is not the seizure row itself.
SELECT
  c.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  s.action AS seizure,
  CONCAT(COALESCE(s.target_type, ''), COALESCE(s.target_id, '')) AS target,
  s.expires_on,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(s, action, acted_on, target_type, target_id, expires_on)
FROM cases AS c
JOIN actions AS s ON s.case_no = c.case_no
WHERE (c.closed_on IS NULL OR c.close_method = '终结本次执行程序')
  AND s.action IN ('查封', '冻结', '扣押', '续行查封')
  AND s.expires_on < :data_until
  AND NOT EXISTS (
    SELECT 1
    FROM actions AS r
    WHERE r.case_no = s.case_no
      AND r.target_id = s.target_id
      AND r.action IN ('续行查封', '解除查封')
      AND r.acted_on >= s.acted_on
      AND r.acted_on <= s.expires_on
      AND (r.action <> s.action OR r.acted_on <> s.acted_on)
  )
