"""Leads that rest on a probabilistic identity link (身份待确认).

A lead's evidence rows that are mentions linked to their entity by Tier B (Splink, not yet
confirmed by a reviewer) are listed on the lead — which record, which entity, how likely — and
its explanation says so; such a lead cannot become a case before a reviewer confirms the link
(``store.identity``). Links by a valid ID, a registry mapping or a reviewer's 是同一人 carry no
such note."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
import sqlglot

from zhongben.engine.base import Engine
from zhongben.identity.decisions import ENTITY, pair_key
from zhongben.leads.model import Lead

PENDING = "身份待确认"
LINKS_SQL = """
SELECT k.lead, m.tbl, m.file, m."row", m.record_key, m.entity_id, m.probability
FROM zb_evidence_rows AS k
JOIN entity_mentions AS m ON m.tbl = k.tbl AND m.file = k.file AND m."row" = k."row"
WHERE m.tier = 'B'
ORDER BY k.lead, m.tbl, m.file, m."row"
"""


def mark_identity(engine: Engine, leads: Sequence[Lead]) -> None:
    """Fill ``lead.identity_links`` and add the 身份待确认 note to the explanation, in place."""
    if not leads or not engine.has_table("entity_mentions"):
        return
    rows = [(i, e.get("table"), e.get("file"), e.get("row"))
            for i, lead in enumerate(leads) for e in lead.evidence if e.get("row") is not None]
    if not rows:
        return
    engine.put("zb_evidence_rows", pa.table({
        "lead": pa.array([r[0] for r in rows], pa.int64()),
        "tbl": pa.array([r[1] for r in rows], pa.string()),
        "file": pa.array([r[2] for r in rows], pa.string()),
        "row": pa.array([int(str(r[3])) for r in rows], pa.int32()),
    }))
    try:
        _, found = engine.fetch(sqlglot.transpile(LINKS_SQL, read="duckdb",
                                                  write=engine.dialect)[0])
    finally:
        engine.release("zb_evidence_rows")
    for index, table, file, row, record, entity, probability in found:
        lead = leads[index]
        lead.identity_links.append({
            "pair_key": pair_key(record, ENTITY, entity), "record_key": record,
            "entity_id": entity, "probability": probability, "table": table, "file": file,
            "row": row})
    for lead in leads:
        if lead.identity_links:
            lead.explanation += _note(lead)


def _note(lead: Lead) -> str:
    where = "、".join(f"{link['table']}第{link['row']}行" for link in lead.identity_links[:3])
    more = f"等{len(lead.identity_links)}处" if len(lead.identity_links) > 3 else ""
    return (f"【{PENDING}】证据中{where}{more}的记录未载明有效证件号，系按姓名、号码片段等概率"
            "关联到该主体，须经复核确认为同一人后方可成案。")
