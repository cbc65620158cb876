"""Spreadsheet formula injection, neutralised in one place.

A party name or a statement's 摘要 comes from outside (a court ledger, a bank export) and can
read ``=HYPERLINK("http://…","点击")`` or ``@SUM(…)``. Excel and WPS evaluate such a cell when
they open a CSV, and xlsxwriter's ``write()`` turns a string that starts with ``=`` into a live
formula. So:

- every CSV a user opens writes its cells through :func:`csv_cell`: a text starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe (OWASP's
  advice), which Excel shows as text and never evaluates; numbers, and texts that are plain
  numbers such as ``-1234.50``, are left as they are so amounts stay amounts;
- every workbook is created by :func:`new_workbook`, with xlsxwriter's automatic conversion of
  strings to formulas and to links switched off, so no text cell is ever a formula.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import IO, Any

import xlsxwriter

FORMULA_START = frozenset("=+-@\t\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:,\d{3})*|\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
WORKBOOK_OPTIONS: dict[str, Any] = {"strings_to_formulas": False, "strings_to_urls": False}


def csv_cell(value: Any) -> Any:
    """``value`` as it is safe to put in a CSV cell."""
    if not isinstance(value, str) or not value or value[0] not in FORMULA_START:
        return value
    if value[0] in "+-" and PLAIN_NUMBER.fullmatch(value) and any(ch.isdigit() for ch in value):
        return value
    return "'" + value


def csv_rows(rows: Iterable[Sequence[Any]]) -> Iterable[list[Any]]:
    return ([csv_cell(value) for value in row] for row in rows)


def new_workbook(target: str | IO[bytes], options: dict[str, Any] | None = None
                 ) -> xlsxwriter.Workbook:
    """An xlsxwriter workbook in which a text cell is never a formula or a link."""
    return xlsxwriter.Workbook(target, {**(options or {}), **WORKBOOK_OPTIONS})
