"""身份复核: the review band side by side — the record without a usable ID on the left, the
entity (or other record) it may be on the right, the probability and the match weight of each
comparison — and the reviewer's 是同一人 / 不是同一人, stored, audited, and binding every later
resolution. Leads resting on an unconfirmed link cannot become a case until it is confirmed."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from zhongben.contracts import TABLES
from zhongben.store.identity import REVIEW_ROLES, IdentityError, decide_pair, review_pairs
from zhongben.store.models import EntityPair
from zhongben.web.deps import Viewer, check_csrf, current_user, db, render

router = APIRouter()
PAGE = 50
KINDS = {"": "全部", "link": "线索所依据的概率关联", "band": "待复核的不确定配对"}
STATUSES = {"open": "待复核", "same": "已确认是同一人", "different": "已确认不是同一人",
            "gone": "已不再提出"}
TABLE_NAMES = {name: table.zh for name, table in TABLES.items()}


def _check(viewer: Viewer) -> None:
    if viewer.actor.role not in REVIEW_ROLES:
        raise HTTPException(status_code=403,
                            detail="仅检察官、检察官助理、部门负责人和分析员可复核身份")


def _side(viewer: Viewer, data: dict[str, Any]) -> dict[str, Any]:
    """What a side shows, with IDs and phones masked for roles that may not see them."""
    raw = data.get("raw")
    out = {
        "name": data.get("name") or "、".join(data.get("names") or []) or "（无姓名）",
        "id": viewer.id_no(raw) if raw and "*" not in str(raw) else raw,
        "ids": [viewer.id_no(i) for i in data.get("ids") or ([data["entity_id"]]
                                                            if data.get("entity_id") else [])],
        "phones": [viewer.phone(p) for p in (data.get("phones") or
                                             ([data["phone"]] if data.get("phone") else []))],
        "address": data.get("address") or "、".join(data.get("addresses") or []),
        "source": TABLE_NAMES.get(str(data.get("tbl")), data.get("tbl") or ""),
        "row": data.get("row"), "mentions": data.get("mentions"),
    }
    return out


def _view(viewer: Viewer, pair: EntityPair) -> dict[str, Any]:
    weights = [(title, w.get("level", ""), w.get("weight")) for title, w in pair.weights.items()
               if isinstance(w, dict)]
    return {"pair": pair, "left": _side(viewer, pair.record), "right": _side(viewer, pair.other),
            "weights": weights}


@router.get("/entities/review")
def review(request: Request, kind: str = "", status: str = "open", page: int = 1,
           viewer: Viewer = Depends(current_user), session: Session = Depends(db)) -> Response:
    _check(viewer)
    status = status if status in STATUSES else "open"
    pairs, total = review_pairs(session, kind or None, status, PAGE, (max(page, 1) - 1) * PAGE)
    return render(request, "entity_review.html", {
        "viewer": viewer, "items": [_view(viewer, p) for p in pairs], "total": total,
        "kind": kind, "status": status, "kinds": KINDS, "statuses": STATUSES, "page": page,
        "pages": max(1, (total + PAGE - 1) // PAGE)})


@router.post("/entities/review/{pair_key}", dependencies=[Depends(check_csrf)])
def decide(pair_key: str, decision: str = Form(...), note: str = Form(""),
           back: str = Form("/entities/review"), viewer: Viewer = Depends(current_user),
           session: Session = Depends(db)) -> Response:
    if decision not in ("same", "different"):
        raise HTTPException(status_code=400, detail="请选择“是同一人”或“不是同一人”")
    try:
        decide_pair(session, viewer.actor, pair_key, decision == "same", note)
    except IdentityError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    session.commit()
    return RedirectResponse(back if back.startswith("/") else "/entities/review", status_code=303)
