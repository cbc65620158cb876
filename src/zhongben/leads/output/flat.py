"""JSON (the contract's fields and more) and CSV (one row per lead, JSON in cells)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from zhongben.leads.model import Lead
from zhongben.leads.serialize import lead_record
from zhongben.protect.cells import csv_rows
from zhongben.protect.mark import ExportMark
from zhongben.protect.stamp import stamp_csv

FORMATS = ("table", "json", "csv", "xlsx")
CSV_COLUMNS = (
    "lead_key", "rule_id", "rule_version", "rule_name", "family", "case_no", "subject_id",
    "subject_name", "court", "court_code", "severity", "score", "livelihood", "unpaid_amount",
    "explanation", "legal_basis", "evidence", "score_terms", "params", "as_of",
)  # fmt: skip


def write_json(leads: Sequence[Lead], extra: dict[str, Any] | None = None) -> str:
    """``{"as_of", …extra, "leads": [lead objects]}`` as JSON text."""
    body = {**(extra or {}), "leads": [lead_record(lead) for lead in leads]}
    return json.dumps(body, ensure_ascii=False, indent=2)


def write_csv(leads: Sequence[Lead], mark: ExportMark | None = None) -> str:
    """One row per lead; with a mark, its 导出水印 column last on every row."""
    out = io.StringIO()
    writer = csv.writer(out)
    rows = ([_cell(record[c]) for c in CSV_COLUMNS] for record in map(lead_record, leads))
    headers, marked = stamp_csv(CSV_COLUMNS, rows, mark) if mark else (list(CSV_COLUMNS), rows)
    writer.writerow(headers)
    writer.writerows(csv_rows(marked))
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value
