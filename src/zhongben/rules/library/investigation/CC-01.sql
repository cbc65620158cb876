/*
id: CC-01
version: 3
name: 网络查控缺项
family: B
severity: medium
grain: case_subject
basis:
  - {text: 终本规定 第3条第2项, status: S}
  - {text: 财产调查规定 第1、12、13条, status: V}
params:
  categories:
    type: text_list
    default: [存款, 车辆, 不动产, 证券]
    label: 终本前须经网络查控的核心财产类别
tables:
  cases: [case_no, closed_on, close_method]
  parties: [case_no, role, name, id_no, id_no_entity]
  actions: [case_no, action, acted_on, target_type, target_id]
explanation: >-
  案件{case_no}于{closed_on}终本，终本前未对被执行人{subject_name}的{missing}进行网络查控。
*/
-- v2: each debtor must have been searched. A 网络查控 row names the debtor searched in target_id;
-- a row that names nobody counts for every debtor of the case (ledgers that do not record it).
WITH categories AS (
  SELECT '存款' AS category UNION ALL SELECT '车辆' UNION ALL SELECT '不动产'
  UNION ALL SELECT '证券' UNION ALL SELECT '股权' UNION ALL SELECT '公积金'
  UNION ALL SELECT '保险' UNION ALL SELECT '网络资金' UNION ALL SELECT '其他'
)
SELECT
  c.case_no,
  p.id_no_entity AS subject_id,
  p.name AS subject_name,
  c.closed_on,
  k.category AS missing,
  zb_evidence(c, case_no, closed_on, close_method),
  zb_evidence(p, role, name, id_no)
FROM cases AS c
JOIN parties AS p
  ON p.case_no = c.case_no AND p.role = '被执行人' AND p.id_no_entity IS NOT NULL
CROSS JOIN categories AS k
WHERE c.close_method = '终结本次执行程序'
  AND k.category IN (:categories)
  AND NOT EXISTS (
    SELECT 1 FROM actions AS a
    WHERE a.case_no = c.case_no
      AND a.action = '网络查控'
      AND a.target_type = k.category
      AND (a.target_id IS NULL OR a.target_id = p.id_no)
      AND a.acted_on <= c.closed_on
  )
