"""The debtor profile (被执行人画像) of a lead's subject and its relation graph (关系图谱).

The page shows every record about the entity on one timeline, the 失信/失能 assessment term by
term (the fact, its source row, its weight), the ultimate controllers and controlled companies
(股权穿透), and the assets the debtor's relatives and companies acquired after the debt arose;
the interactive graph is drawn by ``static/relations.js`` from ``/leads/{key}/relations.json``.
Access is the lead's (a lead of another jurisdiction answers 404), masking the viewer's role's,
and every view is audited. Everything is read from the analytical workspace, read-only."""

from __future__ import annotations

import datetime as dt
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


def _profile_of(request: Request, lead: Lead) -> Profile | str:
    if not lead.subject_id:
        return NO_SUBJECT.replace("资金流向报告", "被执行人画像")
    return load_profile(request.app.state.settings.workspace, lead.subject_id,
                        lead.as_of or dt.date.today())


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


@router.get("/leads/{key}/profile")
def profile_page(request: Request, key: str, viewer: Viewer = Depends(current_user),
                 session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    viewer = viewer.for_object("lead", key)
    profile = _profile_of(request, lead)
    _audit(session, viewer, lead, "profile")
    found = profile if isinstance(profile, Profile) else None
    return render(request, "profile.html", {
        "viewer": viewer, "lead": lead, "profile": found,
        "message": None if found else profile, **(_rows(found, viewer) if found else {})})


@router.get("/leads/{key}/relations.json")
def relations_json(request: Request, key: str, viewer: Viewer = Depends(current_user),
                   session: Session = Depends(db)) -> Response:
    lead = lead_or_404(session, viewer, key)
    viewer = viewer.for_object("lead", key)
    profile = _profile_of(request, lead)
    if not isinstance(profile, Profile):
        return JSONResponse({"detail": profile}, status_code=503)
    _audit(session, viewer, lead, "relations")
    return JSONResponse(chart_data(profile.graph, profile.assets, viewer))
