# ruff: noqa: E501  (Chinese template text: full-width characters count double)
"""Document templates of the extraction test set, one function per kind, each returning a ``Doc``
whose ``truth`` is what the text states."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from corpus_content import (
    Case,
    Doc,
    Person,
    amount_text,
    ar_date,
    cn_date,
    names,
    party_truth,
)

CATEGORY_WORDS = {"存款": "银行存款", "车辆": "车辆", "不动产": "不动产", "证券": "证券",
                  "股权": "股权", "公积金": "住房公积金", "保险": "商业保险", "网络资金": "支付宝、微信等网络资金"}
STATUTE_517 = ("《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条　经过财产调查未发现可供执行"
               "的财产，在申请执行人签字确认或者执行法院组成合议庭审查核实并经院长批准后，可以裁定终结本次执行程序。"
               "依照前款规定终结执行后，申请执行人发现被执行人有可供执行财产的，可以再次申请执行。")
STATUTE_CPL = ("《中华人民共和国民事诉讼法》第二百六十四条　有下列情形之一的，人民法院裁定终结执行：……（六）人民法院"
               "认为应当终结执行的其他情形。")
ARTICLE_CN = {517: "五百一十七", 519: "五百一十九", 257: "二百五十七", 264: "二百六十四", 268: "二百六十八",
              253: "二百五十三", 249: "二百四十九", 247: "二百四十七", 251: "二百五十一", 240: "二百四十"}


def cpl_article(day: date, old: int, mid: int, new: int) -> int:
    """民事诉讼法 article number in force on ``day`` (2017, 2021 and 2023 versions)."""
    if day < date(2022, 1, 1):
        return old
    return mid if day < date(2024, 1, 1) else new


def header(case: Case, rng: random.Random, title: str, doc_no: str, spaced: bool,
           code_only: bool = False) -> list[str]:
    lines = []
    if rng.random() < 0.2:
        lines.append(f"书记员　{rng.choice('王李张陈')}{rng.choice('晓小文')}{rng.choice('丽明华')}")
    if not code_only:
        lines.append(rng.choice(("浙江省", "")) + case.court)
    lines.append(" ".join(title) if spaced else title)
    number = bracket(doc_no, rng)
    if rng.random() < 0.12:  # the number broken over two lines
        cut = number.index("执") + 1
        lines += [number[:cut], number[cut:]]
    else:
        lines.append(number)
    return lines


def bracket(number: str, rng: random.Random) -> str:
    style = rng.choice(("（）", "()", "〔〕", "（）"))
    return number.replace("(", style[0], 1).replace(")", style[1], 1)


def party_lines(people: list[Person], role: str, rng: random.Random) -> list[str]:
    lines = []
    for person in people:
        lines.append(f"{role}{rng.choice(('：', '：', ''))}{person.line}")
        if person.company:
            rep = rng.choice("王李张陈") + rng.choice("建国志强海明")
            lines.append(f"法定代表人：{rep}，该公司总经理。")
        if rng.random() < 0.2:
            lines.append(f"委托诉讼代理人：{rng.choice('赵钱孙')}律，浙江某某律师事务所律师。")
    return lines


def suffix(rng: random.Random) -> str:
    return rng.choice(("", "", "之一", "之二"))


def common_truth(case: Case, kind: str, doc_no: str, ruled: date) -> dict[str, Any]:
    return {
        "kind": kind, "doc_no": doc_no, "case_no": case.case_no, "court": case.court,
        "ruled_on": ruled.isoformat(), "filed_on": None, "closed_on": None, "basis_no": None,
        "cause": None, "claim_amount": None, "paid_amount": None, "outstanding_amount": None,
        "searches": None, "states_property_search": False, "restricts_consumption": False,
        "lists_dishonest": False, "informs_resume_right": False, "cited_articles": None,
        "judge": None, "original_case_no": None, "measures": None, **party_truth(case),
    }


def signature(case: Case, day: date, rng: random.Random, with_judge: bool = True) -> list[str]:
    lines = []
    if with_judge:
        role = rng.choice(("审判员", "审 判 员", "执行员", "审判长"))
        lines.append(f"{role}　{case.judge}")
    lines.append(cn_date(day, rng) if rng.random() < 0.85 else ar_date(day))
    lines.append(f"书记员　{rng.choice('王李张陈')}{rng.choice('晓小文')}{rng.choice('丽明华')}")
    return lines


def opening(case: Case, rng: random.Random, debtors: list[Person]) -> str:
    filed = cn_date(case.filed, rng) if rng.random() < 0.4 else ar_date(case.filed)
    who = f"申请执行人{names(case.applicants)}与被执行人{names(debtors)}{case.cause}一案"
    basis = rng.choice((f"执行依据为本院作出的{case.basis_no}{case.basis_doc}",
                        f"依据已经发生法律效力的{case.basis_no}{case.basis_doc}"))
    return rng.choice((f"本院在执行{who}中，本院于{filed}立案执行，{basis}。",
                       f"{who}，本院于{filed}立案执行。{basis}。"))


def zhongben(case: Case, rng: random.Random) -> Doc:
    doc_no = case.case_no + suffix(rng)
    spaced = rng.random() < 0.4
    code_only = rng.random() < 0.15 and not case.legacy  # a legacy number has no court code
    lines = header(case, rng, "执行裁定书", doc_no, spaced, code_only)
    lines += party_lines(case.applicants, "申请执行人", rng)
    lines += party_lines(case.debtors, "被执行人", rng)
    truth = common_truth(case, "终结本次执行程序裁定书", doc_no, case.ruled)
    body_debtors = case.debtors[:1] if len(case.debtors) > 1 and rng.random() < 0.3 else case.debtors
    claim = amount_text(case.claim, rng)
    body = [opening(case, rng, body_debtors) + rng.choice((f"申请执行标的为人民币{claim}及利息。",
                                                           f"执行标的额{claim}。",
                                                           f"申请执行标的金额{claim}。"))]
    truth.update(filed_on=case.filed.isoformat(), basis_no=case.basis_no, cause=case.cause,
                 claim_amount=case.claim, closed_on=case.ruled.isoformat(), judge=case.judge)
    body += search_paragraph(rng, truth)
    body += restriction_paragraph(rng, truth)
    body += amounts_paragraph(case, rng, truth)
    body += reasoning(case, rng, truth)
    appendix = []
    if rng.random() < 0.4:
        appendix = [rng.choice(("附：本裁定适用的法律条文", "附：相关法律条文", "附录：")), STATUTE_517,
                    STATUTE_CPL]
    return Doc("zhongben", "执行裁定书", lines, body, signature(case, case.ruled, rng), appendix,
               truth)


def search_paragraph(rng: random.Random, truth: dict[str, Any]) -> list[str]:
    if rng.random() < 0.12:
        return ["本案被执行人暂无财产可供执行。"]
    cats = rng.sample(list(CATEGORY_WORDS), rng.randrange(2, 7))
    listed = "、".join(CATEGORY_WORDS[c] for c in cats)
    onsite = rng.random() < 0.5
    channel = rng.choice(("通过网络执行查控系统", "通过总对总、点对点网络查控系统", "经网络执行查控系统"))
    text = f"本院依法向被执行人发出执行通知书、报告财产令，{channel}查询了被执行人名下的{listed}等财产情况"
    if rng.random() < 0.25:
        cats = [*rng.sample(["存款", "车辆", "证券"], 2), "不动产", "股权"]
        text = ("本院通过执行网络查控系统对被执行人的" + "、".join(cats[:2]) +
                "、房地产、工商登记等信息进行了查询")
    if onsite:
        text += "，并到被执行人住所地进行现场调查"
    text += "，未发现可供执行的财产。"
    found = sorted({*cats, "网络查控", *(["现场调查"] if onsite else [])})
    truth.update(searches=found, states_property_search=True)
    return [text]


def restriction_paragraph(rng: random.Random, truth: dict[str, Any]) -> list[str]:
    roll = rng.random()
    if roll < 0.45:
        truth.update(restricts_consumption=True, lists_dishonest=True)
        return [rng.choice(("本院已对被执行人采取限制消费措施，并将其纳入失信被执行人名单。",
                            "本院已将被执行人纳入失信被执行人名单并限制其高消费。"))]
    if roll < 0.85:
        truth.update(restricts_consumption=True)
        return ["本院已依法对被执行人发出限制消费令。"]
    return ["本院尚未对被执行人采取限制消费措施。"]


def amounts_paragraph(case: Case, rng: random.Random, truth: dict[str, Any]) -> list[str]:
    owed = round(case.claim - case.paid, 2)
    truth.update(paid_amount=case.paid, outstanding_amount=owed)
    paid = amount_text(case.paid, rng) if case.paid else "0元"
    return [rng.choice((f"本案执行到位{paid}，尚欠{amount_text(owed, rng)}未履行。",
                        f"本案已执行到位{paid}，剩余未履行金额{amount_text(owed, rng)}。",
                        f"截至目前，执行到位款{paid}，尚有{amount_text(owed, rng)}未履行。"))]


def reasoning(case: Case, rng: random.Random, truth: dict[str, Any]) -> list[str]:
    modern = case.ruled >= date(2021, 1, 1)
    interp = 517 if modern and rng.random() > 0.15 else 519
    cpl = cpl_article(case.ruled, 257, 264, 268)
    truth["cited_articles"] = [f"民诉法解释第{interp}条", f"民事诉讼法第{cpl}条"]
    cites = (f"《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第{ARTICLE_CN[interp]}条、"
             f"《中华人民共和国民事诉讼法》第{ARTICLE_CN[cpl]}条第六项")
    out = [f"申请执行人{names(case.applicants)}对本院财产调查结果无异议，同意终结本次执行程序。依照{cites}"
           "之规定，裁定如下：", "终结本次执行程序。"]
    if rng.random() < 0.85:
        truth["informs_resume_right"] = True
        out.append(rng.choice(("申请执行人发现被执行人有可供执行财产的，可以再次申请执行。",
                               "申请执行人享有要求被执行人继续履行债务及依法向人民法院申请恢复执行的权利，"
                               "被执行人负有继续向申请执行人履行债务的义务。")))
    out.append("本裁定送达后立即生效。")
    return out


def seizure(case: Case, rng: random.Random) -> Doc:
    doc_no = case.case_no + rng.choice(("之一", "之二", ""))
    lines = header(case, rng, "执行裁定书", doc_no, rng.random() < 0.3)
    lines += party_lines(case.applicants, "申请执行人", rng)
    lines += party_lines(case.debtors, "被执行人", rng)
    ruled = case.filed + timedelta(days=rng.randrange(10, 60))
    truth = common_truth(case, "查封冻结扣划裁定书", doc_no, ruled)
    debtor = case.debtors[0].name
    cpl = cpl_article(ruled, 242, 249, 253)
    ARTICLE_CN.setdefault(242, "二百四十二")
    truth.update(cause=case.cause, basis_no=case.basis_no, judge=case.judge,
                 cited_articles=[f"民事诉讼法第{cpl}条", "查封规定第1条"])
    body = [f"申请执行人{names(case.applicants)}与被执行人{names(case.debtors)}{case.cause}一案，"
            f"本院作出的{case.basis_no}{case.basis_doc}已经发生法律效力。因被执行人未按执行通知履行法律文书确定的义务，"
            f"依照《中华人民共和国民事诉讼法》第{ARTICLE_CN[cpl]}条、《最高人民法院关于人民法院民事执行中查封、扣押、"
            "冻结财产的规定》第一条之规定，裁定如下："]
    items, measures = seizure_items(rng, debtor)
    body += [*items, "本裁定立即开始执行。"]
    truth["measures"] = measures
    return Doc("seizure", "执行裁定书", lines, body, signature(case, ruled, rng), [], truth)


def seizure_items(rng: random.Random, debtor: str) -> tuple[list[str], list[str]]:
    numerals = "一二三四"
    kinds = rng.sample(("freeze", "house", "car", "deduct"), rng.randrange(1, 4))
    items, measures = [], []
    for index, kind in enumerate(kinds):
        amount = rng.randrange(1, 500) * 1000.0
        if kind == "freeze":
            account = "6228" + "".join(rng.choice("0123456789") for _ in range(15))
            text = (f"冻结被执行人{debtor}在中国农业银行股份有限公司账号为{account}的存款人民币"
                    f"{amount:.0f}元，冻结期限为一年")
            measures.append(f"冻结|存款|{account}|{amount:.2f}")
        elif kind == "house":
            unit = "330483" + "".join(rng.choice("0123456789") for _ in range(6)) + "GB" + \
                "".join(rng.choice("0123456789") for _ in range(5)) + "F" + \
                "".join(rng.choice("0123456789") for _ in range(8))
            text = f"查封被执行人{debtor}名下位于浙江省桐乡市某某小区的房产（不动产单元号：{unit}），查封期限为三年"
            measures.append(f"查封|不动产|{unit}|")
        elif kind == "car":
            plate = "浙F" + "".join(rng.choice("0123456789ABCDEFGHJK") for _ in range(5))
            text = f"扣押被执行人{debtor}所有的车牌号为{plate}的小型轿车一辆"
            measures.append(f"扣押|车辆|{plate}|")
        else:
            account = "6222" + "".join(rng.choice("0123456789") for _ in range(15))
            text = f"扣划被执行人{debtor}在中国工商银行股份有限公司账号为{account}的存款人民币{amount:.0f}元"
            measures.append(f"扣划|存款|{account}|{amount:.2f}")
        items.append(f"{numerals[index]}、{text}；" if index < len(kinds) - 1 else
                     f"{numerals[index]}、{text}。")
    return items, sorted(measures)


def termination(case: Case, rng: random.Random) -> Doc:
    doc_no = case.case_no + suffix(rng)
    lines = header(case, rng, "执行裁定书", doc_no, rng.random() < 0.4)
    lines += party_lines(case.applicants, "申请执行人", rng)
    lines += party_lines(case.debtors, "被执行人", rng)
    truth = common_truth(case, "终结执行裁定书", doc_no, case.ruled)
    cpl = cpl_article(case.ruled, 257, 264, 268)
    withdraw = case.ruled - timedelta(days=rng.randrange(3, 20))
    truth.update(cause=case.cause, filed_on=case.filed.isoformat(), closed_on=case.ruled.isoformat(),
                 judge=case.judge, cited_articles=[f"民事诉讼法第{cpl}条"])
    body = [f"本院在执行申请执行人{names(case.applicants)}与被执行人{names(case.debtors)}{case.cause}一案中，"
            f"本院于{ar_date(case.filed)}立案执行。申请执行人于{ar_date(withdraw)}向本院提出撤回执行申请。"
            f"依照《中华人民共和国民事诉讼法》第{ARTICLE_CN[cpl]}条第一项之规定，裁定如下：",
            f"终结本院{case.case_no}案件的执行。", "本裁定送达后立即生效。"]
    return Doc("termination", "执行裁定书", lines, body, signature(case, case.ruled, rng), [], truth)


def notice(case: Case, rng: random.Random) -> Doc:
    debtor = case.debtors[0]
    case.debtors = [debtor]
    ruled = case.filed + timedelta(days=rng.randrange(1, 6))
    lines = header(case, rng, "执行通知书", case.case_no, rng.random() < 0.4)
    lines.append(f"{debtor.name}：")
    you = "你单位" if debtor.company else "你"
    truth = common_truth(case, "执行通知书", case.case_no, ruled)
    cpl = cpl_article(ruled, 240, 247, 251)
    ARTICLE_CN.setdefault(251, "二百五十一")
    claim = amount_text(case.claim, rng)
    truth.update(cause=case.cause, basis_no=case.basis_no, filed_on=case.filed.isoformat(),
                 claim_amount=case.claim, cited_articles=[f"民事诉讼法第{cpl}条"],
                 party_ids=sorted(f"{p.name}={p.id_no}" for p in [*case.applicants, debtor]
                                  if p.id_no and p.line in lines),
                 masked_ids=[])
    truth["party_ids"] = []
    body = [f"申请执行人{names(case.applicants)}与{you}{case.cause}一案，本院作出的{case.basis_no}{case.basis_doc}"
            f"已经发生法律效力。申请执行人向本院申请强制执行，本院于{ar_date(case.filed)}立案执行。"
            f"依照《中华人民共和国民事诉讼法》第{ARTICLE_CN[cpl]}条之规定，责令{you}自收到本通知之日起三日内履行下列义务：",
            f"一、给付申请执行人{names(case.applicants)}{claim}；",
            "二、负担本案申请执行费。",
            f"逾期不履行的，本院将依法强制执行，并可将{you}纳入失信被执行人名单、限制高消费。", "特此通知。"]
    return Doc("notice", "执行通知书", lines, body, signature(case, ruled, rng, False), [], truth)


def closing(case: Case, rng: random.Random) -> Doc:
    closed = case.ruled
    ruled = closed + timedelta(days=rng.randrange(1, 8))
    lines = header(case, rng, "结案通知书", case.case_no, rng.random() < 0.3)
    lines.append(f"{case.applicants[0].name}：")
    truth = common_truth(case, "结案通知书", case.case_no, ruled)
    method = rng.choice(("终结本次执行程序", "执行完毕"))
    truth.update(cause=case.cause, filed_on=case.filed.isoformat(), closed_on=closed.isoformat(),
                 party_ids=[], masked_ids=[])
    body = [f"本院受理的申请执行人{names(case.applicants)}与被执行人{names(case.debtors)}{case.cause}一案，"
            f"本院于{ar_date(case.filed)}立案执行，已于{cn_date(closed, rng)}以{method}方式结案。", "特此通知。"]
    return Doc("closing", "结案通知书", lines, body, signature(case, ruled, rng, False), [], truth)


def resume(case: Case, rng: random.Random) -> Doc:
    original = case.case_no
    new_year = case.ruled.year + 1
    new_no = f"({new_year}){case.court_code}执恢{rng.randrange(1, 999)}号"
    resumed = date(new_year, rng.randrange(1, 12), rng.randrange(1, 28))
    debtor = case.debtors[0]
    case.debtors = [debtor]
    lines = header(case, rng, "恢复执行通知书", new_no, rng.random() < 0.4)
    lines.append(f"{debtor.name}：")
    truth = common_truth(case, "恢复执行通知书", new_no, resumed + timedelta(days=2))
    truth.update(case_no=new_no, original_case_no=original, cause=case.cause,
                 filed_on=resumed.isoformat(), party_ids=[], masked_ids=[])
    you = "你单位" if debtor.company else "你"
    body = [f"申请执行人{names(case.applicants)}与{you}{case.cause}一案，本院于{ar_date(case.ruled)}作出"
            f"{original}执行裁定，终结本次执行程序。现申请执行人发现{you}有可供执行的财产，向本院申请恢复执行，"
            f"本院于{ar_date(resumed)}立案恢复执行。请{you}自收到本通知之日起履行生效法律文书确定的义务。", "特此通知。"]
    return Doc("resume", "恢复执行通知书", lines, body,
               signature(case, resumed + timedelta(days=2), rng, False), [], truth)


KIND_BUILDERS = {"zhongben": zhongben, "seizure": seizure, "termination": termination,
                 "notice": notice, "closing": closing, "resume": resume}
