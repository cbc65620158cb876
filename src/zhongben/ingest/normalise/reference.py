"""The Python reference normaliser: one cell of one contract column → (value, error, invalid).

Slow and obviously right; the SQL fast path (``sql``) is tested against it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from zhongben.contracts.model import Column, Kind
from zhongben.identifiers.case_no import normalise_case_no
from zhongben.identifiers.id_card import normalise_person_id
from zhongben.identifiers.party_id import normalise_party_id
from zhongben.identifiers.result import IdResult
from zhongben.identifiers.uscc import normalise_uscc
from zhongben.identifiers.width import clean, clean_code
from zhongben.ingest.normalise import amounts, dates
from zhongben.ingest.normalise.enums import parse_enum

Value = str | date | datetime | Decimal | float | int | None


@dataclass(frozen=True)
class Normalised:
    value: Value
    error: str | None = None  # Chinese reason: the row cannot be loaded
    invalid: str | None = None  # an ID kept as written because it failed its check


_ID_PARSERS: dict[Kind, Callable[[str | None], IdResult]] = {
    Kind.PERSON_ID: normalise_person_id,
    Kind.USCC: normalise_uscc,
    Kind.PARTY_ID: normalise_party_id,
}
_PARSERS: dict[Kind, Callable[[str | None], tuple[Value, str | None]]] = {
    Kind.DATE: lambda raw: dates.parse(raw, "date"),
    Kind.TIMESTAMP: lambda raw: dates.parse(raw, "timestamp"),
    Kind.MONTH: lambda raw: dates.parse(raw, "month"),
    Kind.AMOUNT: amounts.parse_amount,
    Kind.NUMBER: amounts.parse_number,
    Kind.INTEGER: amounts.parse_integer,
}


def normalise(column: Column, raw: str | None) -> Normalised:
    """Normalise one raw cell (``None`` or text as read from the file) of ``column``."""
    kind = column.kind
    if kind in _ID_PARSERS:
        result = _ID_PARSERS[kind](raw)
        return Normalised(result.value, None, result.invalid_raw)
    if kind in _PARSERS:
        value, error = _PARSERS[kind](raw)
        return Normalised(value, error)
    if kind is Kind.ENUM:
        text, error = parse_enum(column, raw)
        return Normalised(text, error)
    if kind is Kind.CASE_NO:
        return Normalised(normalise_case_no(raw))
    if kind is Kind.CODE:
        return Normalised(clean_code(raw))
    return Normalised(clean(raw))
