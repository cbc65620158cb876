/*
id: WS-02
version: 1
name: 终本裁定未告知申请人权利
family: L
severity: medium
grain: case
basis:
  - {text: 终本规定 第9条, status: S}
  - {text: 民诉法解释 第517条, status: V, effective_from: 2021-01-01}
tables:
  documents: [doc_id, case_no, doc_no, kind, ruled_on, informs_resume_right, source_file]
explanation: >-
  案件{case_no}的终结本次执行程序裁定书{doc_no}（{ruled_on}）未告知申请执行人发现被执行人有可供执行
  财产时可以申请恢复执行（再次申请执行）的权利（文末附录的法条原文不计）。
*/
SELECT
  d.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  d.doc_no,
  d.ruled_on,
  zb_evidence(d, doc_id, doc_no, kind, ruled_on, informs_resume_right, source_file)
FROM documents AS d
WHERE d.kind = '终结本次执行程序裁定书'
  AND d.informs_resume_right = '否'
  AND (d.ruled_on IS NULL OR d.ruled_on <= :as_of)
