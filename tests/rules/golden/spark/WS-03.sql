WITH renumbered AS (
  SELECT
    '民诉法解释第519条' AS old_article,
    '民诉法解释第517条' AS new_article,
    CAST('2021-01-01' AS DATE) AS effective_on,
    '终本' AS scope
  UNION ALL
  SELECT
    '民事诉讼法第257条',
    '民事诉讼法第264条',
    CAST('2022-01-01' AS DATE),
    '终结'
  UNION ALL
  SELECT
    '民事诉讼法第264条',
    '民事诉讼法第268条',
    CAST('2024-01-01' AS DATE),
    '终结'
)
SELECT
  d.case_no,
  CAST(NULL AS STRING) AS subject_id,
  d.doc_no,
  d.ruled_on,
  r.old_article,
  r.new_article,
  r.effective_on,
  d._file AS zb_ev1___file,
  d._row AS zb_ev1___row,
  d._batch AS zb_ev1___batch,
  d.doc_id AS zb_ev1__doc_id,
  d.doc_no AS zb_ev1__doc_no,
  d.kind AS zb_ev1__kind,
  d.ruled_on AS zb_ev1__ruled_on,
  d.cited_articles AS zb_ev1__cited_articles,
  d.source_file AS zb_ev1__source_file
FROM (SELECT doc_id, case_no, doc_no, kind, title, court, ruled_on, filed_on, closed_on, basis_no, claim_amount, paid_amount, outstanding_amount, states_property_search, searches, restricts_consumption, lists_dishonest, informs_resume_right, cited_articles, source_file, pages, method, confidence, warnings, _file, _sheet, _file_hash, _row, _batch FROM documents WHERE ruled_on IS NULL OR ruled_on <= CAST('2025-06-30' AS DATE)) AS d
JOIN renumbered AS r
  ON CONCAT(';', COALESCE(d.cited_articles, ''), ';') LIKE CONCAT('%;', COALESCE(r.old_article, ''), ';%')
WHERE
  d.ruled_on >= r.effective_on
  AND d.ruled_on <= (CAST('2025-06-30' AS DATE))
  AND (
    d.kind = '终结本次执行程序裁定书' OR (
      r.scope = '终结' AND d.kind = '终结执行裁定书'
    )
  )
