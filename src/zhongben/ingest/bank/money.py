"""Which way money moved, as statements write it: 借/贷 and 收/支 flags, words in a description
(``消费``, ``还款`` on a credit-card bill) and the "neutral" rows of payment platforms.

A payment platform marks as neutral (微信 收/支 ``/``, 中性交易; 支付宝 ``不计收支``) every
movement between the user's own balances and cards: 零钱提现 to a bank card, 信用卡还款, 购买
理财通, 转入零钱通 from a card, 退款. They are real movements of the user's money — the links fund
tracing follows — so they are loaded, their direction read from the transaction type as seen
from the platform account (money leaving it is ``out``), and their summary starts with 中性交易.
"""

from __future__ import annotations

from zhongben.ingest.bank.cells import fold

FLAG_VALUES: dict[str, str] = {
    "收入": "in", "收": "in", "贷": "in", "贷方": "in", "进": "in", "入": "in", "c": "in",
    "cr": "in", "+": "in", "in": "in", "已收入": "in", "存入": "in", "转入": "in",
    "支出": "out", "支": "out", "付": "out", "借": "out", "借方": "out", "出": "out", "d": "out",
    "dr": "out", "-": "out", "out": "out", "已支出": "out", "取出": "out", "转出": "out",
}
NEUTRAL_FLAGS = frozenset({"不计收支", "/", "中性交易", "其他", ""})
# Neutral rows: words of the transaction type → direction from the platform account's side,
# first match wins. Money put into 余额宝/零钱通/理财通 leaves the spendable balance for an
# investment (property a court can seize): ``out``; taken out of them: ``in``; but 转入零钱通
# 来自 a bank card is money arriving from outside: ``in``.
NEUTRAL_WORDS: tuple[tuple[str, str], ...] = (
    ("来自", "in"), ("提现", "out"), ("还款", "out"), ("购买", "out"), ("申购", "out"),
    ("转账到银行卡", "out"), ("转出到银行卡", "out"), ("转入", "out"), ("存入", "out"),
    ("转出", "in"), ("赎回", "in"), ("卖出", "in"), ("收益", "in"), ("充值", "in"),
    ("退款", "in"), ("取出", "in"),
)
# Credit-card bills that write the direction only in the description.
CARD_WORDS: tuple[tuple[str, str], ...] = (
    ("还款", "in"), ("退货", "in"), ("退款", "in"), ("返现", "in"), ("溢缴款", "in"),
    ("消费", "out"), ("取现", "out"), ("分期", "out"), ("年费", "out"), ("利息", "out"),
    ("手续费", "out"),
)
NEUTRAL_PREFIX = "中性交易："


def flag_direction(raw: str) -> str | None:
    """``贷 Cr`` → in, ``借`` → out …; None when the flag says nothing."""
    flag = fold(raw)
    if flag in FLAG_VALUES:
        return FLAG_VALUES[flag]
    for size in (2, 1):
        if flag[:size] in FLAG_VALUES and flag[:size] not in ("-", "+"):
            return FLAG_VALUES[flag[:size]]
    return None


def is_neutral(raw: str) -> bool:
    return fold(raw) in NEUTRAL_FLAGS


def by_words(texts: list[str], words: tuple[tuple[str, str], ...]) -> str | None:
    """The direction of the first word found in the texts (in order of ``words``)."""
    for word, direction in words:
        if any(word in text for text in texts if text):
            return direction
    return None
