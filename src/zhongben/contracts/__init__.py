"""The data contract as code: the single source of truth for tables, columns, types, required
flags, Chinese names and synonyms, and personal-data classes."""

from __future__ import annotations

from zhongben.contracts.court import COURT_TABLES
from zhongben.contracts.documents import DOCUMENT_TABLES
from zhongben.contracts.identity import IDENTITY_TABLES
from zhongben.contracts.model import ID_KINDS, Column, Kind, Personal, Table
from zhongben.contracts.petitions import PETITION_TABLES
from zhongben.contracts.registry import REGISTRY_TABLES

TABLES: dict[str, Table] = {
    t.name: t for t in (*COURT_TABLES, *REGISTRY_TABLES, *DOCUMENT_TABLES, *IDENTITY_TABLES,
                    *PETITION_TABLES)
}


def table(name: str) -> Table:
    """The table with this canonical name."""
    return TABLES[name]


__all__ = ["ID_KINDS", "TABLES", "Column", "Kind", "Personal", "Table", "table"]
