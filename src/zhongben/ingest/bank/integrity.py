"""Per-account integrity checks on a load batch of `transactions`: reported, never fixed.

- 余额不连续 (balance): in statement order, the previous balance plus this row's signed amount is
  not this row's balance — a missing page, a missing row, or an edited statement.
- 日期断档 (gap): no transaction for more than ``gap_days`` days between two rows of one account;
  the message says whether the balance carries over (probably a quiet period) or not (rows missing).
- 重复行 (duplicate): the same account, time, amount, direction, counterparty and balance more than
  once — typically two overlapping exports of one statement.

Statement order: by time, and within one timestamp by the row order of the file — read backwards
when the file lists the newest transaction first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import duckdb

DEFAULT_GAP_DAYS = 60
KIND_LABELS = {"balance": "余额不连续", "gap": "日期断档", "duplicate": "重复行"}


@dataclass(frozen=True)
class Issue:
    account_no: str
    kind: str  # "balance" / "gap" / "duplicate"
    message: str  # Chinese, names the file and rows
    rows: tuple[int, ...]  # spreadsheet row numbers (``_row``) of the rows concerned
    file: str = ""

    @property
    def label(self) -> str:
        """The kind in Chinese, for the load report."""
        return KIND_LABELS[self.kind]


_ORDERED = """
WITH base AS (
    SELECT account_no, _file, _row, txn_at, amount, direction, balance, counterparty_account,
           CASE WHEN direction = 'in' THEN amount ELSE -amount END AS signed
    FROM transactions WHERE _batch = $batch
    QUALIFY row_number() OVER (
        PARTITION BY account_no, txn_at, amount, direction, balance, counterparty_account
        ORDER BY _file, _row) = 1
), file_order AS (
    SELECT account_no, _file,
           CASE WHEN arg_max(txn_at, _row) >= arg_min(txn_at, _row) THEN 1 ELSE -1 END AS dir
    FROM base GROUP BY account_no, _file
)
SELECT b.*,
       lag(b.balance) OVER w AS prev_balance, lag(b._row) OVER w AS prev_row,
       lag(b._file) OVER w AS prev_file, lag(b.txn_at) OVER w AS prev_at
FROM base b JOIN file_order f ON f.account_no = b.account_no AND f._file = b._file
WINDOW w AS (PARTITION BY b.account_no ORDER BY b.txn_at, b._file, b._row * f.dir)
"""

_BALANCE = f"""
SELECT account_no, _file, prev_file, prev_row, _row, prev_balance, signed, balance
FROM ({_ORDERED}) o
WHERE balance IS NOT NULL AND prev_balance IS NOT NULL
  AND abs(prev_balance + signed - balance) > 0.005
ORDER BY account_no, txn_at, _row
"""

_GAP = f"""
SELECT account_no, _file, prev_row, _row, prev_at, txn_at,
       date_diff('day', CAST(prev_at AS DATE), CAST(txn_at AS DATE)) AS days,
       CASE WHEN balance IS NULL OR prev_balance IS NULL THEN NULL
            ELSE abs(prev_balance + signed - balance) <= 0.005 END AS carried
FROM ({_ORDERED}) o
WHERE prev_at IS NOT NULL
  AND date_diff('day', CAST(prev_at AS DATE), CAST(txn_at AS DATE)) > $gap_days
ORDER BY account_no, txn_at
"""

_DUPLICATE = """
SELECT account_no, list(_row ORDER BY _file, _row) AS rows_, list(DISTINCT _file) AS files,
       min(txn_at) AS first_at, min(amount) AS amount, min(direction) AS direction
FROM transactions WHERE _batch = $batch
GROUP BY account_no, txn_at, amount, direction, balance, counterparty_account, summary
HAVING count(*) > 1
ORDER BY account_no, first_at
"""


def integrity_issues(
    con: duckdb.DuckDBPyConnection, batch: int, gap_days: int = DEFAULT_GAP_DAYS
) -> list[Issue]:
    """Every balance break, date gap and duplicated row among the rows of load batch ``batch``."""
    issues = _balance_issues(con, batch)
    issues += _gap_issues(con, batch, gap_days)
    issues += _duplicate_issues(con, batch)
    return issues


def _name(path: str | None) -> str:
    return PurePath(path).name if path else ""


def _balance_issues(con: duckdb.DuckDBPyConnection, batch: int) -> list[Issue]:
    rows = con.execute(_BALANCE, {"batch": batch}).fetchall()
    issues = []
    for account, file, prev_file, prev_row, row, prev_balance, signed, balance in rows:
        expected = prev_balance + signed
        where = "" if prev_file == file else f"{_name(file)} "
        message = (
            f"账号 {account} 余额不连续：{_name(prev_file)} 第 {prev_row} 行"
            f"余额 {prev_balance:,.2f}，"
            f"{where}第 {row} 行发生额 {signed:+,.2f}，应余 {expected:,.2f}，"
            f"实际余额 {balance:,.2f}，"
            f"差额 {balance - expected:+,.2f}。可能缺页、缺行或流水被改动，"
            "请向银行核实；未作任何更正。"
        )
        issues.append(Issue(account, "balance", message, (int(prev_row), int(row)), file))
    return issues


def _gap_issues(con: duckdb.DuckDBPyConnection, batch: int, gap_days: int) -> list[Issue]:
    rows = con.execute(_GAP, {"batch": batch, "gap_days": gap_days}).fetchall()
    issues = []
    for account, file, prev_row, row, prev_at, at, days, carried in rows:
        first, last = sorted((int(prev_row), int(row)))
        message = (
            f"账号 {account} 日期断档：{prev_at:%Y-%m-%d} 至 {at:%Y-%m-%d} 共 {days} 天无交易"
            f"（{_name(file)} 第 {first}–{last} 行），{_gap_verdict(carried)}。"
        )
        issues.append(Issue(account, "gap", message, (first, last), file))
    return issues


def _gap_verdict(carried: bool | None) -> str:
    if carried is None:  # a statement without balances says nothing either way
        return "流水没有余额列，无法判断期间是否缺失流水，请与账户持有人或银行核实"
    if carried:
        return "前后余额衔接，可能确无交易"
    return "前后余额不衔接，期间流水可能缺失，请补调"


def _duplicate_issues(con: duckdb.DuckDBPyConnection, batch: int) -> list[Issue]:
    rows = con.execute(_DUPLICATE, {"batch": batch}).fetchall()
    issues = []
    for account, row_list, files, at, amount, direction in rows:
        side = "收入" if direction == "in" else "支出"
        where = "、".join(_name(f) for f in files)
        message = (
            f"账号 {account} 重复行：{at:%Y-%m-%d %H:%M:%S} {side} {amount:,.2f} 元出现 "
            f"{len(row_list)} 次（{where} 第 {'、'.join(str(r) for r in row_list)} 行）。"
            f"可能是重叠导出的同一笔交易，也可能确为多笔；已全部保留，分析时请核实。"
        )
        issues.append(
            Issue(
                account,
                "duplicate",
                message,
                tuple(int(r) for r in row_list),
                files[0] if files else "",
            )
        )
    return issues
