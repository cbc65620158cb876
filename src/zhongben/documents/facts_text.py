"""The facts paragraphs every kind shares: who applied against whom on which judgment, the case
number, the 终本 ruling and its date, the unpaid amount, the court's measures with their dates,
what the screening found and the evidence, each item tied to its source record."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zhongben.contracts import TABLES
from zhongben.documents.facts import TERMINATED
from zhongben.documents.text import (
    chinese_date,
    clean,
    mask,
    money,
    sentences_without_advice,
    value_text,
)
from zhongben.leads.output import labels

MAX_MEASURES = 12
# Field names the rules put in evidence beyond the contract's columns (never printed in English).
EXTRA_FIELDS = {"item": "涉及对象", "detail": "情况", "signal": "情况", "holding": "持有财产",
                "conduct": "行为", "event_on": "日期", "asset_id": "财产标识",
                "asset_type": "财产类型", "from_account": "付款账号", "to_account": "收款账号",
                "doc_id": "文书编号", "states_property_search": "载明财产调查",
                "related": "关联人员", "relation": "关系", "count": "次数", "total": "合计金额"}


@dataclass
class LeadFacts:
    """What a document needs about one lead: the lead and the facts of its execution case."""

    lead_key: str
    rule_id: str
    rule_name: str
    case_no: str | None
    subject_name: str | None
    explanation: str
    evidence: list[dict[str, Any]]
    unpaid_amount: Decimal | None
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def case(self) -> dict[str, Any]:
        return dict(self.facts.get("case") or {})

    def parties(self, role: str) -> list[dict[str, Any]]:
        return [p for p in self.facts.get("parties") or [] if p.get("role") == role]

    def debtor_name(self) -> str:
        names = [p["name"] for p in self.parties("被执行人") if p.get("name")]
        return "、".join(names) or (self.subject_name or "")

    def unpaid(self) -> Decimal | None:
        case = self.case
        if case.get("claim_amount") is not None:
            return Decimal(str(case["claim_amount"])) - Decimal(str(case.get("paid_amount") or 0))
        return self.unpaid_amount


def field_zh(table: str, name: str) -> str | None:
    """A column's Chinese name as every output says it (``leads.output.labels``: the contract's
    name, else a rule-derived column's), with the documents' own wording for the rules' extra
    fields; a name that has no Chinese one is left out rather than printed in English."""
    if name in EXTRA_FIELDS and not _is_column(table, name):
        return EXTRA_FIELDS[name]
    zh = labels.field_zh(name, table)
    return None if zh == name else zh


def _is_column(table: str, name: str) -> bool:
    spec = TABLES.get(table)
    return spec is not None and any(c.name == name for c in spec.columns)


def table_zh(table: str) -> str:
    return labels.table_zh(table) if table in TABLES else table_zh_fallback(table)


def table_zh_fallback(table: str) -> str:
    return {"leads": "线索"}.get(table, "数据")


def person(party: dict[str, Any]) -> str:
    name = party.get("name") or ""
    id_no = party.get("id_no") or ""
    if party.get("party_type") in ("法人", "非法人组织") or not id_no or len(id_no) != 18:
        return name
    if not id_no[:17].isdigit():
        return name
    return f"{name}（公民身份号码{mask(id_no)}）"


def parties_sentence(lead: LeadFacts, court: str = "你院") -> str:
    applicants = "、".join(p["name"] for p in lead.parties("申请执行人") if p.get("name"))
    debtors = "、".join(person(p) for p in lead.parties("被执行人"))
    case = lead.case
    basis = case.get("basis_no")
    cause = case.get("cause")
    text = f"申请执行人{applicants or '（未载明）'}"
    text += f"依据{basis}生效法律文书" if basis else ""
    text += f"，申请强制执行被执行人{debtors or lead.debtor_name()}"
    text += f"（案由：{cause}）" if cause else ""
    text += f"。{court}于{chinese_date(case.get('filed_on'))}立案执行，案号{lead.case_no}"
    if case.get("claim_amount") is not None:
        text += f"，申请执行标的金额{money(case['claim_amount'])}"
    return text + "。"


def closing_sentence(lead: LeadFacts, court: str = "你院") -> str:
    case = lead.case
    ruling = lead.facts.get("ruling") or {}
    unpaid = lead.unpaid()
    rest = (f"执行到位{money(case.get('paid_amount') or 0)}，尚有{money(unpaid)}未履行"
            if unpaid is not None else "")
    if case.get("close_method") == TERMINATED:
        day = chinese_date(ruling.get("ruled_on") or case.get("closed_on"))
        reason = case.get("close_reason")
        said = f"，裁定载明的理由为：“{clean(reason).rstrip('。')}”" if reason else ""
        return (f"{court}于{day}作出{ruling.get('doc_no') or lead.case_no}执行裁定，终结本次执行"
                f"程序{said}。截至终结本次执行程序，{rest}。")
    if case.get("close_method"):
        return (f"该案于{chinese_date(case.get('closed_on'))}以{case['close_method']}方式结案"
                + (f"，{rest}。" if rest else "。"))
    return "该案至今尚未结案" + (f"，{rest}。" if rest else "。")


def measures_sentence(lead: LeadFacts, court: str = "你院") -> str:
    case = lead.case
    steps = [(str(case[key]), label) for key, label in (
        ("notice_on", "送达执行通知书"), ("report_order_on", "送达报告财产令"),
        ("applicant_informed_on", "告知申请执行人终结本次执行程序")) if case.get(key)]
    for act in (lead.facts.get("actions") or [])[:MAX_MEASURES]:
        target = f"（{act['target_type']}）" if act.get("target_type") else ""
        result = f"，结果：{clean(str(act['result']))}" if act.get("result") else ""
        steps.append((str(act.get("acted_on") or ""), f"{clean(act.get('action') or '')}{target}"
                      f"{result}"))
    if not steps:
        return f"执行案件数据中未见{court}在该案中采取执行措施的记录。"
    ordered = sorted(steps, key=lambda s: s[0])
    return (f"{court}在该案中采取的执行措施有："
            + "；".join(f"{chinese_date(day)}{what}" for day, what in ordered) + "。")


def found_sentence(lead: LeadFacts) -> str:
    return "经本院审查，" + clean(sentences_without_advice(lead.explanation)).rstrip("。") + "。"


def evidence_items(leads: list[LeadFacts]) -> list[str]:
    items = []
    for lead in leads:
        for ev in lead.evidence:
            items.append(evidence_line(ev))
    return list(dict.fromkeys(items))


def evidence_line(ev: dict[str, Any]) -> str:
    table = str(ev.get("table") or "")
    parts = []
    for name, value in (ev.get("fields") or {}).items():
        zh = field_zh(table, name)
        if zh and value not in (None, ""):
            parts.append(f"{zh}：{value_text(value)}")
    batch = f"第{ev.get('batch')}批导入的" if ev.get("batch") else ""
    row = f"第{ev.get('row')}行" if ev.get("row") else ""
    return f"{table_zh(table)}记录（来源：{batch}{table_zh(table)}数据{row}）：{'，'.join(parts)}"


def case_paragraphs(lead: LeadFacts, court: str = "你院") -> list[str]:
    """``court``: how the text names the court — 你院 in a letter to it, its name in a report."""
    return [parties_sentence(lead, court), closing_sentence(lead, court),
            measures_sentence(lead, court), found_sentence(lead)]
