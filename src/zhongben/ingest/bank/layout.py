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

from zhongben.ingest.arrays import int64_array, string_array
from zhongben.ingest.bank.cells import (
    PLACEHOLDER,
    account_from_name,
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
from zhongben.ingest.bank.columns import Columns
from zhongben.ingest.bank.money import (
    CARD_WORDS,
    NEUTRAL_PREFIX,
    NEUTRAL_WORDS,
    by_words,
    flag_direction,
    is_neutral,
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
FAILED_STATUS = re.compile(r"关闭|失败|撤销|冲正|未成功")
CNY = frozenset({"", "人民币", "cny", "rmb", "人民币元", "156"})
_ACCOUNT_IN_TEXT = re.compile(r"([0-9]{4}[0-9*]{4,}[0-9]{2,})")
_MONTH_DAY = re.compile(r"^([0-9]{1,2})[/-]([0-9]{1,2})$")
_TITLE_MONTH = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月")


class AmountMode(StrEnum):
    SPLIT = "split"  # one column for money in, one for money out
    SIGNED = "signed"  # one column, negative = out (in, on a credit-card bill)
    FLAG = "flag"  # one column of amounts and one of 借/贷, 收/付 … flags
    WORDS = "words"  # one column of amounts; the description says 消费 / 还款 (credit cards)


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
    bank: str = ""  # the institution, for an account known only by its last four digits
    negative_is_in: bool = False  # SIGNED on a credit-card bill: spending positive
    card_tail: tuple[str, ...] = ()  # the column of the card's last four digits
    neutral_text: tuple[str, ...] = ()  # columns naming the type of a neutral (/) row
    words: tuple[str, ...] = ()  # WORDS: the columns whose words give the direction
    currency: tuple[str, ...] = ()  # a currency column (rows in other currencies are set aside)
    year_in_title: bool = False  # dates written MM/DD, the year from the title (2024年01月)
    source: str = ""  # where the layout was taken from (docs/reference/statements.md)

    def to_contract(
        self,
        rows: pa.Table,
        preamble: Sequence[Sequence[str]] | None = None,
        file_name: str = "",
    ) -> LayoutResult:
        """Map statement rows (all VARCHAR, named by header cells, plus ``_row``) onto the
        canonical `transactions` columns; summary and non-money rows go to ``dropped``. The
        account is the row's own column, else the title rows', else the file name's, else the
        card's last four digits (``中国银行尾号3167``)."""
        cols = Columns(rows)
        titles = preamble or []
        named, tail = account_from_name(file_name)
        ctx = _Context(account_from_preamble(titles) or named, tail,
                       _title_month(titles) if self.year_in_title else None)
        out: dict[str, list[str | None]] = {name: [] for name in OUTPUT_COLUMNS}
        dropped: list[tuple[int, str]] = []
        for i in range(rows.num_rows):
            row_no = int(cols.row_numbers[i])
            record, reason = self._convert(cols, i, ctx)
            if reason is not None:
                dropped.append((row_no, reason))
                continue
            assert record is not None
            record["_row"] = str(row_no)
            for name in OUTPUT_COLUMNS:
                out[name].append(record.get(name))
        table = pa.table({n: string_array(v) for n, v in out.items() if n != "_row"})
        table = table.append_column("_row", int64_array([int(r or 0) for r in out["_row"]]))
        return LayoutResult(table=table, dropped=dropped)

    def _convert(
        self, cols: Columns, i: int, ctx: _Context
    ) -> tuple[dict[str, str | None] | None, str | None]:
        cells = cols.row(i)
        if not any(cells):
            return None, "空行"
        date = cols.get(self.date, i) or cols.get(self.date[1:], i)
        label = summary_label(cells)
        if label is not None and not looks_like_date(date):
            return None, f"汇总/说明行，非交易：{label}"
        status = cols.get(self.status, i)
        if status and FAILED_STATUS.search(status):
            return None, f"交易未成功（状态：{status}），没有资金进出"
        currency = cols.get(self.currency, i)
        if fold(currency) not in CNY:
            return None, f"外币交易（{currency}），未折算人民币，未导入"
        money, reason = self._money(cols, i)
        if reason is not None:
            return None, reason
        if not date and not money.get("amount"):
            return None, "无交易日期和金额的行，非交易"
        if money.get("amount") and is_zero(str(money["amount"])):
            return None, "金额为零，没有资金进出"
        record: dict[str, str | None] = dict(self.constants)
        for name, candidates in self.fields:
            value = cols.get(candidates, i)
            if value:
                record[name] = value
        tail = cols.get(self.card_tail, i) or ctx.name_tail or ""
        record.setdefault("account_no", ctx.account or self._tail_account(tail))
        record["txn_at"] = _timestamp(_with_year(date, ctx.title_month), cols.get(self.time, i))
        neutral = money.pop("neutral", None)
        record.update(money)
        if neutral:
            record["summary"] = NEUTRAL_PREFIX + (neutral or "")
        _split_counterparty(record)
        if self.cents and record.get("balance"):
            record["balance"] = yuan_from_fen(record["balance"] or "")
        return record, None

    def _tail_account(self, tail: str) -> str | None:
        digits = re.sub(r"[^0-9]", "", tail.split(".")[0])
        return f"{self.bank or self.name}尾号{digits[-4:]}" if digits else None

    def _money(self, cols: Columns, i: int) -> tuple[dict[str, str | None], str | None]:
        if self.amount_mode is AmountMode.SPLIT:
            return _split_money(cols.get(self.amount_in, i), cols.get(self.amount_out, i)), None
        raw = cols.get(self.amount, i)
        if self.cents and raw:
            raw = yuan_from_fen(raw)
        if self.amount_mode is AmountMode.SIGNED:
            if raw and is_zero(raw):
                return {}, "金额为零，没有资金进出"
            negative, magnitude = split_sign(raw)
            outgoing = negative != self.negative_is_in
            direction = None if not magnitude else ("out" if outgoing else "in")
            return {"amount": magnitude or None, "direction": direction}, None
        _, magnitude = split_sign(raw)
        if self.amount_mode is AmountMode.WORDS:
            texts = [cols.get((name,), i) for name in self.words]
            return {"amount": magnitude or None, "direction": by_words(texts, CARD_WORDS)}, None
        flag = cols.get(self.flag, i)
        if self.neutral_text and is_neutral(flag) and magnitude:
            return self._neutral(cols, i, magnitude, flag)
        return {"amount": magnitude or None, "direction": flag_direction(flag)}, None

    def _neutral(self, cols: Columns, i: int, magnitude: str,
                 flag: str) -> tuple[dict[str, str | None], str | None]:
        texts = [cols.get((name,), i) for name in self.neutral_text]
        direction = by_words(texts, NEUTRAL_WORDS)
        kind = next((t for t in texts if t and not PLACEHOLDER.match(t)), "")
        if direction is None:
            return {}, (f"中性交易（收支标志：{flag or '空'}，类型：{kind or '未写明'}）"
                        "无法判断资金方向，请人工核对")
        return {"amount": magnitude, "direction": direction, "neutral": kind}, None


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


@dataclass(frozen=True)
class _Context:
    """What the whole file says about its rows: the account, the last four digits in the file
    name, and the bill's month for dates written without a year."""

    account: str | None
    name_tail: str | None
    title_month: tuple[int, int] | None


def _with_year(date: str, title_month: tuple[int, int] | None) -> str:
    month_day = _MONTH_DAY.match(date)
    if month_day is None or title_month is None:
        return date
    year, month = title_month
    txn_month = int(month_day.group(1))
    year -= txn_month > month  # a December line on a January bill
    return f"{year}-{txn_month:02d}-{int(month_day.group(2)):02d}"


def _title_month(preamble: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    for row in preamble:
        for cell in row:
            found = _TITLE_MONTH.search(str(cell or ""))
            if found:
                return int(found.group(1)), int(found.group(2))
    return None


def _split_counterparty(record: dict[str, str | None]) -> None:
    """``张三 6666…`` / ``6217…/李四`` in one cell: the account goes to its own column."""
    name = record.get("counterparty_name") or ""
    if record.get("counterparty_account") or not name:
        return
    found = _ACCOUNT_IN_TEXT.search(name)
    if found:
        rest = (name[: found.start()] + name[found.end() :]).strip(" /-")
        record["counterparty_account"] = found.group(1)
        record["counterparty_name"] = rest or None


def _timestamp(date: str, time: str) -> str | None:
    if not date:
        return None
    day = iso_date(date)
    clock = iso_time(time) if time else ""
    return f"{day} {clock}" if clock else day


