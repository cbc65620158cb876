"""The banks' own statement layouts (借记卡流水 and 信用卡账单), as their exports write the header.

``source`` says where each layout was taken from: ``public example`` = an anonymised export
published with an open-source bill importer (tests/fixtures/statements/README.md names it);
``reconstructed`` = from public descriptions only, no example file found — to be confirmed
against a real export when one turns up.
"""

from __future__ import annotations

from zhongben.ingest.bank.layout import AmountMode, BankLayout

Fields = tuple[tuple[str, tuple[str, ...]], ...]
PUBLIC = "public example"
RECONSTRUCTED = "reconstructed"
SYNTHETIC = "earlier synthetic sample"


def fields(summary: tuple[str, ...] = (), balance: tuple[str, ...] = (),
           channel: tuple[str, ...] = (), name: tuple[str, ...] = (),
           account: tuple[str, ...] = (), bank: tuple[str, ...] = (),
           own: tuple[str, ...] = ()) -> Fields:
    pairs = (("summary", summary), ("balance", balance), ("channel", channel),
             ("counterparty_name", name), ("counterparty_account", account),
             ("counterparty_bank", bank), ("account_no", own))
    return tuple((key, value) for key, value in pairs if value)


ICBC = BankLayout(
    name="工商银行（网银明细下载）", bank="工商银行",
    signature=("交易场所", "记账金额(收入)", "记账金额(支出)"),
    date=("交易日期", "记账日期"), amount_mode=AmountMode.SPLIT,
    amount_in=("记账金额(收入)", "交易金额(收入)"), amount_out=("记账金额(支出)", "交易金额(支出)"),
    currency=("记账币种",),
    fields=fields(("摘要", "交易详情"), ("余额",), ("交易场所",), ("对方户名",), ("对方账户",)),
    source=PUBLIC,
)
ICBC_PDF = BankLayout(
    name="工商银行（借记账户历史明细电子版）", bank="工商银行",
    signature=("储种", "收入/支出金额", "对方帐号"),
    date=("交易日期",), amount_mode=AmountMode.SIGNED, amount=("收入/支出金额",),
    currency=("币种",),
    fields=fields(("摘要",), ("余额",), ("渠道",), ("对方户名",), ("对方帐号",), own=("帐号",)),
    source=PUBLIC,
)
CCB = BankLayout(
    name="建设银行（网银交易明细）", bank="建设银行",
    signature=("记账日", "支出", "收入", "账户余额", "交易地点"),
    date=("交易日期", "记账日"), time=("交易时间",), amount_mode=AmountMode.SPLIT,
    amount_in=("收入",), amount_out=("支出",), currency=("币种",),
    fields=fields(("摘要",), ("账户余额",), ("交易地点",), ("对方户名",), ("对方账号",)),
    source=PUBLIC,
)
CCB_DETAIL = BankLayout(
    name="建设银行（活期账户交易明细）", bank="建设银行",
    signature=("序号", "币别", "钞汇", "交易地点/附言"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.SIGNED, amount=("交易金额",),
    currency=("币别",),
    fields=fields(("摘要",), ("账户余额",), ("交易地点/附言",),
                  ("对方户名", "对方账号与户名"), ("对方账号",)),
    source=PUBLIC,
)
ABC = BankLayout(
    name="农业银行（银行卡交易明细）", bank="农业银行",
    signature=("本次余额", "对手信息", "日志号"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.SIGNED, amount=("交易金额",),
    fields=fields(("交易摘要", "交易附言", "交易用途"), ("本次余额",), ("交易渠道",),
                  ("对手信息",), ("对方账号",)),
    source=PUBLIC,
)
BOC = BankLayout(
    name="中国银行（借记卡交易流水明细）", bank="中国银行",
    signature=("记账日期", "记账时间", "交易名称", "对方卡号/账号"),
    date=("记账日期",), time=("记账时间",), amount_mode=AmountMode.SIGNED, amount=("金额",),
    currency=("币别",), card_tail=("借记卡号",),
    fields=fields(("交易名称", "附言"), ("余额",), ("渠道",), ("对方账户名",),
                  ("对方卡号/账号",), ("对方开户行",)),
    source=PUBLIC,
)
BOC_CREDIT = BankLayout(
    name="中国银行（信用卡账单）", bank="中国银行信用卡",
    signature=("银行记账日", "卡号后四位", "存入", "支出"),
    date=("交易日", "银行记账日"), amount_mode=AmountMode.SPLIT,
    amount_in=("存入",), amount_out=("支出",), currency=("币种",), card_tail=("卡号后四位",),
    fields=fields(("交易描述",), name=("交易描述",)),
    source=PUBLIC,
)
BOCOM = BankLayout(
    name="交通银行（借记卡交易明细）", bank="交通银行",
    signature=("交易类型", "借贷", "交易地点", "对方户名"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.FLAG, amount=("交易金额",),
    flag=("借贷",),
    fields=fields(("摘要", "交易类型"), ("余额",), ("交易地点",), ("对方户名",), ("对方账号",)),
    source=PUBLIC,
)
BOCOM_FLAGGED = BankLayout(
    name="交通银行（对私账户交易明细）", bank="交通银行",
    signature=("借贷标志", "交易地点", "交易方式"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.FLAG, amount=("交易金额",),
    flag=("借贷标志",),
    fields=fields(("摘要",), ("余额",), ("交易方式",), ("对方户名",), ("对方账号",),
                  ("对方行名",)),
    source=SYNTHETIC,
)
BOCOM_CREDIT = BankLayout(
    name="交通银行（信用卡账单）", bank="交通银行信用卡",
    signature=("交易说明", "交易币种/金额", "入账币种/金额"),
    date=("交易日期", "记账日期"), amount_mode=AmountMode.WORDS, amount=("入账币种/金额",),
    words=("交易说明",), fields=fields(("交易说明",)),
    source=PUBLIC,
)
CMB = BankLayout(
    name="招商银行（交易流水）", bank="招商银行",
    signature=("联机余额", "对手信息"),
    date=("记账日期",), amount_mode=AmountMode.SIGNED, amount=("交易金额",), currency=("货币",),
    fields=fields(("交易摘要", "客户摘要"), ("联机余额",), name=("对手信息",)),
    source=PUBLIC,
)
CMB_CREDIT = BankLayout(
    name="招商银行（信用卡对账单）", bank="招商银行信用卡",
    signature=("人民币金额", "卡号末四位", "交易地金额"),
    date=("交易日", "记账日"), amount_mode=AmountMode.SIGNED, amount=("人民币金额",),
    negative_is_in=True, year_in_title=True, card_tail=("卡号末四位",),
    fields=fields(("交易摘要",)),
    source=PUBLIC,
)
PSBC = BankLayout(
    name="邮储银行（账户交易明细）", bank="邮储银行",
    signature=("收/付", "对方开户机构", "交易机构"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.FLAG, amount=("交易金额",),
    flag=("收/付",),
    fields=fields(("摘要",), ("账户余额",), ("交易渠道",), ("对方户名",), ("对方账号",),
                  ("对方开户机构",)),
    source=RECONSTRUCTED,
)
CITIC_CREDIT = BankLayout(
    name="中信银行（信用卡账单）", bank="中信银行信用卡",
    signature=("卡末四位", "结算币种", "结算金额"),
    date=("交易日期", "入账日期"), amount_mode=AmountMode.SIGNED, amount=("结算金额",),
    negative_is_in=True, currency=("结算币种",), card_tail=("卡末四位",),
    fields=fields(("交易描述",)),
    source=PUBLIC,
)
CITIC = BankLayout(
    name="中信银行（借记卡交易明细）", bank="中信银行",
    signature=("收入金额", "支出金额", "账户余额", "对方户名", "对方账号", "对方开户行"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.SPLIT,
    amount_in=("收入金额",), amount_out=("支出金额",),
    fields=fields(("摘要",), ("账户余额",), ("交易渠道",), ("对方户名",), ("对方账号",),
                  ("对方开户行",)),
    source=RECONSTRUCTED,
)
CGB_CREDIT = BankLayout(
    name="广发银行（信用卡账单）", bank="广发银行信用卡",
    signature=("入账金额", "入账货币", "交易货币"),
    date=("交易日期", "入账日期"), amount_mode=AmountMode.SIGNED, amount=("入账金额",),
    negative_is_in=True, currency=("入账货币",), fields=fields(("交易摘要",)),
    source=PUBLIC,
)
SPDB = BankLayout(
    name="浦发银行（借记卡交易明细）", bank="浦发银行",
    signature=("顺序号", "存入金额", "取出金额", "交易对手名称"),
    date=("交易日期",), amount_mode=AmountMode.SPLIT,
    amount_in=("存入金额",), amount_out=("取出金额",),
    fields=fields(("交易类型", "附言"), ("余额",), name=("交易对手名称",),
                  account=("交易对手账号",)),
    source=PUBLIC,
)
CIB = BankLayout(
    name="兴业银行（账户交易明细）", bank="兴业银行",
    signature=("支出", "收入", "账户余额", "对方银行", "用途"),
    date=("交易时间", "记账日期"), amount_mode=AmountMode.SPLIT,
    amount_in=("收入",), amount_out=("支出",),
    fields=fields(("摘要", "用途"), ("账户余额",), ("交易渠道",), ("对方户名",), ("对方账号",),
                  ("对方银行",)),
    source=RECONSTRUCTED,
)
CMBC = BankLayout(
    name="民生银行（个人账户对账单）", bank="民生银行",
    signature=("凭证类型", "现转标志", "对方户名/账号"),
    date=("交易时间",), amount_mode=AmountMode.SIGNED, amount=("交易金额",),
    fields=fields(("摘要",), ("账户余额",), ("交易渠道",), ("对方户名/账号",), bank=("对方行名",)),
    source=PUBLIC,
)
CMBC_CREDIT = BankLayout(
    name="民生银行（信用卡账单）", bank="民生银行信用卡",
    signature=("交易日", "记账日", "卡号末四位", "摘要", "金额", "货币"),
    date=("交易日", "记账日"), amount_mode=AmountMode.SIGNED, amount=("金额",),
    negative_is_in=True, currency=("货币",), card_tail=("卡号末四位",), fields=fields(("摘要",)),
    source=PUBLIC,
)
CEB = BankLayout(
    name="光大银行（账户明细）", bank="光大银行",
    signature=("借方发生额", "贷方发生额", "对方名称"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.SPLIT,
    amount_in=("贷方发生额",), amount_out=("借方发生额",),
    fields=fields(("摘要",), ("账户余额",), ("交易渠道",), ("对方名称",), ("对方账号",),
                  ("对方开户行",)),
    source=RECONSTRUCTED,
)
PAB = BankLayout(
    name="平安银行（账户交易明细）", bank="平安银行",
    signature=("收入(元)", "支出(元)", "账户余额(元)", "对方户名"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.SPLIT,
    amount_in=("收入(元)",), amount_out=("支出(元)",),
    fields=fields(("交易类型", "附言"), ("账户余额(元)",), name=("对方户名",),
                  account=("对方账号",), bank=("对方银行",)),
    source=RECONSTRUCTED,
)
RURAL = BankLayout(
    name="农村商业银行（账户交易明细）", bank="农商银行",
    signature=("借方金额", "贷方金额", "交易网点"),
    date=("交易日期",), time=("交易时间",), amount_mode=AmountMode.SPLIT,
    amount_in=("贷方金额",), amount_out=("借方金额",),
    fields=fields(("摘要",), ("余额",), ("交易网点",), ("对方户名",), ("对方账号",),
                  ("对方行名",)),
    source=RECONSTRUCTED,
)

BANKS: tuple[BankLayout, ...] = (
    ICBC, ICBC_PDF, CCB, CCB_DETAIL, ABC, BOC, BOC_CREDIT, BOCOM, BOCOM_FLAGGED, BOCOM_CREDIT,
    CMB, CMB_CREDIT, PSBC, CITIC_CREDIT, CITIC, CGB_CREDIT, SPDB, CIB, CMBC, CMBC_CREDIT, CEB, PAB,
    RURAL,
)
