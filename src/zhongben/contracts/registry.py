"""Registry and other government data tables: vehicles, real estate, companies, social insurance,
housing fund, insurance, travel, relations, bank accounts and transactions."""

from __future__ import annotations

from zhongben.contracts.identity import DOC_TYPE_SYNONYMS, DOC_TYPES
from zhongben.contracts.model import Kind, Personal, Table, col

ID = Personal.IDENTIFIER
NAME = Personal.NAME
FIN = Personal.FINANCIAL
MOVE = Personal.MOVEMENT

VEHICLES = Table(
    name="vehicles", zh="机动车登记", group="registry", key=("plate", "owner_id", "registered_on"),
    synonyms=("车辆登记", "机动车", "车辆信息", "车辆"),
    doc="One row per vehicle per ownership period.",
    columns=(
        col("plate", "号牌号码", Kind.CODE, "车牌号", "车牌号码", "号牌", required=True),
        col("vin", "车辆识别代号", Kind.CODE, "车架号", "VIN"),
        col("owner_name", "所有人", Kind.TEXT, "车主", "所有人姓名", "机动车所有人", personal=NAME),
        col("owner_id", "所有人证件号", Kind.PARTY_ID, "车主证件号", "所有人身份证号", "证件号码",
            required=True, personal=ID),
        col("registered_on", "登记日期", Kind.DATE, "初次登记日期", "注册登记日期", "转入日期",
            required=True),
        col("transferred_on", "转出日期", Kind.DATE, "转出/注销日期", "注销日期", "过户日期"),
        col("status", "状态", Kind.ENUM, "机动车状态", "车辆状态",
            values=("正常", "查封", "抵押", "注销", "被盗抢"),
            value_synonyms={"A": "正常", "G": "查封", "H": "抵押", "E": "注销", "被盗": "被盗抢",
                            "抵押登记": "抵押", "已注销": "注销"},
            open_values=True),
        col("model", "品牌型号", Kind.TEXT, "车辆型号", "品牌"),
        col("est_value", "估值", Kind.AMOUNT, "估价", "车辆价值", "评估价值"),
    ),
)

VEHICLE_SIGHTINGS = Table(
    name="vehicle_sightings", zh="卡口过车记录", group="registry",
    synonyms=("过车记录", "卡口记录", "车辆轨迹"),
    columns=(
        col("plate", "号牌号码", Kind.CODE, "车牌号", "车牌号码", required=True),
        col("seen_at", "过车时间", Kind.TIMESTAMP, "通过时间", "抓拍时间", required=True),
        col("location", "卡口位置", Kind.TEXT, "卡口名称", "地点", personal=MOVE),
    ),
)

REAL_ESTATE = Table(
    name="real_estate", zh="不动产登记", group="registry", key=("unit_no", "owner_id", "acquired_on"),
    synonyms=("不动产", "房产登记", "房产信息", "不动产权利"),
    doc="One row per owner per ownership period.",
    columns=(
        col("unit_no", "不动产单元号", Kind.CODE, "单元号", "不动产单元编号", required=True),
        col("cert_no", "权证号", Kind.TEXT, "不动产权证号", "产权证号", "证书号"),
        col("owner_name", "权利人", Kind.TEXT, "所有人", "权利人名称", "产权人", personal=NAME),
        col("owner_id", "权利人证件号", Kind.PARTY_ID, "所有人证件号", "证件号码", "产权人证件号",
            required=True, personal=ID),
        col("share", "共有情况", Kind.TEXT, "共有方式", "共有份额"),
        col("acquired_on", "登记日期", Kind.DATE, "登簿日期", "取得日期", required=True),
        col("disposed_on", "转移日期", Kind.DATE, "转移/注销日期", "注销日期", "转出日期"),
        col("address", "坐落", Kind.TEXT, "房屋坐落", "地址", "不动产坐落"),
        col("area", "面积", Kind.NUMBER, "建筑面积", "面积(平方米)"),
        col("est_value", "估值", Kind.AMOUNT, "估价", "评估价值"),
        col("status", "状态", Kind.ENUM, "权利状态", values=("正常", "查封", "抵押"),
            value_synonyms={"现势": "正常", "已查封": "查封", "已抵押": "抵押"}, open_values=True),
    ),
)

COMPANIES = Table(
    name="companies", zh="企业登记", group="registry", key=("uscc",),
    synonyms=("企业信息", "市场主体", "工商登记", "企业"),
    columns=(
        col("uscc", "统一社会信用代码", Kind.USCC, "信用代码", "社会信用代码", required=True),
        col("name", "企业名称", Kind.TEXT, "名称", "市场主体名称", required=True),
        col("legal_rep_name", "法定代表人", Kind.TEXT, "法人代表", "负责人", "经营者", personal=NAME),
        col("legal_rep_id", "法定代表人证件号", Kind.PERSON_ID, "法人证件号", "法定代表人身份证号",
            personal=ID),
        col("status", "登记状态", Kind.ENUM, "经营状态", "企业状态",
            values=("存续", "在业", "注销", "吊销"),
            value_synonyms={"开业": "在业", "在营": "在业", "已注销": "注销",
                            "吊销未注销": "吊销", "吊销，未注销": "吊销"}, open_values=True),
        col("established_on", "成立日期", Kind.DATE, "成立时间", "注册日期"),
        col("deregistered_on", "注销日期", Kind.DATE, "注吊销日期"),
        col("address", "住所", Kind.TEXT, "注册地址", "地址", "经营场所"),
        col("scope", "经营范围", Kind.TEXT),
        col("registered_capital", "注册资本", Kind.AMOUNT, "注册资金"),
        col("parent_uscc", "隶属企业统一社会信用代码", Kind.USCC, "总公司统一社会信用代码",
            "隶属单位信用代码", "总机构统一社会信用代码",
            doc="for a branch (分公司): the company it belongs to"),
    ),
)

SHAREHOLDINGS = Table(
    name="shareholdings", zh="股东出资", group="registry",
    synonyms=("股东信息", "股权信息", "出资信息", "股东"),
    columns=(
        col("company_uscc", "企业统一社会信用代码", Kind.USCC, "统一社会信用代码", "企业信用代码",
            required=True),
        col("holder_name", "股东", Kind.TEXT, "股东名称", "出资人", personal=NAME),
        col("holder_id", "股东证件号", Kind.PARTY_ID, "出资人证件号", "股东证件号码", required=True,
            personal=ID),
        col("subscribed", "认缴出资额", Kind.AMOUNT, "认缴额", "出资额"),
        col("ratio", "持股比例", Kind.NUMBER, "出资比例", doc="a fraction (0.3) or a percentage (30%)"),
        col("from_on", "变更起始", Kind.DATE, "起始日期", "入股日期"),
        col("to_on", "变更截止", Kind.DATE, "截止日期", "退出日期"),
    ),
)

SOCIAL_INSURANCE = Table(
    name="social_insurance", zh="社保缴纳", group="registry",
    key=("person_id", "employer_uscc", "month"),
    synonyms=("社会保险", "社保缴费", "社保"),
    doc="One row per person per month.",
    columns=(
        col("person_id", "证件号码", Kind.PERSON_ID, "身份证号", "参保人证件号", required=True,
            personal=ID),
        col("employer_uscc", "单位统一社会信用代码", Kind.USCC, "缴费单位信用代码", "单位信用代码"),
        col("employer_name", "缴费单位", Kind.TEXT, "单位名称", "参保单位"),
        col("month", "缴费月份", Kind.MONTH, "费款所属期", "缴费年月", "所属期", required=True),
        col("base", "缴费基数", Kind.AMOUNT, "缴费工资", "基数", personal=FIN),
    ),
)

HOUSING_FUND = Table(
    name="housing_fund", zh="住房公积金", group="registry", key=("person_id", "as_of"),
    synonyms=("公积金", "公积金账户"),
    columns=(
        col("person_id", "证件号码", Kind.PERSON_ID, "身份证号", "职工证件号", required=True,
            personal=ID),
        col("balance", "余额", Kind.AMOUNT, "账户余额", "公积金余额", required=True, personal=FIN),
        col("as_of", "余额日期", Kind.DATE, "截至日期", "查询日期", required=True),
        col("employer_name", "单位名称", Kind.TEXT, "缴存单位"),
    ),
)

INSURANCE_POLICIES = Table(
    name="insurance_policies", zh="商业保险", group="registry", key=("policy_no",),
    synonyms=("保险保单", "保单信息", "保险"),
    columns=(
        col("policy_no", "保单号", Kind.CODE, "保险单号", "保单号码", required=True),
        col("holder_id", "投保人证件号", Kind.PARTY_ID, "投保人证件号码", "投保人身份证号",
            required=True, personal=ID),
        col("holder_name", "投保人", Kind.TEXT, "投保人姓名", personal=NAME),
        col("insurer", "保险公司", Kind.TEXT, "承保公司", "保险机构"),
        col("product_type", "险种", Kind.ENUM, "产品类型", "险种类型",
            values=("分红型", "万能型", "年金", "投资连结", "终身寿险", "意外", "医疗", "定期寿险"),
            value_synonyms={"分红险": "分红型", "万能险": "万能型", "年金险": "年金",
                            "投连险": "投资连结", "意外险": "意外", "医疗险": "医疗"},
            open_values=True),
        col("premium", "保费", Kind.AMOUNT, "保险费", "年缴保费", personal=FIN),
        col("cash_value", "现金价值", Kind.AMOUNT, "保单现金价值", personal=FIN),
        col("start_on", "生效日期", Kind.DATE, "保单生效日", "起保日期", required=True),
        col("end_on", "终止日期", Kind.DATE, "终止/退保日期", "退保日期", "满期日期"),
    ),
)

TRAVEL = Table(
    name="travel", zh="出行记录", group="registry",
    synonyms=("出行信息", "航班铁路出行", "乘机乘车记录"),
    columns=(
        col("person_id", "证件号码", Kind.PERSON_ID, "身份证号", "旅客证件号", personal=ID,
            doc="optional: a journey on a passport carries doc_type and doc_no instead"),
        col("mode", "方式", Kind.ENUM, "出行方式", "交通方式", required=True,
            values=("航班", "铁路"),
            value_synonyms={"民航": "航班", "飞机": "航班", "航空": "航班", "火车": "铁路",
                            "高铁": "铁路", "动车": "铁路"}),
        col("travelled_on", "出行日期", Kind.DATE, "乘机日期", "乘车日期", "出发日期", required=True),
        col("seat_class", "舱位", Kind.ENUM, "舱位/席别", "席别", "座席",
            values=("头等舱", "公务舱", "经济舱", "商务座", "一等座", "二等座", "软卧", "硬卧",
                    "硬座", "特等座", "无座", "动卧"),
            value_synonyms={"F": "头等舱", "C": "公务舱", "Y": "经济舱", "商务舱": "公务舱",
                            "一等软座": "一等座", "二等软座": "二等座"}, open_values=True),
        col("origin", "出发地", Kind.TEXT, "始发地", "出发站", personal=MOVE),
        col("destination", "到达地", Kind.TEXT, "目的地", "到达站", personal=MOVE),
        col("carrier_no", "航班/车次", Kind.CODE, "航班号", "车次", "航班车次"),
        col("doc_type", "证件类型", Kind.ENUM, "旅客证件类型", "乘客证件类型",
            values=("身份证", *DOC_TYPES), value_synonyms={"居民身份证": "身份证", **DOC_TYPE_SYNONYMS},
            open_values=True),
        col("doc_no", "其他证件号码", Kind.CODE, "护照号码", "护照号", "通行证号码", "旅行证件号码",
            personal=ID, doc="the passport or 通行证 number the ticket was bought on"),
        col("name_on_ticket", "旅客姓名", Kind.TEXT, "乘客姓名", "乘机人姓名", "乘车人姓名",
            personal=NAME, doc="as printed on the ticket: Chinese characters or pinyin"),
    ),
)

RELATIONS = Table(
    name="relations", zh="亲属及婚姻关系", group="registry",
    synonyms=("亲属关系", "婚姻关系", "家庭关系", "户籍关系"),
    columns=(
        col("person_a_id", "甲方证件号", Kind.PERSON_ID, "本人证件号", "本人身份证号", required=True,
            personal=ID),
        col("person_b_id", "乙方证件号", Kind.PERSON_ID, "关系人证件号", "亲属证件号", required=True,
            personal=ID),
        col("relation", "关系", Kind.ENUM, "关系类型", "与本人关系", required=True,
            values=("配偶", "父母", "子女", "兄弟姐妹"),
            value_synonyms={"夫妻": "配偶", "丈夫": "配偶", "妻子": "配偶", "父亲": "父母",
                            "母亲": "父母", "儿子": "子女", "女儿": "子女", "兄弟": "兄弟姐妹",
                            "姐妹": "兄弟姐妹", "哥哥": "兄弟姐妹", "姐姐": "兄弟姐妹",
                            "弟弟": "兄弟姐妹", "妹妹": "兄弟姐妹"},
            personal=Personal.FAMILY),
        col("from_on", "起始日期", Kind.DATE, "起始", "结婚登记日", "结婚日期"),
        col("to_on", "截止日期", Kind.DATE, "截止", "离婚登记日", "离婚日期"),
    ),
)

BANK_ACCOUNTS = Table(
    name="bank_accounts", zh="银行账户", group="bank", key=("account_no",),
    synonyms=("账户信息", "开户信息", "银行开户"),
    columns=(
        col("account_no", "账号", Kind.CODE, "卡号", "账号/卡号", "银行账号", required=True,
            personal=FIN),
        col("bank", "开户行", Kind.TEXT, "开户银行", "银行名称"),
        col("holder_name", "户名", Kind.TEXT, "账户名称", "客户名称", personal=NAME),
        col("holder_id", "证件号", Kind.PARTY_ID, "证件号码", "客户证件号", "开户人证件号",
            required=True, personal=ID),
        col("opened_on", "开户日期", Kind.DATE, "开户时间"),
        col("closed_on", "销户日期", Kind.DATE, "销户时间"),
    ),
)

TRANSACTIONS = Table(
    name="transactions", zh="银行交易流水", group="bank",
    synonyms=("交易流水", "银行流水", "交易明细", "账户交易明细", "流水"),
    doc="Bank statements in one shape; bank-specific layouts are mapped onto it by the reader.",
    columns=(
        col("account_no", "账号", Kind.CODE, "卡号", "账号/卡号", "本方账号", "交易卡号", required=True,
            personal=FIN),
        col("txn_at", "交易时间", Kind.TIMESTAMP, "交易日期", "记账时间", "交易时间戳", required=True),
        col("amount", "交易金额", Kind.AMOUNT, "金额", "发生额", required=True, personal=FIN,
            doc="positive yuan"),
        col("direction", "借贷标志", Kind.ENUM, "收付标志", "借贷方向", "收支方向", "收/支",
            required=True, values=("in", "out"),
            value_synonyms={"收入": "in", "贷": "in", "进": "in", "收": "in", "入": "in",
                            "C": "in", "贷方": "in", "支出": "out", "借": "out", "出": "out",
                            "付": "out", "支": "out", "D": "out", "借方": "out"}),
        col("counterparty_name", "对方户名", Kind.TEXT, "对方名称", "交易对方", "对手户名",
            personal=NAME),
        col("counterparty_account", "对方账号", Kind.CODE, "对方卡号", "对手账号", "对方账户",
            personal=FIN),
        col("counterparty_bank", "对方行名", Kind.TEXT, "对方开户行", "对方银行"),
        col("summary", "摘要", Kind.TEXT, "交易摘要", "用途", "附言", "备注"),
        col("balance", "余额", Kind.AMOUNT, "账户余额", "交易后余额", personal=FIN),
        col("channel", "交易渠道", Kind.TEXT, "渠道", "交易方式"),
    ),
)

REGISTRY_TABLES: tuple[Table, ...] = (
    VEHICLES, VEHICLE_SIGHTINGS, REAL_ESTATE, COMPANIES, SHAREHOLDINGS, SOCIAL_INSURANCE,
    HOUSING_FUND, INSURANCE_POLICIES, TRAVEL, RELATIONS, BANK_ACCOUNTS, TRANSACTIONS,
)
