/*
id: WS-01
version: 1
name: 终本裁定未载明财产调查情况
family: L
severity: medium
grain: case
basis:
  - {text: 终本规定 第3条, status: S}
tables:
  documents: [doc_id, case_no, doc_no, kind, ruled_on, states_property_search, source_file]
explanation: >-
  案件{case_no}的终结本次执行程序裁定书{doc_no}（{ruled_on}）未载明财产调查情况：正文中没有
  网络查控、查询或调查被执行人财产的记述。
*/
SELECT
  d.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  d.doc_no,
  d.ruled_on,
  zb_evidence(d, doc_id, doc_no, kind, ruled_on, states_property_search, source_file)
FROM documents AS d
WHERE d.kind = '终结本次执行程序裁定书'
  AND d.states_property_search = '否'
  AND (d.ruled_on IS NULL OR d.ruled_on <= :as_of)
