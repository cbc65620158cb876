"""Reading and saving an office's document settings (OfficeSettings), with defaults for an
office that has set nothing: short name = the first character of its name, the 执监 文号
pattern, 部门负责人 → 检察长 for a recommendation, 15 days to object, 抄送 nobody."""

from __future__ import annotations

from sqlalchemy.orm import Session

from zhongben.documents.office import DEFAULT_CHAINS, Office, check_chain, check_pattern
from zhongben.store.models import OfficeSettings, Org
from zhongben.workflow.errors import WorkflowError


def office_for(session: Session, org_id: int) -> Office:
    org = session.get(Org, org_id)
    name = org.name if org else ""
    saved = session.get(OfficeSettings, org_id)
    if saved is None:
        return Office(name=name, short_name=name[:1])
    return Office(name=name, short_name=saved.short_name, patterns=dict(saved.patterns or {}),
                  chains={**DEFAULT_CHAINS, **(saved.chains or {})},
                  objection_days=saved.objection_days, cc=list(saved.cc or []),
                  contact=saved.contact or "")


def save_office(session: Session, org_id: int, office: Office) -> None:
    if not office.short_name.strip():
        raise WorkflowError("请填写本院简称（用于文号，如“嵊”）")
    for pattern in office.patterns.values():
        check_pattern(pattern)
    for steps in office.chains.values():
        check_chain(steps)
    if not 1 <= office.objection_days <= 90:
        raise WorkflowError("异议期限应在1至90日之间")
    saved = session.get(OfficeSettings, org_id) or OfficeSettings(org_id=org_id)
    saved.short_name = office.short_name.strip()
    saved.patterns, saved.chains = dict(office.patterns), dict(office.chains)
    saved.objection_days, saved.cc = office.objection_days, list(office.cc)
    saved.contact = office.contact
    session.add(saved)
