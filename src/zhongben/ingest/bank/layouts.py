"""The catalogue of known statement layouts: the six large banks, 支付宝, 微信, and a generic one.

Each layout names the header cells as the institution's export writes them. A header is matched
against the specific layouts first (by their signature cells), then against the generic layout,
which recognises any header that names an account or date, an amount and a way to tell the
direction (split columns, a flag column, or signed amounts). docs/reference/fund-flow.md lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from zhongben.contracts import TABLES
from zhongben.ingest.bank.layout import AmountMode, BankLayout, has_any, header_matches

COUNTERPARTY = (
    (
        "counterparty_name",
        ("对方户名", "对方账户名", "对方名称", "对手户名", "交易对方", "对手信息"),
    ),
    ("counterparty_account", ("对方账号", "对方账户", "对方卡号/账号", "对方卡号", "对手账号")),
    ("counterparty_bank", ("对方行名", "对方开户行", "对方开户机构", "对方银行")),
)

ICBC = BankLayout(
    name="工商银行",
    signature=("交易场所", "记账金额(收入)", "记账金额(支出)"),
    date=("交易日期",),
    amount_mode=AmountMode.SPLIT,
    amount_in=("记账金额(收入)", "交易金额(收入)"),
    amount_out=("记账金额(支出)", "交易金额(支出)"),
    fields=(
        ("summary", ("摘要",)),
        ("balance", ("余额",)),
        ("channel", ("交易场所",)),
        *COUNTERPARTY,
    ),
)

CCB = BankLayout(
    name="建设银行",
    signature=("序号", "币别", "钞汇", "交易地点/附言"),
    date=("交易日期",),
    time=("交易时间",),
    amount_mode=AmountMode.SIGNED,
    amount=("交易金额",),
    fields=(
        ("summary", ("摘要",)),
        ("balance", ("账户余额",)),
        ("channel", ("交易地点/附言",)),
        *COUNTERPARTY,
    ),
)

ABC = BankLayout(
    name="农业银行",
    signature=("本次余额", "对手信息", "日志号"),
    date=("交易日期",),
    time=("交易时间",),
    amount_mode=AmountMode.SIGNED,
    amount=("交易金额",),
    fields=(
        ("summary", ("交易附言", "交易用途")),
        ("balance", ("本次余额",)),
        ("channel", ("交易渠道",)),
        *COUNTERPARTY,
    ),
)

BOC = BankLayout(
    name="中国银行",
    signature=("记账日期", "记账时间", "交易名称", "对方卡号/账号"),
    date=("记账日期",),
    time=("记账时间",),
    amount_mode=AmountMode.SIGNED,
    amount=("金额",),
    fields=(
        ("summary", ("交易名称", "附言")),
        ("balance", ("余额",)),
        ("channel", ("渠道",)),
        *COUNTERPARTY,
    ),
)

BOCOM = BankLayout(
    name="交通银行",
    signature=("借贷标志", "交易地点", "交易方式"),
    date=("交易日期",),
    time=("交易时间",),
    amount_mode=AmountMode.FLAG,
    amount=("交易金额",),
    flag=("借贷标志",),
    fields=(
        ("summary", ("摘要",)),
        ("balance", ("余额",)),
        ("channel", ("交易方式",)),
        *COUNTERPARTY,
    ),
)

PSBC = BankLayout(
    name="邮储银行",
    signature=("收/付", "对方开户机构", "交易机构"),
    date=("交易日期",),
    time=("交易时间",),
    amount_mode=AmountMode.FLAG,
    amount=("交易金额",),
    flag=("收/付",),
    fields=(
        ("summary", ("摘要",)),
        ("balance", ("账户余额",)),
        ("channel", ("交易渠道",)),
        *COUNTERPARTY,
    ),
)

ALIPAY_CLASSIC = BankLayout(
    name="支付宝",
    signature=("交易号", "商户订单号", "交易创建时间", "收/支"),
    date=("付款时间", "交易创建时间"),
    amount_mode=AmountMode.FLAG,
    amount=("金额(元)", "金额"),
    flag=("收/支",),
    status=("交易状态",),
    fields=(
        ("counterparty_name", ("交易对方",)),
        ("summary", ("商品名称", "类型")),
    ),
    constants=(("channel", "第三方支付"),),
)

ALIPAY = BankLayout(
    name="支付宝",
    signature=("交易分类", "收/付款方式", "交易订单号"),
    date=("交易时间",),
    amount_mode=AmountMode.FLAG,
    amount=("金额",),
    flag=("收/支",),
    status=("交易状态",),
    fields=(
        ("counterparty_name", ("交易对方",)),
        ("counterparty_account", ("对方账号",)),
        ("summary", ("商品说明", "交易分类")),
    ),
    constants=(("channel", "第三方支付"),),
)

WECHAT = BankLayout(
    name="微信",
    signature=("交易类型", "当前状态", "交易单号", "商户单号"),
    date=("交易时间",),
    amount_mode=AmountMode.FLAG,
    amount=("金额(元)", "金额"),
    flag=("收/支",),
    status=("当前状态",),
    fields=(("counterparty_name", ("交易对方",)), ("summary", ("商品", "交易类型"))),
    constants=(("channel", "第三方支付"),),
)

TENPAY = BankLayout(
    name="微信（财付通调证）",
    signature=("用户ID", "借贷类型", "交易金额(分)"),
    date=("交易时间",),
    amount_mode=AmountMode.FLAG,
    amount=("交易金额(分)",),
    flag=("借贷类型",),
    cents=True,
    fields=(
        ("account_no", ("用户ID",)),
        ("balance", ("账户余额(分)",)),
        ("counterparty_name", ("对手侧账户名称", "第三方账户名称")),
        ("counterparty_account", ("对手方ID", "对手侧银行卡号")),
        ("counterparty_bank", ("对手方银行卡银行",)),
        ("summary", ("交易用途类型", "交易业务类型", "备注1")),
    ),
    constants=(("channel", "第三方支付"),),
)

SPECIFIC: tuple[BankLayout, ...] = tuple(
    sorted(
        (ICBC, CCB, ABC, BOC, BOCOM, PSBC, ALIPAY_CLASSIC, ALIPAY, WECHAT, TENPAY),
        key=lambda layout: -len(layout.signature),
    )
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
