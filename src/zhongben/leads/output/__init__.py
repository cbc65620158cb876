"""Writing leads out: terminal table, JSON, CSV, and a Chinese Excel workbook."""

from __future__ import annotations

from zhongben.leads.output.flat import FORMATS, write_csv, write_json
from zhongben.leads.output.terminal import leads_table
from zhongben.leads.output.workbook import write_xlsx

__all__ = ["FORMATS", "leads_table", "write_csv", "write_json", "write_xlsx"]
