"""``zhongben entities export``: one row per mention — ``table, source_file, source_row, column,
entity_id, tier, match_probability``. A mention with a valid ID is tier A with probability 1;
the others carry what resolution decided (A by a registry mapping, B by Splink, R by a reviewer,
U for an entity of its own); before any resolution they have no entity and no tier."""

from __future__ import annotations

from pathlib import Path

from zhongben.identity.backend import Backend
from zhongben.identity.sources import SOURCES, MentionSource
from zhongben.identity.store import ensure_tables

HEADER = ("table", "source_file", "source_row", "column", "entity_id", "tier",
          "match_probability")


def _select(source: MentionSource) -> str:
    present = [source.column, source.invalid, source.name, source.doc_no]
    some = " OR ".join(f't."{c}" IS NOT NULL' for c in present if c)
    return f"""SELECT '{source.table}' AS "table", t._file AS source_file, t._row AS source_row,
        '{source.column}' AS "column", t."{source.entity}" AS entity_id,
        CASE WHEN t."{source.column}" IS NOT NULL THEN 'A' ELSE m.tier END AS tier,
        CASE WHEN t."{source.column}" IS NOT NULL THEN 1.0 ELSE m.probability END
          AS match_probability
      FROM "{source.table}" AS t
      LEFT JOIN entity_mentions AS m ON m.tbl = '{source.table}' AND m.col = '{source.column}'
        AND m.file_hash = t._file_hash AND m.sheet IS NOT DISTINCT FROM t._sheet
        AND m."row" = t._row AND t."{source.column}" IS NULL
      WHERE {some}"""


def export_sql() -> str:
    return "\nUNION ALL\n".join(_select(s) for s in SOURCES) + \
        '\nORDER BY "table", source_file, source_row, "column"'


def export_entities(backend: Backend, out: Path) -> int:
    """Write the CSV (UTF-8 with BOM, for Excel); how many mentions."""
    ensure_tables(backend)
    out.parent.mkdir(parents=True, exist_ok=True)
    return backend.write_csv(export_sql(), out)
