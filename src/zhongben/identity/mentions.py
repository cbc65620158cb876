"""The mentions without a usable ID, gathered from every mention column into one small table.

A mention with a valid ID needs no gathering: its entity follows from the ID (and the registry
mappings of that ID). The others — an ID that failed its checksum, a masked ID, a passport on a
ticket, a name alone — are what Tier A's registry keys and Tier B's comparisons work on. A mention
is addressed by its table, column and stored row (``_file_hash``, ``_sheet``, ``_row``), the
address the entity columns are written back to."""

from __future__ import annotations

from zhongben.identity.backend import Backend
from zhongben.identity.sources import SOURCES, MentionSource

UNRESOLVED = "_zb_unresolved"
KEY_COLUMNS = ("tbl", "col", "file_hash", "sheet", "row")
FIELDS = ("raw", "name", "phone", "address", "doc_type", "doc_no", "party_type", "case_no")
COLUMNS = (*KEY_COLUMNS, "file", "batch", "subject", *FIELDS)


def _q(name: str) -> str:
    return f'"{name}"'


def _field(source: MentionSource, attr: str) -> str:
    column = source.invalid if attr == "raw" else getattr(source, attr)
    return f"CAST({_q(column)} AS VARCHAR)" if column else "CAST(NULL AS VARCHAR)"


def unresolved_select(source: MentionSource) -> str:
    """The rows of one mention column whose ID is not usable but which identify something."""
    present = [source.invalid, source.name, source.doc_no]
    some = " OR ".join(f"{_q(c)} IS NOT NULL" for c in present if c)
    fields = ", ".join(f"{_field(source, f)} AS {f}" for f in FIELDS)
    return (
        f"SELECT '{source.table}' AS tbl, '{source.column}' AS col, _file_hash AS file_hash, "
        f'_sheet AS sheet, _row AS "row", _file AS file, _batch AS batch, '
        f"'{source.subject.value}' AS subject, {fields} "
        f"FROM {_q(source.table)} WHERE {_q(source.column)} IS NULL AND ({some})"
    )


def gather_unresolved(backend: Backend) -> int:
    """Materialise every mention without a usable ID in ``_zb_unresolved``; how many."""
    union = "\nUNION ALL\n".join(unresolved_select(s) for s in SOURCES)
    backend.execute(f"CREATE OR REPLACE TEMP TABLE {UNRESOLVED} AS {union}")
    return int(backend.rows(f"SELECT count(*) FROM {UNRESOLVED}")[0][0])


def mention_count(backend: Backend) -> int:
    """All mentions of the workspace (with a valid ID or not)."""
    parts = []
    for s in SOURCES:
        present = [s.column, s.invalid, s.name, s.doc_no]
        some = " OR ".join(f"{_q(c)} IS NOT NULL" for c in present if c)
        parts.append(f"SELECT count(*) AS n FROM {_q(s.table)} WHERE {some}")
    return int(backend.rows("SELECT sum(n) FROM (" + " UNION ALL ".join(parts) + ")")[0][0] or 0)
