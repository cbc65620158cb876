"""Payment platforms' exports: 支付宝 交易明细 (the 流水证明 CSV and the older web export), 微信
支付账单 (CSV and XLSX), 京东 交易流水, and 财付通's answer to a 协助查询 request. Their neutral
rows (收/支 ``/``, 不计收支) are movements between the user's balances and cards, loaded with the
direction their type gives (``money``)."""

from __future__ import annotations

from zhongben.ingest.bank.layout import AmountMode, BankLayout

PUBLIC = "public example"
SYNTHETIC = "earlier synthetic sample"

ALIPAY_CLASSIC = BankLayout(
    name="支付宝（网页版交易记录）", bank="支付宝",
    signature=("交易号", "商户订单号", "交易创建时间", "收/支"),
    neutral_text=("类型", "商品名称"),
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
    source=PUBLIC,
)

ALIPAY = BankLayout(
    name="支付宝（交易明细/流水证明）", bank="支付宝",
    signature=("交易分类", "收/付款方式", "交易订单号"),
    neutral_text=("交易分类", "商品说明"),
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
    source=PUBLIC,
)

WECHAT = BankLayout(
    name="微信支付（账单明细）", bank="微信",
    signature=("交易类型", "当前状态", "交易单号", "商户单号"),
    neutral_text=("交易类型", "商品"),
    date=("交易时间",),
    amount_mode=AmountMode.FLAG,
    amount=("金额(元)", "金额"),
    flag=("收/支",),
    status=("当前状态",),
    fields=(("counterparty_name", ("交易对方",)), ("summary", ("商品", "交易类型"))),
    constants=(("channel", "第三方支付"),),
    source=PUBLIC,
)

TENPAY = BankLayout(
    name="微信（财付通调证）", bank="财付通",
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
    source=SYNTHETIC,
)

JD = BankLayout(
    name="京东", bank="京东",
    signature=("商户名称", "交易说明", "收/付款方式", "交易订单号"),
    date=("交易时间",),
    amount_mode=AmountMode.FLAG,
    amount=("金额",),
    flag=("收/支",),
    status=("交易状态",),
    neutral_text=("交易说明", "交易分类"),
    fields=(("counterparty_name", ("商户名称",)), ("summary", ("交易说明", "交易分类"))),
    constants=(("channel", "第三方支付"),),
    source=PUBLIC,
)

PLATFORMS: tuple[BankLayout, ...] = (ALIPAY_CLASSIC, ALIPAY, WECHAT, TENPAY, JD)
