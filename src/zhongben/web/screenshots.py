"""Rendering screenshots of the main pages into ``docs/screenshots/`` from a throw-away app
database with demo accounts, sample (or published) leads and a few cases."""

from __future__ import annotations

import tempfile
from pathlib import Path

from zhongben.store.db import open_database
from zhongben.store.demo import DEMO_PASSWORD, sample_leads
from zhongben.store.publish import store_leads
from zhongben.store.setup import prepare_demo, publish_if_present, workspace_courts
from zhongben.web.app import Settings, create_app
from zhongben.web.browser import launch, log_in, open_page
from zhongben.web.server import running
from zhongben.workflow.demo_story import play_story

PAGES = (("01-login", None), ("02-inbox", "/leads"), ("03-lead", "lead"),
         ("04-case", "/cases/1"), ("05-cases", "/cases"), ("06-reminders", "/reminders"),
         ("07-dashboard", "/dashboard"), ("08-rules", "/rules"),
         ("10-document", "/documents/1"), ("11-approvals", "/approvals"))


def build_demo_db(target: Path, workspace: str | None) -> None:
    sessions = open_database(target)
    prepare_demo(sessions, workspace)
    result = publish_if_present(sessions, workspace)
    if isinstance(result, str):  # no workspace leads: sample leads in the leads.md shape
        with sessions.begin() as session:
            courts = (workspace_courts(workspace) if workspace else []) or None
            store_leads(session, sample_leads(400, courts or []))
    play_story(sessions, workspace=workspace)


def document_pages(db: Path, out: Path) -> list[Path]:
    """Page images of the documents the demo story issued (signed PDFs) into ``out``."""
    from sqlalchemy import select

    from zhongben.documents.pages import page_images
    from zhongben.store.models import Document

    written: list[Path] = []
    with open_database(db)() as session:
        issued = session.scalars(select(Document).where(Document.pdf.is_not(None))
                                 .order_by(Document.id)).first()
        if issued is not None and issued.pdf:
            written += page_images(issued.pdf, out, f"09-{issued.kind}")
    return written


def render_screenshots(out: Path, workspace: str | None = None) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "app.sqlite"
        build_demo_db(db, workspace)
        pages = document_pages(db, out)
        app = create_app(Settings(db=str(db), workspace=workspace))
        with running(app) as base, sync_playwright() as pw:
            browser = launch(pw)
            page = open_page(browser, viewport={"width": 1440, "height": 900}, locale="zh-CN")
            written = [_shoot(page, base, name, path, out) for name, path in PAGES]
            browser.close()
    return written + pages


def _shoot(page: object, base: str, name: str, path: str | None, out: Path) -> Path:
    p = page  # a playwright Page
    if path is None:
        p.goto(base + "/")  # type: ignore[attr-defined]
    else:
        if path == "lead":
            if not p.url.startswith(base + "/leads"):  # type: ignore[attr-defined]
                p.goto(base + "/leads")  # type: ignore[attr-defined]
            path = p.get_attribute("#leads tbody a", "href")  # type: ignore[attr-defined]
        if p.url == base + "/":  # type: ignore[attr-defined]
            log_in(p, base, "fzr", DEMO_PASSWORD)
        p.goto(base + str(path))  # type: ignore[attr-defined]
        p.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    target = out / f"{name}.png"
    p.screenshot(path=str(target), full_page=False)  # type: ignore[attr-defined]
    return target
