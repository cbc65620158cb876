"""Dashboard: the funnel leads → 成案 → 检察建议 → 采纳 → 恢复执行 → 执行款到位, by model, court and
month, as an ECharts funnel and tables (each exportable to Excel)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.protect.mark import ExportMark
from zhongben.store.audit import record
from zhongben.store.export import xlsx_response
from zhongben.store.stats import DIMENSIONS, STAGES, funnel, results, totals
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.exports import export_mark

router = APIRouter()
MONTHLY = ("各环节按其发生的月份计数：线索按首次发现，成案按决定日期，检察建议按制发日期，"
           "采纳按法院回复日期，恢复执行与执行款到位按结案日期")


@router.get("/dashboard")
def dashboard(request: Request, by: str = "family", viewer: Viewer = Depends(current_user),
              session: Session = Depends(db)) -> Response:
    by = by if by in DIMENSIONS else "family"
    rows = funnel(session, viewer.org_ids, by)
    total = totals(rows)
    chart = {"stages": list(STAGES), "values": total.counts,
             "keys": [r.key for r in rows][:20], "series": [r.counts for r in rows][:20]}
    return render(request, "dashboard.html", {
        "viewer": viewer, "rows": rows, "total": total, "stages": STAGES, "by": by,
        "dimensions": DIMENSIONS, "chart": chart, "monthly": MONTHLY if by == "month" else "",
        "results": results(session, viewer.org_ids)})


@router.get("/dashboard/export.xlsx")
def export(by: str = "family", viewer: Viewer = Depends(current_user),
           session: Session = Depends(db), mark: ExportMark = Depends(export_mark)) -> Response:
    if by not in DIMENSIONS:
        raise HTTPException(status_code=404)
    rows = funnel(session, viewer.org_ids, by)
    data = [(r.key, *r.counts, r.amount) for r in [*rows, totals(rows)]]
    record(session, viewer.actor, "export", "dashboard", None, by=by, rows=len(data),
           **mark.audit_detail())
    session.commit()
    notes = [("按月份", MONTHLY)] if by == "month" else []
    return xlsx_response(f"监督成效-按{DIMENSIONS[by]}",
                         (DIMENSIONS[by], *STAGES, "执行款到位金额（元）"), data, mark, notes)
