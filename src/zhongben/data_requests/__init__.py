"""Data-request templates (数据要素模版): one Excel workbook per agency, sent with the request
letter (函), filled in by the agency and loaded back by ``ingest`` as it is."""
