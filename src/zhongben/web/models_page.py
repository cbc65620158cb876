"""模型成效回测: per rule and version, what its leads became (``zhongben.store.backtest``), by
court or by quarter, and two versions of one rule compared on the same history. Every role sees
the figures of the offices it sees (a county its own, the city office all)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.protect.mark import ExportMark
from zhongben.store.audit import record
from zhongben.store.backtest import CELL_HEADERS, DIMENSIONS, BacktestRow, backtest, row_cells
from zhongben.store.backtest_compare import compare, versions
from zhongben.store.export import xlsx_response
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.exports import export_mark

router = APIRouter()


def _table(session: Session, org_ids: list[int],
           by: str) -> tuple[list[BacktestRow], list[str], list[list[str]]]:
    rows = backtest(session, org_ids, by)
    headers = [DIMENSIONS[by] if h == "分组" else h for h in CELL_HEADERS
               if by != "rule" or h != "分组"]
    cells = [c[:2] + c[3:] if by == "rule" else c for c in map(row_cells, rows)]
    return rows, headers, cells


@router.get("/models")
def models(request: Request, by: str = "rule", viewer: Viewer = Depends(current_user),
           session: Session = Depends(db)) -> Response:
    by = by if by in DIMENSIONS else "rule"
    rows, headers, cells = _table(session, viewer.org_ids, by)
    choices = {r.rule_id: versions(session, r.rule_id, viewer.org_ids) for r in rows}
    return render(request, "models.html", {"viewer": viewer, "by": by, "dimensions": DIMENSIONS,
                                           "headers": headers, "rows": cells,
                                           "choices": choices})


@router.get("/models/export.xlsx")
def export(by: str = "rule", viewer: Viewer = Depends(current_user),
           session: Session = Depends(db), mark: ExportMark = Depends(export_mark)) -> Response:
    if by not in DIMENSIONS:
        raise HTTPException(status_code=404)
    _, headers, cells = _table(session, viewer.org_ids, by)
    record(session, viewer.actor, "export", "models", None, by=by, rows=len(cells),
           **mark.audit_detail())
    session.commit()
    return xlsx_response("模型成效回测", tuple(headers), cells, mark)


@router.get("/models/compare")
def compare_page(request: Request, rule: str, v1: int, v2: int,
                 viewer: Viewer = Depends(current_user),
                 session: Session = Depends(db)) -> Response:
    result = compare(session, rule, v1, v2, viewer.org_ids)
    parts = [("两版均发现", result.both), (f"仅第{v1}版发现", result.only_v1),
             (f"仅第{v2}版发现", result.only_v2)]
    return render(request, "models_compare.html", {"viewer": viewer, "result": result,
                                                   "parts": parts})
