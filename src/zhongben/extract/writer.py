"""Writing the output folder: cases.csv, parties.csv, actions.csv, documents.csv (UTF-8, the
contract's canonical headers, ready for ``zhongben ingest``) and documents.jsonl."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zhongben.contracts import table
from zhongben.extract import tables
from zhongben.extract.model import Document


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def write_csv(path: Path, table_name: str, rows: list[dict[str, Any]]) -> None:
    headers = table(table_name).column_names
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_cell(row.get(h)) for h in headers])


def write_all(out_dir: Path, documents: Sequence[Document]) -> dict[str, int]:
    """Write every output file; returns the row count per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        "cases": tables.case_rows(documents),
        "parties": tables.party_rows(documents),
        "actions": tables.action_rows(documents),
        "documents": tables.document_rows(documents),
    }
    for name, rows in outputs.items():
        write_csv(out_dir / f"{name}.csv", name, rows)
    with (out_dir / "documents.jsonl").open("w", encoding="utf-8") as handle:
        for doc in documents:
            handle.write(json.dumps(doc.as_json(), ensure_ascii=False) + "\n")
    counts = {f"{name}.csv": len(rows) for name, rows in outputs.items()}
    counts["documents.jsonl"] = len(documents)
    return counts
