"""The rule catalogue: each rule's header from the workspace's rule library (built-in and local
rules, when it loads) with its origin (来源: 内置 / 导入 / 自建) and the number of published leads
and cases it produced here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhongben.leads.output.labels import SEVERITY_ZH, basis_text, template_text, value_text
from zhongben.protect.mark import ExportMark
from zhongben.rules.families import BY_CODE
from zhongben.rules.versions import basis_entry, history_lines
from zhongben.store.audit import record
from zhongben.store.export import xlsx_response
from zhongben.store.models import Lead, Matter
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.exports import export_mark

router = APIRouter()
HEADERS = ("规则编号", "版本", "名称", "模型", "来源", "风险等级", "线索说明（模板）", "法律依据",
           "参数", "线索数", "成案数")


@dataclass
class RuleEntry:
    rule_id: str
    version: int = 1
    name: str = ""
    family: str = ""
    severity: str = ""
    basis: list[dict[str, str]] = field(default_factory=list)
    params: list[str] = field(default_factory=list)
    explanation: str = ""
    origin: str = ""
    leads: int = 0
    cases: int = 0
    history: list[str] = field(default_factory=list)  # each version's record, newest first


def _from_library(workspace: str | None) -> dict[str, RuleEntry]:
    try:
        from zhongben.rules.local import library_of

        library = library_of(workspace)
    except Exception:  # the library is optional here: the catalogue falls back to the leads
        return {}
    entries = {}
    for rule_id, rule in library.rules.items():
        h = rule.header
        entries[rule_id] = RuleEntry(
            rule_id, h.version, h.name, BY_CODE[h.family].name if h.family in BY_CODE else "",
            str(h.severity.value),
            [basis_entry(b, date.today()) for b in h.basis],
            [f"{p.label} {value_text(p.default)}{(' ' + p.unit) if p.unit else ''}"
             for p in h.params.values()], template_text(rule_id, h.explanation),
            library.origins[rule_id].label, history=history_lines(rule))
    return entries


def catalogue(session: Session, org_ids: list[int], workspace: str | None = None
              ) -> list[RuleEntry]:
    entries = _from_library(workspace)
    query = (select(Lead.rule_id, Lead.rule_version, Lead.rule_name, Lead.family,
                    Lead.severity, func.count()).where(Lead.org_id.in_(org_ids))
             .group_by(Lead.rule_id, Lead.rule_version, Lead.rule_name, Lead.family,
                       Lead.severity))
    for rule_id, version, name, family, severity, count in session.execute(query):
        entry = entries.setdefault(rule_id, RuleEntry(rule_id, version, name, family, severity))
        entry.leads += count
        entry.family = family or entry.family
    cases = select(Matter.rule_id, func.count()).where(Matter.org_id.in_(org_ids),
                                                       Matter.decided_on.is_not(None))
    for rule_id, count in session.execute(cases.group_by(Matter.rule_id)):
        entries.setdefault(rule_id, RuleEntry(rule_id)).cases = count
    return sorted(entries.values(), key=lambda e: e.rule_id)


@router.get("/rules")
def rules(request: Request, viewer: Viewer = Depends(current_user),
          session: Session = Depends(db)) -> Response:
    entries = catalogue(session, viewer.org_ids, request.app.state.settings.workspace)
    return render(request, "rules.html", {"viewer": viewer, "entries": entries})


@router.get("/rules/export.xlsx")
def export(request: Request, viewer: Viewer = Depends(current_user),
           session: Session = Depends(db), mark: ExportMark = Depends(export_mark)) -> Response:
    entries = catalogue(session, viewer.org_ids, request.app.state.settings.workspace)
    rows = [(e.rule_id, e.version, e.name, e.family, e.origin,
             SEVERITY_ZH.get(e.severity, e.severity), e.explanation, basis_text(e.basis),
             "；".join(e.params), e.leads, e.cases) for e in entries]
    record(session, viewer.actor, "export", "rules", None, rows=len(rows), **mark.audit_detail())
    session.commit()
    return xlsx_response("规则目录", HEADERS, rows, mark)
