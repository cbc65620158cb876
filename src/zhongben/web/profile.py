"""The debtor profile (被执行人画像) of a lead's subject and its relation graph (关系图谱).

The page shows every record about the entity on one timeline, the 失信/失能 assessment term by
term (the fact, its source row, its weight), the ultimate controllers and controlled companies
(股权穿透), and the assets the debtor's relatives and companies acquired after the debt arose;
the interactive graph is drawn by ``static/relations.js`` from ``/leads/{key}/relations.json``,
its nodes opening the debtor pages (``web/debtor.py``) the viewer may see. Access is the lead's
(a lead of another jurisdiction answers 404), masking the viewer's role's, and every view is
audited. Everything is read from the analytical workspace, read-only. ``profile_context`` and
``relations_answer`` serve the lead's profile and the debtor page alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from zhongben.contracts import TABLES
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.engine.opener import WorkspaceError
from zhongben.graph.assessment import Assessment, assess
from zhongben.graph.late_assets import LateAsset, debt_date, late_assets
from zhongben.graph.relations import RelationGraph, relation_graph
from zhongben.graph.timeline import Event, timeline
from zhongben.store.audit import record
from zhongben.store.models import Lead
from zhongben.web.debtor_ref import debtor_links
from zhongben.web.deps import Viewer, current_user, db, render
from zhongben.web.flows import NO_SUBJECT, NO_WORKSPACE
from zhongben.web.lead import lead_or_404
from zhongben.web.relation_chart import chart_data
from zhongben.workspace import Workspace

router = APIRouter()
UNREADABLE = "无法生成被执行人画像。"


@dataclass
class Profile:
    graph: RelationGraph
    events: list[Event]
    assets: list[LateAsset]
    assessment: Assessment


def source(table: str | None, file: str | None, row: int | None) -> str:
    """Where a fact was read, as a user finds it: 表名 文件名 第N行."""
    if not table:
        return "（登记查询结果为空）"
    name = TABLES[table].zh if table in TABLES else table
    where = PurePath(file).name if file else ""
    return f"{name} {where} 第{row}行" if row else f"{name} {where}".strip()


def load_profile(workspace: str | None, subject: str, as_of: dt.date) -> Profile | str:
    if not workspace:
        return NO_WORKSPACE.replace("资金流向报告", "被执行人画像")
    try:
        with Workspace(workspace).read() as con:
            engine = DuckDBEngine(con)
            graph = relation_graph(engine, subject, as_of)
            events = timeline(engine, subject, as_of)
            debt_on = debt_date(engine, subject)
            assets = late_assets(engine, graph, debt_on)
    except WorkspaceError as exc:
        return f"{exc}{UNREADABLE}"
    return Profile(graph, events, assets, assess(events, assets, debt_on))


def _profile_of(request: Request, subject: str | None, as_of: dt.date | None) -> Profile | str:
    if not subject:
        return NO_SUBJECT.replace("资金流向报告", "被执行人画像")
    return load_profile(request.app.state.settings.workspace, subject, as_of or dt.date.today())


def _audit(session: Session, viewer: Viewer, lead: Lead, what: str) -> None:
    record(session, viewer.actor, "view_personal", what, lead.lead_key,
           subject=viewer.id_no(lead.subject_id), as_of=lead.as_of, masked=not viewer.unmasked)
    session.commit()


def _rows(profile: Profile, viewer: Viewer) -> dict[str, Any]:
    graph = profile.graph
    who = lambda e: f"{graph.name(e)}（{viewer.id_no(e)}）"  # noqa: E731
    return {
        "events": [{"on": e.on, "kind": e.kind, "text": viewer.text(e.text),
                    "source": source(e.table, e.file, e.row)} for e in profile.events],
        "terms": [{"fact": viewer.text(t.fact), "weight": t.weight,
                   "source": source(t.table, t.file, t.row)} for t in profile.assessment.terms],
        "assets": [{"owner": who(a.owner), "link": a.link, "kind": a.kind,
                    "item": viewer.text(a.item), "on": a.acquired_on, "value": a.value,
                    "source": source(a.table, a.file, a.row)} for a in profile.assets],
        "controllers": [(who(e), s) for e, s in graph.controllers],
        "controls": [(who(e), s) for e, s in sorted(graph.controls.items())],
    }


def profile_context(request: Request, session: Session, viewer: Viewer, subject: str | None,
                    as_of: dt.date | None) -> dict[str, Any]:
    """What ``_profile.html`` shows of one entity (the lead profile's and the debtor page's):
    the profile, or why there is none, and the related debtors the viewer may open."""
    profile = _profile_of(request, subject, as_of)
    if not isinstance(profile, Profile):
        return {"profile": None, "message": profile}
    graph = profile.graph
    links = debtor_links(request, session, viewer.org_ids, graph)
    return {"profile": profile, "message": None, **_rows(profile, viewer),
            "related": [(graph.name(e), viewer.id_no(e), href) for e, href in links.items()
                        if e != graph.subject]}


def relations_answer(request: Request, session: Session, viewer: Viewer, subject: str | None,
                     as_of: dt.date | None, audit: Callable[[], None]) -> Response:
    """The relation graph as JSON, nodes carrying the address of the debtor pages one may open;
    ``audit`` is called once the graph is read."""
    profile = _profile_of(request, subject, as_of)
    if not isinstance(profile, Profile):
        return JSONResponse({"detail": profile}, status_code=503)
    audit()
    links = debtor_links(request, session, viewer.org_ids, profile.graph)
    return JSONResponse(chart_data(profile.graph, profile.assets, viewer, links))


@router.get("/leads/{key}/profile")
def profile_page(request: Request, key: str, viewer: Viewer = Depends(current_user),
                 session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    viewer = viewer.for_object("lead", key)
    context = profile_context(request, session, viewer, lead.subject_id, lead.as_of)
    _audit(session, viewer, lead, "profile")
    return render(request, "profile.html", {
        "viewer": viewer, "lead": lead, "relations_src": f"/leads/{key}/relations.json",
        **context})


@router.get("/leads/{key}/relations.json")
def relations_json(request: Request, key: str, viewer: Viewer = Depends(current_user),
                   session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    viewer = viewer.for_object("lead", key)
    return relations_answer(request, session, viewer, lead.subject_id, lead.as_of,
                            lambda: _audit(session, viewer, lead, "relations"))
