/*
id: WS-03
version: 1
name: 援引条文版本错误
family: L
severity: low
grain: case
basis:
  - {text: 民诉法解释 (2020年修正，2021-01-01施行；原第519条改为第517条), status: V, effective_from: 2021-01-01}
  - {text: 民事诉讼法 (2021年、2023年修正；终结执行条文原第257条、第264条), status: U}
tables:
  documents: [doc_id, case_no, doc_no, kind, ruled_on, cited_articles, source_file]
explanation: >-
  {doc_no}（{ruled_on}）援引{old_article}，但该条自{effective_on}起已改为{new_article}，
  文书援引的是修正前的条文序号。
*/
WITH renumbered AS (
  SELECT '民诉法解释第519条' AS old_article, '民诉法解释第517条' AS new_article,
         DATE '2021-01-01' AS effective_on, '终本' AS scope
  UNION ALL
  SELECT '民事诉讼法第257条', '民事诉讼法第264条', DATE '2022-01-01', '终结'
  UNION ALL
  SELECT '民事诉讼法第264条', '民事诉讼法第268条', DATE '2024-01-01', '终结'
)
SELECT
  d.case_no,
  CAST(NULL AS VARCHAR) AS subject_id,
  d.doc_no,
  d.ruled_on,
  r.old_article,
  r.new_article,
  r.effective_on,
  zb_evidence(d, doc_id, doc_no, kind, ruled_on, cited_articles, source_file)
FROM documents AS d
JOIN renumbered AS r
  ON CONCAT(';', d.cited_articles, ';') LIKE CONCAT('%;', r.old_article, ';%')
WHERE d.ruled_on >= r.effective_on
  AND d.ruled_on <= :as_of
  AND (d.kind = '终结本次执行程序裁定书'
       OR (r.scope = '终结' AND d.kind = '终结执行裁定书'))
