"""The project's identifier and value parsers as extraction uses them (``zhongben.identifiers``,
``zhongben.ingest.normalise``): one place, so extraction reads values exactly as ingest does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from zhongben.identifiers import courts, id_card, uscc
from zhongben.identifiers.case_no import CaseNo, CaseNoError, parse_case_no
from zhongben.identifiers.party_id import normalise_party_id
from zhongben.ingest.normalise.amounts import read_amount
from zhongben.ingest.normalise.dates import read_datetime

__all__ = ["CaseNo", "amount", "case_no", "court_name", "id_card", "iso_date",
           "normalise_party_id", "uscc"]

# Zero look-alikes OCR and odd fonts produce, read as 〇 before the date parser sees them.
ZEROS = str.maketrans({"o": "〇", "Ο": "〇", "О": "〇", "0": "〇", "—": "一"})


def case_no(text: str) -> CaseNo | None:
    """The parsed case number, or ``None`` when it is not one."""
    try:
        return parse_case_no(text)
    except CaseNoError:
        return None


def without_suffix(number: CaseNo) -> str:
    return replace(number, suffix="").canonical


def court_name(court_code: str) -> str | None:
    """The court's name for a code such as 浙0483."""
    return courts.court_name(court_code)


def iso_date(text: str, chinese: bool) -> str | None:
    """A date found in text (Arabic, or Chinese numerals with any zero look-alike) as ISO."""
    cleaned = "".join(text.split())
    if chinese:
        cleaned = cleaned.translate(ZEROS)
    parsed = read_datetime(cleaned)
    if parsed is None:
        return None
    day: date = parsed.date()
    return day.isoformat()


def amount(number: str, unit: str) -> float | None:
    value = read_amount(number.replace("，", ",") + unit)
    return None if value is None else float(value)
