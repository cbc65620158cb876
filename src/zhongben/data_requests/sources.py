"""The agencies a procuratorate asks for data, the contract tables each fills, and the request
letter (函): its legal basis is 《人民检察院民事诉讼监督规则》第六十二条、第六十三条 (调查核实,
查询、调取、复制相关证据材料), 第七十一条 (有关单位应当配合), for banks 第六十四条 and
《中华人民共和国民事诉讼法》第二百四十六条 (shared/documents.md, status V)."""

from __future__ import annotations

from dataclasses import dataclass

from zhongben.contracts import Kind

MARK_SHEET = "填写说明"  # a workbook with this sheet and INFO_SHEET is a template coming back
INFO_SHEET = "模版信息"
LETTER_SHEET = "函"
SUBJECTS_SHEET = "查询名单"
TEMPLATE_SHEETS = frozenset({MARK_SHEET, INFO_SHEET, LETTER_SHEET, SUBJECTS_SHEET})
VERSION = "1"


@dataclass(frozen=True)
class Agency:
    key: str  # the file name part: 数据要素模版_<key>.xlsx
    addressee: str  # the letter's addressee
    subject: str  # what is asked: 机动车登记信息
    tables: tuple[str, ...]
    scope: str  # what the agency returns for each person on the list


AGENCIES: tuple[Agency, ...] = (
    Agency("车管所", "公安机关交通管理部门（车辆管理所）", "机动车登记及卡口过车信息",
           ("vehicles", "vehicle_sightings"),
           "名下现有及曾有的机动车登记信息，以及指定期间的卡口过车记录"),
    Agency("不动产登记中心", "不动产登记中心", "不动产登记信息", ("real_estate",),
           "名下现有及曾有的不动产登记信息（含转移、注销记录）"),
    Agency("市场监管", "市场监督管理局", "企业登记及股东出资信息", ("companies", "shareholdings"),
           "担任法定代表人或股东的企业登记信息及出资变更记录"),
    Agency("社保", "社会保险经办机构", "社会保险缴纳信息", ("social_insurance",),
           "指定期间逐月的社会保险缴纳记录（含缴费单位）"),
    Agency("公积金", "住房公积金管理中心", "住房公积金账户信息", ("housing_fund",),
           "住房公积金账户余额及缴存单位"),
    Agency("保险", "保险公司", "商业保险保单信息", ("insurance_policies",),
           "作为投保人的保单信息（含现金价值、退保记录）"),
    Agency("航空铁路", "航空公司及铁路运输企业", "乘机乘车出行信息", ("travel",),
           "指定期间的乘机、乘车记录（含舱位、席别）"),
    Agency("拍卖平台", "网络司法拍卖平台", "司法拍卖信息", ("auctions",),
           "相关执行案件的拍卖公告、轮次、成交及买受人信息"),
    Agency("银行", "银行业金融机构", "银行账户及交易流水", ("bank_accounts", "transactions"),
           "名下全部账户的开销户信息，以及指定期间的全部交易明细（含对方户名、账号、开户行）"),
)

FORMATS: dict[Kind, tuple[str, str]] = {  # kind -> (format described, example when none given)
    Kind.TEXT: ("文字", ""),
    Kind.CODE: ("编号，按原样填写", ""),
    Kind.CASE_NO: ("案号，如 (2023)浙0683执1234号", "(2023)浙0683执1234号"),
    Kind.DATE: ("日期，如 2023-05-12", "2023-05-12"),
    Kind.TIMESTAMP: ("日期时间，如 2023-05-12 14:03:00", "2023-05-12 14:03:00"),
    Kind.MONTH: ("年月，如 2023-05", "2023-05"),
    Kind.AMOUNT: ("金额（元），如 1234.50", "1234.50"),
    Kind.NUMBER: ("数字", "89.5"),
    Kind.INTEGER: ("整数", "1"),
    Kind.PERSON_ID: ("18位身份证号（末位校验码须正确）", "330683199001011234"),
    Kind.USCC: ("18位统一社会信用代码（末位校验码须正确）", "91330683MA2D123456"),
    Kind.PARTY_ID: ("18位身份证号或统一社会信用代码（校验码须正确）", "330683199001011234"),
    Kind.ENUM: ("从下拉列表中选择", ""),
}


def letter(agency: Agency, office: str = "【人民检察院名称】") -> list[str]:
    """The request letter's paragraphs (the office fills the bracketed parts)."""
    basis = "《人民检察院民事诉讼监督规则》第六十二条、第六十三条、第七十一条"
    if agency.key == "银行":
        basis = ("《中华人民共和国民事诉讼法》第二百四十六条、《人民检察院民事诉讼监督规则》"
                 "第六十二条、第六十三条、第六十四条第（二）项、第七十一条")
    return [
        f"{office}",
        f"关于协助调取{agency.subject}的函",
        "【文号】",
        f"{agency.addressee}：",
        f"本院在办理【监督案件编号/案号】民事执行活动监督案件中，因履行法律监督职责的需要，"
        f"依据{basis}的规定，请贵单位协助查询并提供本函所附“{SUBJECTS_SHEET}”所列人员（单位）"
        f"{agency.scope}。",
        f"请按本模版各数据表的表头逐行填写（各列含义、格式及示例见“{MARK_SHEET}”），不要改动表头和"
        "工作表名称；没有记录的，在相应数据表中不填数据行并在回复中注明“无记录”。请于收到本函之日起"
        "【15】日内将填好的本文件（Excel 格式）加盖公章的回复函一并送交本院。",
        "本院将依法对提供的信息保密，仅用于案件办理。",
        "联系人：【姓名】　联系电话：【电话】",
        f"{office}",
        "【年 月 日】",
    ]
