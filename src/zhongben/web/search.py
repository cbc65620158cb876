"""Global search (the box on every page): leads through the search-term index, cases, and the
text of attachments (OCR included) and comments, within the user's jurisdiction. What the query
was read as — and what could not be read — is said on the page in Chinese."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.store.accounts import users_of
from zhongben.store.audit import record
from zhongben.store.leads import ALL_STATUSES, LeadFilter, page_of_leads
from zhongben.store.search import search_matters, search_texts, understand
from zhongben.web.collab import target
from zhongben.web.deps import Viewer, current_user, db, render

router = APIRouter()
SHOWN = 20


def _where(session: Session, viewer: Viewer, object_type: str, object_id: str) -> str:
    return target(session, viewer, object_type, object_id).title


@router.get("/search")
def search(request: Request, q: str = "", viewer: Viewer = Depends(current_user),
           session: Session = Depends(db)) -> Response:
    q = q.strip()
    flt = LeadFilter(q=q, status=ALL_STATUSES)
    leads, total = page_of_leads(session, viewer.org_ids, flt, 1, SHOWN) if q else ([], 0)
    matters = search_matters(session, viewer.org_ids, q) if q else []
    texts = search_texts(session, viewer.org_ids, q) if q else {"attachments": [],
                                                                   "comments": []}
    record(session, viewer.actor, "search", "leads", None, leads=total, cases=len(matters),
           attachments=len(texts["attachments"]), comments=len(texts["comments"]))
    session.commit()
    places = {(a.object_type, a.object_id): _where(session, viewer, a.object_type, a.object_id)
              for a in texts["attachments"]}
    places.update({(c.object_type, c.object_id): _where(session, viewer, c.object_type,
                                                        c.object_id)
                   for c, _ in texts["comments"]})
    return render(request, "search.html", {
        "viewer": viewer, "q": q, "search_q": q, "understood": understand(q) if q else None,
        "leads": leads, "total": total, "matters": matters, "texts": texts, "places": places,
        "inbox_query": urlencode({"q": q, "status": ALL_STATUSES}),
        "names": {u.id: u.display_name for u in users_of(session, viewer.org_ids)}})
