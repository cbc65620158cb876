"""The debtor page (被执行人页面, ``/debtors/{ref}``): one entity reached without going through a
lead — its profile (timeline, 失信/失能 assessment term by term, relation graph, assets acquired
after the debt: the lead profile's own code, ``web/profile.py``), every lead about it the viewer
may see (any rule, any status), the supervision cases they became and its 执行 cases.

A debtor none of whose leads the viewer's offices see answers 404, as does an address this app
never made (``web/debtor_ref``), so a page does not tell that a debtor exists elsewhere. IDs are
masked for the viewer's role, as on the lead profile, and every view is audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.store.accounts import users_of
from zhongben.store.audit import record
from zhongben.store.debtors import court_cases, debtor_leads, debtor_matters
from zhongben.store.models import Lead
from zhongben.web.debtor_ref import entity_of, is_debtor
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.masking import mask_row
from zhongben.web.profile import profile_context, relations_answer

router = APIRouter()


@dataclass(frozen=True)
class Debtor:
    entity: str
    ref: str
    leads: list[Lead]

    @property
    def as_of(self) -> dt.date | None:
        """The latest screening of their leads: the profile shows the world as of then."""
        return max((lead.as_of for lead in self.leads if lead.as_of), default=None)

    @property
    def name(self) -> str | None:
        return next((lead.subject_name for lead in self.leads
                     if lead.subject_id == self.entity and lead.subject_name), None)


def debtor_or_404(request: Request, session: Session, viewer: Viewer, ref: str) -> Debtor:
    entity = entity_of(request.app.state.ref_key, ref)
    leads = debtor_leads(session, viewer.org_ids, entity) if entity and is_debtor(entity) else []
    if entity is None or not leads:
        raise HTTPException(status_code=404)
    return Debtor(entity, ref, leads)


def _audit(session: Session, viewer: Viewer, debtor: Debtor, what: str) -> None:
    record(session, viewer.actor, "view_personal", what, debtor.ref[:64],
           subject=viewer.id_no(debtor.entity), as_of=debtor.as_of, leads=len(debtor.leads),
           masked=not viewer.unmasked)
    session.commit()


@router.get("/debtors/{ref}")
def debtor_page(request: Request, ref: str, viewer: Viewer = Depends(current_user),
                session: Session = Depends(db)) -> Response:
    debtor = debtor_or_404(request, session, viewer, ref)
    context = profile_context(request, session, viewer, debtor.entity, debtor.as_of)
    _audit(session, viewer, debtor, "debtor")
    graph = context["profile"].graph if context["profile"] else None
    return render(request, "debtor.html", {
        "viewer": viewer, "debtor": debtor, "id_no": viewer.id_no(debtor.entity),
        "name": debtor.name or (graph.names.get(debtor.entity) if graph else None),
        "matters": debtor_matters(session, viewer.org_ids, debtor.leads),
        "cases": [mask_row("cases", c, viewer.unmasked)
                  for c in court_cases(session, debtor.entity)],
        "names": {u.id: u.display_name for u in users_of(session, viewer.org_ids)},
        "relations_src": f"/debtors/{ref}/relations.json", **context})


@router.get("/debtors/{ref}/relations.json")
def debtor_relations(request: Request, ref: str, viewer: Viewer = Depends(current_user),
                     session: Session = Depends(db)) -> Response:
    debtor = debtor_or_404(request, session, viewer, ref)
    return relations_answer(request, session, viewer, debtor.entity, debtor.as_of,
                            lambda: _audit(session, viewer, debtor, "debtor_relations"))
