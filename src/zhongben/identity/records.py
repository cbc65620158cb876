"""Records: the unresolved mentions grouped by what they say. Mentions that say exactly the same
(the same mistyped number and name, the same name and phone …) are one record; Tier B compares
records, and every mention of a record gets the record's entity.

A masked ID says little (`3306**********1234` fits thousands of people), so mentions carrying
one are grouped only within one table; a full number, even a wrong one, is specific enough to
group across tables. A mention with nothing but a name is a record of its own."""

from __future__ import annotations

from zhongben.identity.backend import Backend
from zhongben.identity.mentions import UNRESOLVED

RECORDS = "_zb_records"  # record_key, attributes, mention count
RECORD_OF = "_zb_record_of"  # mention key -> record_key

_MASKED = "raw LIKE '%*%'"
_NAME_ONLY = "raw IS NULL AND phone IS NULL AND address IS NULL AND doc_no IS NULL"
_PARTS = (
    # a mention with nothing but a name is a record of its own: a name alone links nothing
    f"CASE WHEN {_NAME_ONLY} THEN tbl || ':' || col || ':' || file_hash || ':' "
    "|| coalesce(sheet, '') || ':' || CAST(\"row\" AS VARCHAR) END",
    "subject",
    f"CASE WHEN {_MASKED} THEN raw || '@' || tbl ELSE raw END",
    "trim(name)",
    "phone",
    "address",
    "doc_no",
)
RECORD_KEY = "md5(concat_ws('|', " + ", ".join(f"coalesce({p}, '')" for p in _PARTS) + "))"


def group_records(backend: Backend) -> None:
    """``_zb_record_of`` for every unresolved mention, and ``_zb_records``, one row per record
    with its attributes and how many mentions it stands for."""
    execute = backend.execute
    execute(
        f"CREATE OR REPLACE TEMP TABLE {RECORD_OF} AS SELECT tbl, col, file_hash, sheet, \"row\", "
        f"{RECORD_KEY} AS record_key FROM {UNRESOLVED}"
    )
    execute(
        f"""CREATE OR REPLACE TEMP TABLE {RECORDS} AS
        SELECT {RECORD_KEY} AS record_key, min(subject) AS subject, min(raw) AS raw,
               min(trim(name)) AS name, min(phone) AS phone, min(address) AS address,
               min(doc_no) AS doc_no, min(doc_type) AS doc_type, min(party_type) AS party_type,
               min(tbl) AS tbl, min(col) AS col, count(*) AS mentions,
               min(file) AS file, min("row") AS "row"
        FROM {UNRESOLVED} GROUP BY 1"""
    )
