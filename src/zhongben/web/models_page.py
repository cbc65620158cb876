"""模型成效回测: per rule and version, what its leads became (``zhongben.store.backtest``), by
court or by quarter, and two versions of one rule compared on the same history. Every role sees
the figures of the offices it sees (a county its own, the city office all)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.store.backtest import CELL_HEADERS, DIMENSIONS, backtest, row_cells
from zhongben.store.backtest_compare import compare, versions
from zhongben.web.deps import Viewer, current_user, db, render

router = APIRouter()


@router.get("/models")
def models(request: Request, by: str = "rule", viewer: Viewer = Depends(current_user),
           session: Session = Depends(db)) -> Response:
    by = by if by in DIMENSIONS else "rule"
    rows = backtest(session, viewer.org_ids, by)
    headers = [DIMENSIONS[by] if h == "分组" else h for h in CELL_HEADERS
               if by != "rule" or h != "分组"]
    cells = [c[:2] + c[3:] if by == "rule" else c for c in map(row_cells, rows)]
    choices = {r.rule_id: versions(session, r.rule_id) for r in rows}
    return render(request, "models.html", {"viewer": viewer, "by": by, "dimensions": DIMENSIONS,
                                           "headers": headers, "rows": cells,
                                           "choices": choices})


@router.get("/models/compare")
def compare_page(request: Request, rule: str, v1: int, v2: int,
                 viewer: Viewer = Depends(current_user),
                 session: Session = Depends(db)) -> Response:
    result = compare(session, rule, v1, v2, viewer.org_ids)
    parts = [("两版均发现", result.both), (f"仅第{v1}版发现", result.only_v1),
             (f"仅第{v2}版发现", result.only_v2)]
    return render(request, "models_compare.html", {"viewer": viewer, "result": result,
                                                   "parts": parts})
