"""The catalogue of known statement layouts (the banks' in ``banks``, the payment platforms' in
``platforms``) and a generic one.

Each layout names the header cells as the institution's export writes them. A header is matched
against the specific layouts first (by their signature cells), then against the generic layout,
which recognises any header that names an account or date, an amount and a way to tell the
direction (split columns, a flag column, or signed amounts). docs/reference/fund-flow.md lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from zhongben.contracts import TABLES
from zhongben.ingest.bank.banks import BANKS
from zhongben.ingest.bank.columns import has_any, header_matches
from zhongben.ingest.bank.layout import AmountMode, BankLayout
from zhongben.ingest.bank.platforms import PLATFORMS

SPECIFIC: tuple[BankLayout, ...] = tuple(
    sorted((*BANKS, *PLATFORMS), key=lambda layout: -len(layout.signature))
)

# The generic layout: contract names and synonyms, plus the usual words for split columns.
_T = TABLES["transactions"]
_IN = ("收入金额", "收入", "贷方发生额", "贷方金额", "存入金额", "存入", "转入金额", "收入(元)")
_OUT = ("支出金额", "支出", "借方发生额", "借方金额", "取出金额", "支取", "转出金额", "支出(元)")
_DATE = ("交易日期", "记账日期", "日期", "入账日期", "txn_date")
_TIME = ("交易时间", "时间", "记账时间", "txn_time")


def _names(column: str) -> tuple[str, ...]:
    return _T.column(column).header_names


def generic_layout(header: Sequence[str]) -> BankLayout | None:
    """A layout for any header naming an account or a date, an amount and a direction."""
    date, time = _date_columns(header)
    if not date:
        return None
    fields = tuple(
        (name, _names(name))
        for name in (
            "account_no",
            "counterparty_name",
            "counterparty_account",
            "counterparty_bank",
            "summary",
            "balance",
            "channel",
        )
    )
    base = BankLayout(
        name="通用",
        signature=(),
        date=date,
        time=time,
        fields=fields,
        amount_mode=AmountMode.SIGNED,
        amount=_names("amount"),
    )
    if has_any(header, _IN) and has_any(header, _OUT):
        return replace(
            base, amount_mode=AmountMode.SPLIT, amount=(), amount_in=_IN, amount_out=_OUT
        )
    if not has_any(header, _names("amount")):
        return None
    if has_any(header, _names("direction")):
        return replace(base, amount_mode=AmountMode.FLAG, flag=_names("direction"))
    return base


def _date_columns(header: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(date candidates, time candidates): two columns when the header has a date and a time."""
    dates = tuple(d for d in _DATE if has_any(header, (d,)))
    times = tuple(t for t in _TIME if has_any(header, (t,)))
    if dates and times:
        return dates, times
    stamp = tuple(n for n in _names("txn_at") if has_any(header, (n,)))
    return stamp, ()


def match_layout(header: Sequence[str]) -> BankLayout | None:
    """The layout whose header this is: a specific institution's, else the generic one."""
    for layout in SPECIFIC:
        if header_matches(header, layout.signature):
            return layout
    return generic_layout(header)
