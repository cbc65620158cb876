"""The inbox's Excel export: one row per lead with who and what it is about (IDs masked by
role), the score as computed, and a 说明 sheet with each rule's explanation and legal basis."""

from __future__ import annotations

from fastapi.responses import Response

from zhongben.leads.output.labels import SEVERITY_ZH, basis_text, template_text, terms_text
from zhongben.protect.mark import ExportMark
from zhongben.store.export import xlsx_response
from zhongben.store.models import Lead
from zhongben.store.who import grain_note
from zhongben.web.deps import Viewer

HEADERS = ("评分", "风险等级", "规则编号", "规则名称", "模型", "案号", "当事人", "证件号码",
           "涉及案件", "执行法院", "未履行金额（元）", "民生案件", "状态", "承办人", "筛查日期",
           "线索说明", "评分构成", "线索编号")


def _row(lead: Lead, names: dict[int, str], viewer: Viewer) -> tuple[object, ...]:
    parties = lead.detail.parties if lead.detail else []
    ids = "、".join(viewer.id_no(p.get("id_no")) or "" for p in parties if p.get("id_no"))
    related = lead.detail.related_cases if lead.detail else []
    cases = (grain_note(lead.case_no, lead.subject_id, lead.party_names, lead.case_count)
             + ("：" + "、".join(related) if related else "")) if not lead.case_no else ""
    return (lead.score, SEVERITY_ZH.get(lead.severity, lead.severity), lead.rule_id,
            lead.rule_name, lead.family, lead.case_no or "", lead.party_names or "", ids, cases,
            lead.court, lead.unpaid_amount, lead.livelihood, lead.status,
            names.get(lead.assignee_id or 0, "未分派"), lead.as_of, viewer.text(lead.explanation),
            terms_text(lead.score_terms, lead.score), lead.lead_key)


def rule_notes(leads: list[Lead]) -> list[tuple[str, str]]:
    """(规则, 说明与法律依据) for each rule among ``leads``."""
    seen: dict[str, Lead] = {}
    for lead in leads:
        seen.setdefault(lead.rule_id, lead)
    return [(f"{rid} {lead.rule_name}", f"说明：{template_text(rid)}\n"
             f"法律依据：{basis_text(lead.legal_basis)}") for rid, lead in sorted(seen.items())]


def leads_workbook(leads: list[Lead], names: dict[int, str], viewer: Viewer,
                   mark: ExportMark | None = None) -> Response:
    notes = [("评分", "各项因子相乘：严重程度 × 未履行金额 × 民生案件 × 证据强度 × 重复信号"),
             ("证件号码", "按角色脱敏" if not viewer.unmasked else "完整显示（本角色可见）"),
             *rule_notes(leads)]
    return xlsx_response("线索清单", HEADERS, [_row(x, names, viewer) for x in leads],
                         mark, notes)
