SELECT
  d.case_no,
  CAST(NULL AS TEXT) AS subject_id,
  d.doc_no,
  d.ruled_on,
  d._file AS zb_ev1___file,
  d._row AS zb_ev1___row,
  d._batch AS zb_ev1___batch,
  d.doc_id AS zb_ev1__doc_id,
  d.doc_no AS zb_ev1__doc_no,
  d.kind AS zb_ev1__kind,
  d.ruled_on AS zb_ev1__ruled_on,
  d.states_property_search AS zb_ev1__states_property_search,
  d.source_file AS zb_ev1__source_file
FROM (SELECT doc_id, case_no, doc_no, kind, title, court, ruled_on, filed_on, closed_on, basis_no, claim_amount, paid_amount, outstanding_amount, states_property_search, searches, restricts_consumption, lists_dishonest, informs_resume_right, cited_articles, source_file, pages, method, confidence, warnings, _file, _sheet, _file_hash, _row, _batch FROM documents WHERE ruled_on IS NULL OR ruled_on <= CAST('2025-06-30' AS DATE)) AS d
WHERE
  d.kind = '终结本次执行程序裁定书'
  AND d.states_property_search = '否'
  AND (
    d.ruled_on IS NULL OR d.ruled_on <= (CAST('2025-06-30' AS DATE))
  )
