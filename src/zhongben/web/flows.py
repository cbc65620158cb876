"""The fund-flow report (资金流向报告) of a lead's debtor, in the browser and as Excel.

The report is the command line's (``zhongben.graph.report.build_flow_report``, drawn by
``zhongben.graph.render.report_body``), traced on the analytical workspace opened read-only as
of the lead's screening date through the façade's read-only opener: when the workspace is missing
or another process holds its writer lock, the page says so in Chinese instead of failing.
Access, masking and audit are the lead page's: a lead the user cannot see answers 404."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.engine.opener import WorkspaceError
from zhongben.graph.render import report_body
from zhongben.graph.report import PATH_COLUMNS, FlowReport, Shown, build_flow_report, path_rows
from zhongben.store.audit import record
from zhongben.store.export import xlsx_response
from zhongben.store.models import Lead
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.exports import export_mark
from zhongben.web.lead import lead_or_404
from zhongben.web.masking import mask_value
from zhongben.workspace import Workspace

router = APIRouter()
NO_SUBJECT = "本线索没有指明被执行人，无法生成资金流向报告。"
NO_WORKSPACE = ("未配置分析工作库（DuckDB），无法生成资金流向报告。"
                "请用 zhongben serve --db 工作库 启动。")
UNREADABLE = "无法生成资金流向报告。"


CITED_FIELDS = ("account_no", "counterparty_account", "from_account", "to_account")


def cited_accounts(lead: Lead) -> list[str]:
    """The accounts a lead cites — its evidence rows' accounts and counterparties — so its
    report traces the money the lead speaks of, not only the debtor's own accounts."""
    found: set[str] = set()
    for item in lead.evidence:
        fields = item.get("fields") or {}
        found |= {str(fields[k]) for k in CITED_FIELDS if fields.get(k)}
    return sorted(a for a in found if len(a) > 6)


def load_report(workspace: str | None, debtor_id: str, as_of: dt.date,
                cited: list[str] | None = None) -> FlowReport | str:
    """The debtor's report from the workspace opened read-only, or why there is none."""
    if not workspace:
        return NO_WORKSPACE
    try:
        with Workspace(workspace).read() as con:
            return build_flow_report(con, debtor_id, as_of, cited=cited or ())
    except WorkspaceError as exc:  # missing, damaged, or another process holds the writer
        return f"{exc}{UNREADABLE}"


def _account(value: str) -> str:
    return str(mask_value("bank_accounts", "account_no", value))


def shown_to(viewer: Viewer) -> Shown:
    """Identifiers as the viewer may see them (masked unless their role may see them)."""
    if viewer.unmasked:
        return Shown()
    return Shown(account=_account, id_no=lambda v: viewer.id_no(v) or "", text=viewer.text)


def _report_of(request: Request, lead: Lead, viewer: Viewer) -> FlowReport | str:
    if not lead.subject_id:
        return NO_SUBJECT
    workspace = request.app.state.settings.workspace
    found = load_report(workspace, lead.subject_id, lead.as_of or dt.date.today(),
                        cited_accounts(lead))
    return found.masked(shown_to(viewer)) if isinstance(found, FlowReport) else found


@router.get("/leads/{key}/flows")
def flow_page(request: Request, key: str, viewer: Viewer = Depends(current_user),
              session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    report = _report_of(request, lead, viewer)
    found = report if isinstance(report, FlowReport) else None
    record(session, viewer.actor, "view_personal", "flows", lead.lead_key,
           subject=viewer.id_no(lead.subject_id), as_of=lead.as_of,
           masked=not viewer.unmasked, paths=len(found.paths) if found else None)
    session.commit()
    return render(request, "flows.html", {
        "viewer": viewer, "lead": lead, "body": report_body(found) if found else None,
        "message": None if found else report})


@router.get("/leads/{key}/flows/export.xlsx")
def export(request: Request, key: str, viewer: Viewer = Depends(current_user),
           session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    mark = export_mark(request, viewer)  # after the check: a stranger gets 404, not the form
    report = _report_of(request, lead, viewer)
    if not isinstance(report, FlowReport):
        raise HTTPException(status_code=503, detail=report)
    rows = path_rows(report)
    record(session, viewer.actor, "export", "flows", lead.lead_key,
           subject=viewer.id_no(lead.subject_id), as_of=lead.as_of, rows=len(rows),
           masked=not viewer.unmasked, **mark.audit_detail())
    session.commit()
    return xlsx_response("资金流向路径", PATH_COLUMNS, rows, mark)
