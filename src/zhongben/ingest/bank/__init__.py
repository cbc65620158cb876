"""Bank and payment-platform statements: layouts onto `transactions`, and integrity checks.

The ingest pipeline finds a candidate header row, asks :func:`match_layout` for its layout, and
passes the rows below it (and the title rows above it) to ``layout.to_contract``; after loading a
batch it adds :func:`integrity_issues` to the load report.
"""

from __future__ import annotations

from collections.abc import Sequence

from zhongben.ingest.bank.integrity import Issue, integrity_issues
from zhongben.ingest.bank.layout import AmountMode, BankLayout, LayoutResult
from zhongben.ingest.bank.layouts import SPECIFIC, generic_layout, match_layout

__all__ = [
    "SPECIFIC",
    "AmountMode",
    "BankLayout",
    "Issue",
    "LayoutResult",
    "generic_layout",
    "integrity_issues",
    "locate_header",
    "match_layout",
]


def locate_header(
    rows: Sequence[Sequence[str]], max_scan: int = 40
) -> tuple[int, BankLayout] | None:
    """(index, layout) of the first of the first ``max_scan`` rows that is a known statement
    header — a specific institution's layout preferred over the generic one."""
    generic: tuple[int, BankLayout] | None = None
    for i, row in enumerate(rows[:max_scan]):
        cells = [str(c or "").strip() for c in row]
        layout = match_layout(cells)
        if layout is None:
            continue
        if layout.name != "通用":
            return i, layout
        generic = generic or (i, layout)
    return generic
