"""The reminder list: the signed-in user's running deadlines, nearest first, overdue highlighted."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.protect.mark import ExportMark
from zhongben.store.audit import record
from zhongben.store.export import xlsx_response
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.exports import export_mark
from zhongben.workflow.machine import STATE_NAMES
from zhongben.workflow.reminders import petition_reminders, reminders

router = APIRouter()


@router.get("/reminders")
def reminder_list(request: Request, viewer: Viewer = Depends(current_user),
                  session: Session = Depends(db)) -> Response:
    items = reminders(session, viewer.actor, viewer.org_ids, date.today())
    petitions = petition_reminders(session, viewer.org_ids, date.today())
    record(session, viewer.actor, "view_list", "reminders", None, shown=len(items),
           petitions=len(petitions))
    session.commit()
    return render(request, "reminders.html", {"viewer": viewer, "items": items,
                                              "petitions": petitions})


@router.get("/reminders/export.xlsx")
def export(viewer: Viewer = Depends(current_user), session: Session = Depends(db),
           mark: ExportMark = Depends(export_mark)) -> Response:
    items = reminders(session, viewer.actor, viewer.org_ids, date.today())
    rows = [(r.matter.number, r.matter.title, STATE_NAMES[r.matter.state], r.deadline.label,
             r.deadline.due, r.deadline.days_left, r.deadline.basis) for r in items]
    rows += [(f"申请 {p.petition.petition_no}", p.petition.case_no or p.petition.method,
              f"12309申请（{p.petition.channel}）", p.deadline.label, p.deadline.due,
              p.deadline.days_left, p.deadline.basis)
             for p in petition_reminders(session, viewer.org_ids, date.today())]
    record(session, viewer.actor, "export", "reminders", None, rows=len(rows),
           **mark.audit_detail())
    session.commit()
    return xlsx_response("待办提醒", ("案件编号", "案件名称", "状态", "期限事项", "截止日期",
                                     "剩余天数", "依据"), rows, mark)
