"""Rows a rule returns → leads: rows of the same (case_no, subject_id) are one lead; their facts
are merged (distinct values kept in order) and their evidence rows united."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from zhongben.leads.model import Lead
from zhongben.rules.compile import PROVENANCE_FIELDS, EvidenceSpec

KEY_COLUMNS = ("case_no", "subject_id", "subject_name")


def group_rows(
    rule_id: str,
    names: Sequence[str],
    rows: Sequence[Sequence[Any]],
    evidence: Sequence[EvidenceSpec],
) -> list[Lead]:
    """One lead per (case_no, subject_id), in a stable order."""
    evidence_columns = {spec.column(f) for spec in evidence for f in _all_fields(spec)}
    fact_names = [n for n in names if n not in evidence_columns and n not in KEY_COLUMNS]
    leads: dict[tuple[Any, Any], Lead] = {}
    for raw in rows:
        row = dict(zip(names, raw, strict=True))
        key = (row.get("case_no"), row.get("subject_id"))
        lead = leads.get(key)
        if lead is None:
            lead = Lead(rule_id, key[0], key[1], row.get("subject_name"))
            lead.facts = {name: [] for name in fact_names}
            leads[key] = lead
        for name in fact_names:
            if row[name] not in lead.facts[name]:
                lead.facts[name].append(row[name])
        for spec in evidence:
            item = _evidence_item(spec, row)
            if item is not None and item not in lead.evidence:
                lead.evidence.append(item)
    for lead in leads.values():
        lead.facts = {n: _one_or_many(v) for n, v in lead.facts.items()}
        lead.evidence.sort(key=_evidence_order)
    return sorted(leads.values(), key=lambda x: (x.case_no or "", x.subject_id or ""))


def _all_fields(spec: EvidenceSpec) -> tuple[str, ...]:
    dynamic = ("_table",) if not spec.table else ()
    return (*dynamic, *PROVENANCE_FIELDS, *spec.fields)


def _evidence_item(spec: EvidenceSpec, row: dict[str, Any]) -> dict[str, Any] | None:
    table = spec.table or row.get(spec.column("_table"))
    fields = {f: row[spec.column(f)] for f in spec.fields}
    file, number, batch = (row[spec.column(f)] for f in PROVENANCE_FIELDS)
    if file is None and number is None and all(v is None for v in fields.values()):
        return None  # an outer join that found no row
    return {"table": table, "file": file, "row": number, "batch": batch, "fields": fields}


def _evidence_order(item: dict[str, Any]) -> tuple[str, str, int]:
    return (str(item["table"] or ""), str(item["file"] or ""), int(item["row"] or 0))


def _one_or_many(values: list[Any]) -> Any:
    if len(values) == 1:
        return values[0]
    return sorted(values, key=lambda v: (v is None, str(v)))
