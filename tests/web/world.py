"""The demo world for the whole-app tests: a small synthetic county world (every rule planted
once), ingested and screened as ``scripts/demo.sh`` does, published into an app database with
the demo accounts and cases at every stage (``zhongben.workflow.demo_story``), plus the daily
tool's own records (a comment with a mention, a tag, an attachment, notifications)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.attachments import attach
from zhongben.store.audit import Actor
from zhongben.store.comments import add_comment, add_tag
from zhongben.store.db import open_database
from zhongben.store.models import Lead, Matter, User
from zhongben.store.setup import prepare_demo, publish_if_present
from zhongben.synth import generate
from zhongben.workflow.demo_story import play_story
from zhongben.workspace import Workspace

AS_OF = dt.date(2026, 6, 30)


def build_workspace(folder: Path) -> Path:
    world, workspace = folder / "world", folder / "demo.duckdb"
    generate(seed=1, scale="tiny", out=world, as_of=AS_OF, plants=1)
    ws = Workspace(workspace)
    ws.ingest([world], quarantine_dir=folder / "quarantine")
    ws.screen(AS_OF)
    return workspace


def actor(session: Session, username: str) -> Actor:
    user = session.scalars(select(User).where(User.username == username)).one()
    return Actor(user.id, user.username, user.role, user.org_id)


def build_app_db(workspace: Path, target: str) -> sessionmaker[Session]:
    sessions = open_database(target)
    prepare_demo(sessions, workspace)
    assert not isinstance(publish_if_present(sessions, workspace), str)
    assert play_story(sessions, workspace=str(workspace)) == 3
    with sessions.begin() as session:
        who = actor(session, "jcg")
        lead = session.scalars(select(Lead).where(Lead.org_id == who.org_id)
                               .order_by(Lead.score.desc())).first()
        matter = session.scalars(select(Matter).order_by(Matter.id)).first()
        assert lead is not None and matter is not None
        add_comment(session, who, "lead", lead.lead_key, lead.org_id,
                    "请 @王主任 看一下车辆去向", f"/leads/{lead.lead_key}", lead.rule_id)
        add_tag(session, who, "lead", lead.lead_key, "重点线索")
        add_comment(session, who, "matter", str(matter.id), matter.org_id,
                    "法院已电话答复，书面回函待收", f"/cases/{matter.id}", matter.number)
        attach(session, who, "matter", str(matter.id), "法院回函.txt",
               "嵊州市人民法院关于检察建议的回复：已恢复执行。".encode())
    return sessions
