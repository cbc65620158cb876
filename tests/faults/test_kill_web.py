"""kill -9 of the web server in the middle of writes (opening cases, workflow steps, views): after a
restart the application database passes its integrity check, the audit chain verifies, and
every write is whole — a case exists with its opening event and its lead, or not at all."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.audit_verify import verify_chain
from zhongben.store.db import database_url, open_database
from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.models import Lead, Matter, MatterEvent
from zhongben.web.server import free_port, start_process

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
KEY = re.compile(r'href="/leads/([0-9a-f]{40})"')


def _serve(app_db: str, port: int) -> subprocess.Popen[bytes]:
    return start_process(["--db", "/nonexistent.duckdb", "--app-db", app_db, "--no-publish"],
                         port)


def _writes(base: str, stop: threading.Event) -> None:
    """Sign in and open cases from leads, step them, view pages — until the server dies."""
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            token = CSRF.search(client.get("/").text).group(1)  # type: ignore[union-attr]
            page = client.post("/login", data={"username": "jcg", "password": DEMO_PASSWORD,
                                               "csrf_token": token}, follow_redirects=True)
            token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
            for key in KEY.findall(page.text):
                if stop.is_set():
                    return
                case = client.post(f"/leads/{key}/open-case", data={"csrf_token": token},
                                   follow_redirects=True)
                client.post(f"{case.url.path}/event", data={"event": "accept",
                                                            "csrf_token": token})
                client.get(f"/leads/{key}")
    except (httpx.HTTPError, AttributeError):
        return  # the server was killed under us: expected


def _consistent(sessions: sessionmaker[Session], db: Path) -> None:
    engine = create_engine(database_url(db))
    with engine.connect() as con:
        assert con.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()
    with sessions() as s:
        assert verify_chain(s).ok
        for matter in s.scalars(select(Matter)):
            leads = s.scalars(select(Lead).where(Lead.matter_id == matter.id)).all()
            events = s.scalars(select(MatterEvent).where(MatterEvent.matter_id == matter.id))
            assert leads and list(events), matter.number  # never a case without its lead/event


@pytest.mark.slow
def test_a_killed_server_leaves_every_write_whole(seeded: sessionmaker[Session], app_db: str,
                                                   tmp_path: Path) -> None:
    if "://" in app_db:
        pytest.skip("SQLite file here; PostgreSQL's crash safety is the server's own")
    rng = random.Random(5)
    for _ in range(3):
        port = free_port()
        server = _serve(app_db, port)
        stop = threading.Event()
        writer = threading.Thread(target=_writes, args=(f"http://127.0.0.1:{port}", stop))
        writer.start()
        time.sleep(rng.uniform(0.3, 2.5))
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        stop.set()
        writer.join()
        _consistent(open_database(app_db), Path(app_db))
    with seeded() as s:
        assert s.scalars(select(Matter)).first() is not None  # some writes did get through
