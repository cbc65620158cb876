"""Court data tables of the contract: cases, parties, actions, payments, auctions, lawsuits,
restrictions."""

from __future__ import annotations

from zhongben.contracts.model import Column, Kind, Personal, Table, col

CLOSE_METHODS = (
    "终结本次执行程序",
    "执行完毕",
    "终结执行",
    "不予执行",
    "驳回申请",
    "销案",
    "和解长期履行",
    "移送破产",
    "其他",
)
# Court information-standard codes of 结案方式 seen in exported ledgers. Status [U]: the code table
# was reconstructed from ledger samples, not from the standard's text; an office can extend it.
CLOSE_METHOD_CODES = {
    "09_05080-1": "执行完毕",
    "09_05080-2": "终结执行",
    "09_05080-3": "不予执行",
    "09_05080-4": "驳回申请",
    "09_05080-5": "终结本次执行程序",
    "09_05080-6": "销案",
    "09_05080-7": "和解长期履行",
    "09_05080-8": "移送破产",
    "09_05080-9": "其他",
    "终本": "终结本次执行程序",
    "终结本次执行": "终结本次执行程序",
    "终结本次执行程序结案": "终结本次执行程序",
    "本次执行程序终结": "终结本次执行程序",
    "执行结案": "执行完毕",
    "全部履行": "执行完毕",
    "履行完毕": "执行完毕",
    "和解": "和解长期履行",
    "执行和解": "和解长期履行",
}

ROLES = ("申请执行人", "被执行人", "案外人")
ROLE_SYNONYMS = {
    "申请人": "申请执行人",
    "申请执行人(原告)": "申请执行人",
    "债权人": "申请执行人",
    "被申请人": "被执行人",
    "被执行人(被告)": "被执行人",
    "债务人": "被执行人",
    "第三人": "案外人",
    "利害关系人": "案外人",
}
PARTY_TYPES = ("自然人", "法人", "非法人组织")
PARTY_TYPE_SYNONYMS = {"个人": "自然人", "公民": "自然人", "单位": "法人", "企业": "法人",
                       "公司": "法人", "其他组织": "非法人组织", "个体工商户": "非法人组织"}

ACTIONS = (
    "网络查控", "现场调查", "申请人提供财产线索", "核查财产线索", "查封", "扣押", "冻结", "续行查封",
    "解除查封", "评估", "拍卖", "变卖", "以物抵债", "限制消费", "解除限制消费", "纳入失信", "删除失信",
    "罚款", "拘留", "搜查", "悬赏", "审计", "申请参与分配", "终本后财产查询", "恢复执行", "扣划",
    "约谈", "执行通知", "报告财产令",
)
ACTION_SYNONYMS = {
    "总对总查控": "网络查控", "点对点查控": "网络查控", "网络查询": "网络查控", "查控": "网络查控",
    "实地调查": "现场调查", "线索核查": "核查财产线索", "续封": "续行查封", "续冻": "续行查封",
    "续行冻结": "续行查封", "解封": "解除查封", "解除冻结": "解除查封", "解除扣押": "解除查封",
    "司法拍卖": "拍卖", "网络拍卖": "拍卖", "限高": "限制消费", "限制高消费": "限制消费",
    "解除限高": "解除限制消费", "失信": "纳入失信", "纳入失信名单": "纳入失信",
    "屏蔽失信": "删除失信", "司法拘留": "拘留", "划扣": "扣划", "终本后查询": "终本后财产查询",
    "定期查询": "终本后财产查询",
}
TARGET_TYPES = ("存款", "车辆", "不动产", "证券", "股权", "公积金", "保险", "网络资金", "其他")
TARGET_TYPE_SYNONYMS = {
    "银行存款": "存款", "账户": "存款", "机动车": "车辆", "房产": "不动产", "房屋": "不动产",
    "土地": "不动产", "股票": "证券", "基金": "证券", "有价证券": "证券", "股份": "股权",
    "住房公积金": "公积金", "商业保险": "保险", "保单": "保险", "理财": "网络资金",
    "支付宝": "网络资金", "微信": "网络资金", "财付通": "网络资金",
}
SEIZURE_RANKS = ("首封", "轮候")
SEIZURE_RANK_SYNONYMS = {"首先查封": "首封", "第一顺位": "首封", "轮候查封": "轮候", "轮封": "轮候"}

ID_NO_DOC = "身份证号 or 统一社会信用代码; other document numbers are kept as written"

CASES = Table(
    name="cases", zh="执行案件", group="court", key=("case_no",),
    synonyms=("案件", "执行案件台账", "案件台账", "执行案件信息", "终本案件"),
    doc="The enforcement case ledger, one row per case.",
    columns=(
        col("case_no", "案号", Kind.CASE_NO, "执行案号", "案件编号", required=True,
            doc="e.g. (2023)浙0683执1234号; unique key"),
        col("court", "执行法院", Kind.TEXT, "法院", "承办法院", "经办法院", "法院名称",
            doc="court name; derived from the court code in case_no when absent"),
        col("filed_on", "立案日期", Kind.DATE, "立案时间", "收案日期", required=True),
        col("closed_on", "结案日期", Kind.DATE, "结案时间", doc="null = still open"),
        col("close_method", "结案方式", Kind.ENUM, "结案类型", "结案方式名称",
            values=CLOSE_METHODS, value_synonyms=CLOSE_METHOD_CODES, open_values=True),
        col("original_case_no", "原案号", Kind.CASE_NO, "原执行案号", "前案案号", "恢复前案号",
            doc="for a 执恢 (resumed) case: the case it resumes"),
        col("basis_no", "执行依据文号", Kind.CASE_NO, "执行依据", "执行依据案号", "依据文书号",
            doc="the judgment enforced; joins lawsuits.case_no"),
        col("cause", "案由", Kind.TEXT, "案由名称", "纠纷类型"),
        col("claim_amount", "申请执行标的金额", Kind.AMOUNT, "申请执行标的", "执行标的", "执行标的金额",
            "标的金额", "申请标的额"),
        col("paid_amount", "实际执行到位金额", Kind.AMOUNT, "执行到位金额", "到位金额", "实际到位金额",
            "已执行金额"),
        col("judge", "承办人", Kind.TEXT, "承办法官", "执行法官", "承办人员", personal=Personal.NAME),
        col("close_reason", "终本理由", Kind.TEXT, "终本原因", "结案理由"),
        col("notice_on", "执行通知书送达日期", Kind.DATE, "执行通知送达日期", "发出执行通知日期",
            "执行通知书日期"),
        col("report_order_on", "报告财产令送达日期", Kind.DATE, "报告财产令日期", "财产报告令送达日期"),
        col("applicant_informed_on", "告知申请执行人日期", Kind.DATE, "告知申请人日期",
            "约谈申请执行人日期", "告知日期"),
    ),
)

PARTIES = Table(
    name="parties", zh="当事人", group="court",
    synonyms=("当事人信息", "案件当事人", "当事人名单"),
    columns=(
        col("case_no", "案号", Kind.CASE_NO, "执行案号", required=True),
        col("role", "诉讼地位", Kind.ENUM, "当事人类型", "地位", "身份", "当事人地位", required=True,
            values=ROLES, value_synonyms=ROLE_SYNONYMS),
        col("name", "姓名或名称", Kind.TEXT, "姓名", "名称", "当事人", "当事人名称", "当事人姓名",
            required=True, personal=Personal.NAME),
        col("id_no", "证件号码", Kind.PARTY_ID, "身份证号", "身份证号码", "证件号", "统一社会信用代码",
            "证照号码", personal=Personal.IDENTIFIER, doc=ID_NO_DOC),
        col("party_type", "类型", Kind.ENUM, "当事人类别", "主体类型", values=PARTY_TYPES,
            value_synonyms=PARTY_TYPE_SYNONYMS),
        col("phone", "联系电话", Kind.TEXT, "电话", "手机号", "手机", personal=Personal.CONTACT),
        col("address", "住所地", Kind.TEXT, "住址", "地址", "住所", personal=Personal.CONTACT),
    ),
)

ACTIONS_TABLE = Table(
    name="actions", zh="执行措施", group="court",
    synonyms=("执行行为", "执行措施记录", "执行节点", "执行过程"),
    doc="Everything the court did in a case, one row per act.",
    columns=(
        col("case_no", "案号", Kind.CASE_NO, "执行案号", required=True),
        col("action", "措施", Kind.ENUM, "执行措施", "措施类型", "执行行为", "节点名称", required=True,
            values=ACTIONS, value_synonyms=ACTION_SYNONYMS, open_values=True),
        col("acted_on", "日期", Kind.DATE, "措施日期", "执行日期", "实施日期", "操作日期",
            required=True),
        col("target_type", "财产类型", Kind.ENUM, "财产种类", "标的类型", values=TARGET_TYPES,
            value_synonyms=TARGET_TYPE_SYNONYMS, open_values=True),
        col("target_id", "财产标识", Kind.CODE, "财产编号", "财产标识号", "标的编号",
            doc="the asset (plate, 不动产单元号, account …); for 网络查控 the ID number of the "
                "debtor searched — empty means every debtor of the case (CC-01)"),
        col("result", "结果", Kind.TEXT, "措施结果", "反馈结果", "查控结果"),
        col("seizure_rank", "查封顺位", Kind.ENUM, "顺位", values=SEIZURE_RANKS,
            value_synonyms=SEIZURE_RANK_SYNONYMS),
        col("expires_on", "查封到期日", Kind.DATE, "到期日", "查封期限", "冻结到期日"),
        col("amount", "金额", Kind.AMOUNT, "涉及金额", "财产价值"),
    ),
)

PAYMENTS = Table(
    name="payments", zh="执行款收付", group="court",
    synonyms=("执行款", "案款", "执行款管理", "案款收付"),
    columns=(
        col("case_no", "案号", Kind.CASE_NO, "执行案号", required=True),
        col("received_on", "到账日期", Kind.DATE, "收款日期", "入账日期", required=True),
        col("amount", "金额", Kind.AMOUNT, "到账金额", "收款金额", "案款金额", required=True),
        col("paid_out_on", "发放日期", Kind.DATE, "发还日期", "付款日期"),
        col("payee_name", "领款人", Kind.TEXT, "收款人", "领款人姓名", personal=Personal.NAME),
        col("payee_id", "领款人证件号", Kind.PARTY_ID, "收款人证件号", "领款人身份证号",
            personal=Personal.IDENTIFIER),
        col("delay_reason", "延缓发放事由", Kind.TEXT, "暂缓发放原因", "未发放原因"),
    ),
)

AUCTIONS = Table(
    name="auctions", zh="司法拍卖", group="court", key=("case_no", "item_id", "round"),
    synonyms=("网络司法拍卖", "拍卖记录", "拍卖"),
    columns=(
        col("case_no", "案号", Kind.CASE_NO, "执行案号", required=True),
        col("item_id", "标的编号", Kind.CODE, "拍品编号", "标的物编号", required=True),
        col("item_type", "标的类型", Kind.TEXT, "拍品类型", "标的物类型"),
        col("reference_price", "参考价", Kind.AMOUNT, "评估价", "参考价/评估价", "评估价格"),
        col("round", "拍卖轮次", Kind.ENUM, "轮次", "拍卖阶段", required=True,
            values=("一拍", "二拍", "变卖"),
            value_synonyms={"1": "一拍", "2": "二拍", "第一次拍卖": "一拍", "第二次拍卖": "二拍",
                            "一次拍卖": "一拍", "二次拍卖": "二拍", "再次拍卖": "二拍"}),
        col("channel", "方式", Kind.ENUM, "拍卖方式", "处置方式", values=("网络", "传统"),
            value_synonyms={"网拍": "网络", "网络拍卖": "网络", "线上": "网络", "委托拍卖": "传统",
                            "线下": "传统"},
            default="网络"),
        col("announced_on", "公告日期", Kind.DATE, "公告时间"),
        col("start_price", "起拍价", Kind.AMOUNT, "起拍价格"),
        col("deal_price", "成交价", Kind.AMOUNT, "成交价格", "成交金额"),
        col("started_on", "开拍日期", Kind.DATE, "开始日期", "拍卖开始日期"),
        col("ended_on", "结束日期", Kind.DATE, "拍卖结束日期"),
        col("status", "状态", Kind.ENUM, "拍卖状态", "拍卖结果",
            values=("成交", "流拍", "撤回", "中止"),
            value_synonyms={"已成交": "成交", "拍卖成交": "成交", "流标": "流拍", "撤拍": "撤回",
                            "暂缓": "中止"}),
        col("buyer_id", "买受人证件号", Kind.PARTY_ID, "竞买人证件号", "买受人身份证号",
            personal=Personal.IDENTIFIER),
    ),
)

LAWSUITS = Table(
    name="lawsuits", zh="诉讼案件", group="court", key=("case_no",),
    synonyms=("民事诉讼案件", "审判案件", "诉讼案件台账"),
    doc="Civil litigation, for fake-litigation patterns.",
    columns=(
        col("case_no", "案号", Kind.CASE_NO, "诉讼案号", required=True),
        col("cause", "案由", Kind.TEXT, "案由名称"),
        col("plaintiff_name", "原告", Kind.TEXT, "原告名称", "原告姓名", personal=Personal.NAME),
        col("plaintiff_id", "原告证件号", Kind.PARTY_ID, "原告身份证号", personal=Personal.IDENTIFIER),
        col("defendant_name", "被告", Kind.TEXT, "被告名称", "被告姓名", personal=Personal.NAME),
        col("defendant_id", "被告证件号", Kind.PARTY_ID, "被告身份证号", personal=Personal.IDENTIFIER),
        col("filed_on", "立案日期", Kind.DATE, "立案时间", "收案日期", required=True),
        col("closed_on", "结案日期", Kind.DATE, "结案时间"),
        col("close_method", "结案方式", Kind.ENUM, values=("判决", "调解", "撤诉", "驳回", "裁定"),
            value_synonyms={"调解结案": "调解", "民事调解": "调解", "判决结案": "判决",
                            "准予撤诉": "撤诉", "驳回起诉": "驳回", "驳回诉讼请求": "驳回"},
            open_values=True),
        col("amount", "诉讼标的", Kind.AMOUNT, "诉讼标的额", "标的额"),
    ),
)

RESTRICTIONS = Table(
    name="restrictions", zh="失信及限制消费名单", group="court",
    synonyms=("失信被执行人名单", "限制消费名单", "失信限高名单", "信用惩戒"),
    columns=(
        col("subject_id", "证件号码", Kind.PARTY_ID, "身份证号", "证件号", "统一社会信用代码",
            required=True, personal=Personal.IDENTIFIER),
        col("name", "姓名或名称", Kind.TEXT, "姓名", "名称", "被执行人", personal=Personal.NAME),
        col("kind", "类型", Kind.ENUM, "名单类型", "惩戒类型", required=True,
            values=("失信", "限制消费"),
            value_synonyms={"失信被执行人": "失信", "纳入失信": "失信", "限高": "限制消费",
                            "限制高消费": "限制消费", "限消": "限制消费"}),
        col("case_no", "案号", Kind.CASE_NO, "执行案号"),
        col("start_on", "发布日期", Kind.DATE, "发布时间", "纳入日期", "决定日期", required=True),
        col("end_on", "撤销日期", Kind.DATE, "撤销/屏蔽日期", "屏蔽日期", "删除日期", "解除日期"),
        col("ground", "失信情形", Kind.INTEGER, "失信行为情形", "情形",
            doc="1–6, the item of 失信规定 第1条"),
    ),
)

COURT_TABLES: tuple[Table, ...] = (
    CASES, PARTIES, ACTIONS_TABLE, PAYMENTS, AUCTIONS, LAWSUITS, RESTRICTIONS,
)

__all__ = ["COURT_TABLES", "Column"]
