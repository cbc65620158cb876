"""Composing the three documents from leads, their cases' facts and the office's settings.

检察建议书 follows 建议规定 第十六条 in order: source, facts with evidence, the violation, the
recommendations with their basis, the objection period, the reply period (three months,
两高执行监督规定 第十三条); 说明案件执行情况通知书 follows 监督规则 第一百零五条 (15 days to
explain); 调查核实报告 follows 建议规定 第十五条 (process, evidence, the facts and the opinion the
prosecutor enters — never pre-written). [U] provisions become warnings, never printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape

from zhongben.documents.facts_text import LeadFacts, case_paragraphs, evidence_items
from zhongben.documents.law import Citation, investigation_article, supervision_article
from zhongben.documents.model import DocumentModel, Section
from zhongben.documents.office import Office
from zhongben.documents.rule_texts import CLASS_ITEM, ITEMS_106, rule_text
from zhongben.documents.text import BLANK_DATE, chinese_date, clean

CN_ORDINALS = "一二三四五六七八九十"
STANDARD_QUESTIONS = (
    "通过网络执行查控系统查询被执行人财产的记录；",
    "执行通知书、报告财产令、限制消费令的发出时间及送达凭证，被执行人纳入失信被执行人名单的情况；",
    "约谈申请执行人、告知终结本次执行程序的记录；",
    "实地调查被执行人财产的记录；",
    "终结本次执行程序裁定书。",
)
KIND_TITLES = {"说明案件执行情况通知书": "说明案件执行情况通知书", "检察建议书": "检察建议书"}


@dataclass
class Signing:
    """Issue data: none in a draft (no 文号, blank date)."""

    doc_no: str = ""
    signed_on: date | None = None


@dataclass
class CaseSteps:
    """What the case record says about the investigation (for the 调查核实报告)."""

    opened_on: date | None = None
    investigated_on: date | None = None
    decided_by: str = ""
    explanation_requested_on: date | None = None
    explanation_received_on: date | None = None
    prosecutor: str = ""
    matter_no: str = ""
    extra: list[str] = field(default_factory=list)


def _p(text: str) -> str:
    return escape(text, quote=False)


def _fill(template: str, leads: list[LeadFacts]) -> str:
    cases = "、".join(dict.fromkeys(x.case_no or "" for x in leads if x.case_no)) or "相关"
    debtors = "、".join(dict.fromkeys(x.debtor_name() for x in leads if x.debtor_name()))
    return template.format(case_no=cases, debtor=debtors or "")


def _cited(leads: list[LeadFacts]) -> tuple[list[Citation], list[str]]:
    printed: dict[str, Citation] = {}
    warnings = []
    for lead in leads:
        for citation in rule_text(lead.rule_id).citations():
            if citation.status == "U":
                warnings.append(f"{citation.text()}尚未核实原文（[U]），文书中未引用，"
                                "请核对后决定是否补充")
            else:
                printed.setdefault(citation.text(), citation)
    return list(printed.values()), list(dict.fromkeys(warnings))


def _item_text(rule_id: str) -> str:
    item = rule_text(rule_id).item
    if item == CLASS_ITEM:
        return "属于《人民检察院民事诉讼监督规则》第一百一十七条规定的同类违法情形"
    from zhongben.documents.law import numeral

    return (f"属于《人民检察院民事诉讼监督规则》第一百零六条第{numeral(item)}项规定的"
            f"“{ITEMS_106[item]}”")


def _court(leads: list[LeadFacts], court: str) -> str:
    return court or next((x.case.get("court") for x in leads if x.case.get("court")), "") or ""


def _facts(leads: list[LeadFacts]) -> list[str]:
    out = ["现查明："]
    for lead in leads:
        out += case_paragraphs(lead)
    out.append("上述事实有下列证据证实：")
    out += [f"{i}. {item}" for i, item in enumerate(evidence_items(leads), start=1)]
    return [_p(x) for x in out]


def _check(leads: list[LeadFacts]) -> list[str]:
    warnings = []
    for lead in leads:
        if not lead.facts:
            warnings.append(f"工作区中没有案件{lead.case_no or ''}的执行案件记录，"
                            "案件事实请手工补充")
        elif not lead.parties("申请执行人"):
            warnings.append(f"案件{lead.case_no}的当事人记录中没有申请执行人，请核对")
    return warnings


def recommendation(leads: list[LeadFacts], office: Office, court: str,
                   signing: Signing, today: date) -> DocumentModel:
    court = _court(leads, court)
    on = signing.signed_on or today
    cited, warnings = _cited(leads)
    rule = rule_text(leads[0].rule_id)
    cases = "、".join(dict.fromkeys(x.case_no or "" for x in leads if x.case_no))
    which = "上述案件" if len(leads) > 1 else "该案"
    source = (f"本院在履行民事执行法律监督职责中，通过大数据法律监督模型筛查发现你院办理的{cases}"
              f"执行案件可能存在违法情形，本院依职权对{which}的执行活动进行了审查。本案现已审查终结。")
    breached = "、".join(c.text() for c in cited)
    finding = (f"本院认为，{_fill(rule.finding, leads).rstrip('。')}。上述情形违反了{breached}"
               f"的规定，{_item_text(leads[0].rule_id)}。")
    if len(leads) > 1 and rule.item != CLASS_ITEM:
        finding += (f"上述问题在你院{len(leads)}件执行案件中同样存在，属于"
                    "《人民检察院民事诉讼监督规则》第一百一十七条规定的同类违法情形。")
    basis = (f"根据{supervision_article(on).text()}、《最高人民法院、最高人民检察院关于民事执行活动"
             "法律监督若干问题的规定》和《人民检察院民事诉讼监督规则》第一百零六条、第一百零八条"
             f"的规定，经本院{office.decision()}{_discussed(office)}"
             "决定，特提出如下检察建议：")
    items = [f"{CN_ORDINALS[i]}、{_fill(text, leads)}" for i, text in enumerate(rule.recommend)]
    sections = [
        Section("source", "", [_p(source)]),
        Section("facts", "", _facts(leads)),
        Section("finding", "", [_p(finding)]),
        Section("recommendations", "", [_p(basis), *[_p(x) for x in items]], numbered=True),
        Section("objection", "", [_p(f"你院对本检察建议如有异议，请自收到本检察建议书之日起"
                                     f"{_days(office.objection_days)}日内书面提出。")]),
        Section("reply", "", [_p("请你院自收到本检察建议书之日起三个月内将审查处理情况以回复意见函"
                                 "的形式书面回复本院，并附相关法律文书；有特殊情况需要延长的，"
                                 "经你院院长批准，可以延长一个月。")]),
    ]
    warnings += [*_check(leads), f"异议期限{office.objection_days}日为本院设定"
                 "（无全国统一规定，[U]），请确认"]
    return _model("检察建议书", office, court, signing, sections, warnings, office.cc)


def _discussed(office: Office) -> str:
    return "讨论" if office.decision() == "检察委员会" else ""


def _days(n: int) -> str:
    from zhongben.documents.law import numeral

    return numeral(n)


def notice(leads: list[LeadFacts], office: Office, court: str, signing: Signing,
           today: date) -> DocumentModel:
    court = _court(leads, court)
    on = signing.signed_on or today
    rule = rule_text(leads[0].rule_id)
    intro = [_p("你院办理的下列执行案件，本院在履行民事执行法律监督职责中发现其执行活动可能存在"
                "怠于履行职责情形：")]
    for lead in leads:
        intro += [_p(x) for x in case_paragraphs(lead)]
    basis = (f"依照{supervision_article(on).text()}、《人民检察院民事诉讼监督规则》第一百零五条和"
             "《最高人民法院、最高人民检察院关于民事执行活动法律监督若干问题的规定》的规定，"
             "请你院说明该案的执行情况及理由，并就下列事项作出说明、提供相关材料：")
    questions = [_fill(q, leads) for q in rule.ask] + list(STANDARD_QUESTIONS)
    numbered = [f"{CN_ORDINALS[i]}、{q}" for i, q in enumerate(questions)]
    sections = [
        Section("facts", "", intro),
        Section("questions", "", [_p(basis), *[_p(x) for x in numbered]], numbered=True),
        Section("reply", "", [_p("请你院自收到本通知书之日起十五日内书面回复本院，"
                                 "并附相关材料。")]),
        Section("contact", "",
                [_p(f"联系人及电话：{office.contact}")] if office.contact else []),
    ]
    warnings = _check(leads)
    if not office.contact:
        warnings.append("未设置联系人及电话（本院文书设置），通知书中未写明")
    return _model("说明案件执行情况通知书", office, court, signing, sections, warnings, [])


def investigation(leads: list[LeadFacts], office: Office, steps: CaseSteps,
                  signing: Signing, today: date) -> DocumentModel:
    on = signing.signed_on or today
    court_name = _court(leads, "") or "法院"
    cited, warnings = _cited(leads)
    rule_names = "、".join(dict.fromkeys(f"“{x.rule_name}”" for x in leads))
    source = (f"本院通过大数据法律监督模型筛查，发现{rule_names}线索{len(leads)}条"
              + (f"，于{chinese_date(steps.opened_on)}启动审查" if steps.opened_on else "") + "。")
    decided = (f"经{steps.decided_by}决定，于{chinese_date(steps.investigated_on)}开始调查核实。"
               if steps.investigated_on else "")
    process = [f"1. 查询、调取、复制相关证据材料：调取执行案件、当事人、执行措施及筛查涉及的登记、"
               f"缴费、出行、交易等数据，共取得证据{len(evidence_items(leads))}项（见下文）。"]
    if steps.explanation_requested_on:
        got = (f"，{chinese_date(steps.explanation_received_on)}收到法院书面说明"
               if steps.explanation_received_on else "，法院尚未说明")
        process.append(f"2. {chinese_date(steps.explanation_requested_on)}向法院发出说明案件执行"
                       f"情况通知书{got}。")
    process += steps.extra
    norms = [c.text() for c in cited] + [supervision_article(on).text(),
                                         investigation_article(on).text()]
    sections = [
        Section("source", "一、案件来源", [_p(source + decided)]),
        Section("facts", "二、案件基本情况", [_p(x) for lead in leads
                                               for x in case_paragraphs(lead, court_name)]),
        Section("process", "三、调查核实过程", [_p(x) for x in process]),
        Section("evidence", "四、调查取得的证据",
                [_p(f"{i}. {x}") for i, x in enumerate(evidence_items(leads), start=1)]),
        Section("finding", "五、认定的事实与证据", []),
        Section("norms", "六、涉及的法律规定", [_p("、".join(dict.fromkeys(norms)) + "。")]),
        Section("opinion", "七、处理意见", []),
    ]
    warnings += [*_check(leads), "“认定的事实与证据”和“处理意见”由承办检察官填写，填写后方可签署"]
    model = _model("调查核实报告", office, "", signing, sections, warnings, [])
    cases = "、".join(dict.fromkeys(x.case_no or "" for x in leads))
    model.title = f"关于{cases}案件执行活动的调查核实报告"
    model.signer = f"承办检察官：{steps.prosecutor}"
    model.seal = False
    model.doc_no_blank = f"案件编号：{steps.matter_no}" if steps.matter_no else ""
    return model


def _model(kind: str, office: Office, court: str, signing: Signing, sections: list[Section],
           warnings: list[str], cc: list[str]) -> DocumentModel:
    return DocumentModel(
        kind=kind, org_name=office.name, title=KIND_TITLES.get(kind, kind),
        doc_no=signing.doc_no, doc_no_blank=office.blank_number(kind), addressee=court,
        sections=sections, signer=office.name,
        signed_on=chinese_date(signing.signed_on) if signing.signed_on else BLANK_DATE,
        cc=list(cc), warnings=warnings)


def compose(kind: str, leads: list[LeadFacts], office: Office, court: str, signing: Signing,
            steps: CaseSteps, today: date) -> DocumentModel:
    if not leads:
        raise ValueError("没有线索，无法生成文书")
    if kind == "检察建议书":
        return recommendation(leads, office, court, signing, today)
    if kind == "说明案件执行情况通知书":
        return notice(leads, office, court, signing, today)
    if kind == "调查核实报告":
        return investigation(leads, office, steps, signing, today)
    raise ValueError(f"未知的文书种类“{kind}”")


__all__ = ["CaseSteps", "Signing", "clean", "compose"]
