"""A bank or payment-platform statement layout and how its rows become `transactions` rows.

A layout is data (which header cell holds what, how the direction of money is written); the
code here applies it. Values stay strings for the ingest normalisers; only what depends on the
layout is resolved here: split 收入/支出 columns, signed amounts, 借/贷 or 收/付 flags, amounts in
分, date and time in two columns, the account number written only in a title row, and summary rows
below the data (dropped with a reason, never loaded as transactions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import pyarrow as pa

from zhongben.ingest.bank.cells import (
    account_from_preamble,
    fold,
    is_zero,
    iso_date,
    iso_time,
    looks_like_date,
    split_sign,
    summary_label,
    yuan_from_fen,
)

# Canonical `transactions` columns a layout can fill (besides txn_at, amount, direction).
TEXT_FIELDS = (
    "account_no",
    "counterparty_name",
    "counterparty_account",
    "counterparty_bank",
    "summary",
    "balance",
    "channel",
)
OUTPUT_COLUMNS = ("account_no", "txn_at", "amount", "direction", *TEXT_FIELDS[1:], "_row")

FLAG_VALUES: dict[str, str] = {
    "收入": "in",
    "收": "in",
    "贷": "in",
    "贷方": "in",
    "进": "in",
    "入": "in",
    "c": "in",
    "cr": "in",
    "+": "in",
    "in": "in",
    "已收入": "in",
    "支出": "out",
    "支": "out",
    "付": "out",
    "借": "out",
    "借方": "out",
    "出": "out",
    "d": "out",
    "dr": "out",
    "-": "out",
    "out": "out",
    "已支出": "out",
}
NEUTRAL_FLAGS = frozenset({"不计收支", "/", "中性交易", "其他", ""})
FAILED_STATUS = re.compile(r"关闭|失败|撤销|冲正|未成功")


class AmountMode(StrEnum):
    SPLIT = "split"  # one column for money in, one for money out
    SIGNED = "signed"  # one column, negative = out
    FLAG = "flag"  # one column of amounts and one of 借/贷, 收/付 … flags


@dataclass(frozen=True)
class LayoutResult:
    table: pa.Table
    dropped: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class BankLayout:
    """One export layout. Header names are written as they appear; matching folds them."""

    name: str
    signature: tuple[str, ...]  # header cells that must all be present for this layout
    date: tuple[str, ...]  # candidate headers of the date (or date-and-time) column
    amount_mode: AmountMode
    amount: tuple[str, ...] = ()  # SIGNED / FLAG: the amount column
    amount_in: tuple[str, ...] = ()  # SPLIT
    amount_out: tuple[str, ...] = ()  # SPLIT
    flag: tuple[str, ...] = ()  # FLAG
    time: tuple[str, ...] = ()  # a separate time column, when the layout has one
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()  # canonical name → candidate headers
    status: tuple[str, ...] = ()  # a transaction-status column (交易关闭 rows are not money moved)
    constants: tuple[tuple[str, str], ...] = ()  # canonical name → fixed value (channel …)
    cents: bool = False  # amounts and balances are written in 分

    def to_contract(
        self, rows: pa.Table, preamble: Sequence[Sequence[str]] | None = None
    ) -> LayoutResult:
        """Map statement rows (all VARCHAR, named by header cells, plus ``_row``) onto the
        canonical `transactions` columns; summary and non-money rows go to ``dropped``."""
        cols = _Columns(rows)
        account = account_from_preamble(preamble or [])
        out: dict[str, list[str | None]] = {name: [] for name in OUTPUT_COLUMNS}
        dropped: list[tuple[int, str]] = []
        for i in range(rows.num_rows):
            row_no = int(cols.row_numbers[i])
            record, reason = self._convert(cols, i, account)
            if reason is not None:
                dropped.append((row_no, reason))
                continue
            assert record is not None
            record["_row"] = str(row_no)
            for name in OUTPUT_COLUMNS:
                out[name].append(record.get(name))
        table = pa.table({n: pa.array(v, pa.string()) for n, v in out.items() if n != "_row"})
        table = table.append_column(
            "_row", pa.array([int(r or 0) for r in out["_row"]], pa.int64())
        )
        return LayoutResult(table=table, dropped=dropped)

    def _convert(
        self, cols: _Columns, i: int, account: str | None
    ) -> tuple[dict[str, str | None] | None, str | None]:
        cells = cols.row(i)
        if not any(cells):
            return None, "空行"
        date = cols.get(self.date, i)
        label = summary_label(cells)
        if label is not None and not looks_like_date(date):
            return None, f"汇总/说明行，非交易：{label}"
        status = cols.get(self.status, i)
        if status and FAILED_STATUS.search(status):
            return None, f"交易未成功（状态：{status}），没有资金进出"
        money, reason = self._money(cols, i)
        if reason is not None:
            return None, reason
        if not date and not money.get("amount"):
            return None, "无交易日期和金额的行，非交易"
        record: dict[str, str | None] = dict(self.constants)
        for name, candidates in self.fields:
            value = cols.get(candidates, i)
            if value:
                record[name] = value
        record.setdefault("account_no", account)
        record["txn_at"] = _timestamp(date, cols.get(self.time, i))
        record.update(money)
        if self.cents and record.get("balance"):
            record["balance"] = yuan_from_fen(record["balance"] or "")
        return record, None

    def _money(self, cols: _Columns, i: int) -> tuple[dict[str, str | None], str | None]:
        if self.amount_mode is AmountMode.SPLIT:
            return _split_money(cols.get(self.amount_in, i), cols.get(self.amount_out, i)), None
        raw = cols.get(self.amount, i)
        if self.cents and raw:
            raw = yuan_from_fen(raw)
        if self.amount_mode is AmountMode.SIGNED:
            if raw and is_zero(raw):
                return {}, "金额为零，没有资金进出"
            negative, magnitude = split_sign(raw)
            direction = None if not magnitude else ("out" if negative else "in")
            return {"amount": magnitude or None, "direction": direction}, None
        flag = fold(cols.get(self.flag, i))
        if flag in NEUTRAL_FLAGS and raw:
            return {}, f"中性交易（收支标志：{flag or '空'}），不计收支"
        _, magnitude = split_sign(raw)
        return {"amount": magnitude or None, "direction": FLAG_VALUES.get(flag)}, None


def _split_money(money_in: str, money_out: str) -> dict[str, str | None]:
    _, mag_in = split_sign(money_in)
    _, mag_out = split_sign(money_out)
    has_in = bool(mag_in) and not is_zero(mag_in)
    has_out = bool(mag_out) and not is_zero(mag_out)
    if has_in and not has_out:
        return {"amount": mag_in, "direction": "in"}
    if has_out and not has_in:
        return {"amount": mag_out, "direction": "out"}
    # Both or neither: leave the direction empty so the row is quarantined with its reason.
    return {"amount": mag_in or mag_out or None, "direction": None}


def _timestamp(date: str, time: str) -> str | None:
    if not date:
        return None
    day = iso_date(date)
    clock = iso_time(time) if time else ""
    return f"{day} {clock}" if clock else day


class _Columns:
    """Column access by folded header name, tolerant of units in brackets (``金额(元)``)."""

    def __init__(self, rows: pa.Table) -> None:
        self.names = [n for n in rows.column_names if n != "_row"]
        self.data = [rows.column(n).to_pylist() for n in self.names]
        self.row_numbers = rows.column("_row").to_pylist() if "_row" in rows.column_names else []
        if not self.row_numbers:
            self.row_numbers = list(range(2, rows.num_rows + 2))
        self.index: dict[str, int] = {}
        for position, name in enumerate(self.names):
            self.index.setdefault(fold(name), position)
        for position, name in enumerate(self.names):
            self.index.setdefault(_unbracketed(fold(name)), position)

    def position(self, candidates: Sequence[str]) -> int | None:
        for candidate in candidates:
            found = self.index.get(fold(candidate))
            if found is not None:
                return found
        return None

    def get(self, candidates: Sequence[str], i: int) -> str:
        position = self.position(candidates)
        if position is None:
            return ""
        value = self.data[position][i]
        return "" if value is None else str(value).strip().strip("\t").strip()

    def row(self, i: int) -> list[str]:
        return [("" if col[i] is None else str(col[i]).strip()) for col in self.data]


_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]")


def _unbracketed(name: str) -> str:
    return _BRACKETS.sub("", name) or name


def header_matches(header: Sequence[str], wanted: Sequence[str]) -> bool:
    """All ``wanted`` cells are among ``header`` (compared folded, exact)."""
    folded = {fold(cell) for cell in header if cell}
    return all(fold(w) in folded for w in wanted)


def has_any(header: Sequence[str], candidates: Sequence[str]) -> bool:
    folded = {fold(cell) for cell in header if cell}
    folded |= {_unbracketed(cell) for cell in folded}
    return any(fold(c) in folded for c in candidates)
