"""A file that looks like a bank statement in a layout the catalogue does not know: say which
header was found and which columns a statement needs, instead of "unknown table name"."""

from __future__ import annotations

from collections.abc import Sequence

from zhongben.ingest.bank.cells import fold

_DATE_WORDS = ("日期", "时间", "记账日", "交易日")
_MONEY_WORDS = ("金额", "发生额", "收入", "支出", "存入", "支取", "取出", "借方", "贷方", "余额")
_TITLE_WORDS = ("银行", "流水", "账单", "对账单", "交易明细", "支付")
NEEDED = (
    "交易日期或交易时间（如“交易日期”“记账日期”“交易时间”）",
    "金额（“交易金额”“发生额”，或“收入”“支出”两列）",
    "收支方向（“借贷标志”“收/支”列，或带正负号的金额，或收入、支出分两列）",
)


def looks_like_statement(head: Sequence[Sequence[str]]) -> list[str] | None:
    """The header row of what looks like a statement (a row naming a date and an amount, under
    a title naming a bank or a statement), or None."""
    titled = any(word in fold(cell) for row in head[:10] for cell in row for word in _TITLE_WORDS)
    for row in head:
        cells = [str(c).strip() for c in row if str(c or "").strip()]
        folded = [fold(c) for c in cells]
        dated = any(w in c for c in folded for w in _DATE_WORDS)
        money = any(w in c for c in folded for w in _MONEY_WORDS)
        if dated and money and (titled or len(cells) >= 4):
            return cells
    return None


def unknown_statement(header: list[str]) -> tuple[str, str]:
    """(problem, advice) for a statement whose layout is not recognised."""
    shown = "、".join(header[:16]) + ("…" if len(header) > 16 else "")
    problem = f"看起来是银行或支付平台的流水，但识别不出它的格式（表头：{shown}）"
    advice = ("流水至少需要：" + "；".join(NEEDED) + "。本方账号写在账号列、表头上方"
              "（如“账号：6222…”）或文件名中均可。请核对表头是否完整，或把文件交给系统管理员"
              "补充该银行的格式（docs/reference/statements.md）")
    return problem, advice
