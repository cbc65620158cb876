"""Masking personal data for roles that may not see it, driven by the data contract's
``Column.personal`` class of each column."""

from __future__ import annotations

from typing import Any

from zhongben.contracts import TABLES
from zhongben.contracts.model import Personal
from zhongben.store.security import mask_id, mask_phone

MASKED_CLASSES = {Personal.IDENTIFIER: mask_id, Personal.CONTACT: mask_phone,
                  Personal.FINANCIAL: mask_id}
# Columns outside the contract tables that carry identifiers (profile and lead fields).
ID_NAMES = {"id_no", "subject_id", "owner_id", "holder_id", "person_id", "buyer_id", "payee_id"}


def personal_class(table: str, column: str) -> Personal:
    spec = TABLES.get(table)
    for col in spec.columns if spec else ():
        if col.name == column:
            return col.personal
    return Personal.IDENTIFIER if column in ID_NAMES else Personal.NONE


def mask_value(table: str, column: str, value: Any) -> Any:
    klass = personal_class(table, column)
    masker = MASKED_CLASSES.get(klass)
    if masker is None or value is None:
        return value
    if column == "address":
        text = str(value)
        return text[:6] + "****" if len(text) > 6 else "****"
    if klass == Personal.FINANCIAL and not isinstance(value, str):
        return value  # amounts stay visible; account numbers are masked
    return masker(str(value))


def mask_row(table: str, row: dict[str, Any], unmasked: bool) -> dict[str, Any]:
    if unmasked:
        return row
    return {k: mask_value(table, k, v) for k, v in row.items()}
