"""``zhongben serve --workers 2``: each worker builds its app from the environment the parent set,
so a session signed by one worker is honoured by the others; and a real two-worker server, in
its own process as in use, serves signed-in users."""

import os
import subprocess
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from helpers import CSRF, login
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.demo import DEMO_PASSWORD
from zhongben.web import workers
from zhongben.web.app import Settings
from zhongben.web.server import free_port, start_process, stop_process


def test_workers_sign_sessions_with_one_key(
        seeded: sessionmaker[Session], app_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(workers.SECRET, raising=False)
    for name, value in workers.export_settings(Settings(db=app_db)).items():
        monkeypatch.setenv(name, value)
    assert len(os.environ[workers.SECRET]) == 64  # made for the run: none was configured
    first, second = TestClient(workers.app()), TestClient(workers.app())  # two workers' apps
    login(first, "jcg")
    second.cookies.update(first.cookies)
    page = second.get("/leads", follow_redirects=False)
    assert page.status_code == 200 and 'id="leads"' in page.text


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def start(app_db: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    """The two-worker server, once it answers (zhongben.ready: as long as the machine takes)."""
    env = {k: v for k, v in os.environ.items() if k != "ZHONGBEN_SECRET_KEY"}
    return start_process(["--db", "/nonexistent.duckdb", "--app-db", app_db, "--no-publish",
                          "--workers", "2"], port, log, env)


@pytest.mark.slow
def test_two_workers_share_sessions(seeded: sessionmaker[Session], app_db: str,
                                    tmp_path: Path) -> None:
    port = free_port()
    server = start(app_db, port, tmp_path / "server.log")
    try:
        assert len(children(server.pid)) >= 2  # the worker processes (uvicorn's supervisor)
        # a new connection per request, so the requests spread over both workers
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30,
                          headers={"Connection": "close"}) as client:
            token = CSRF.search(client.get("/").text).group(1)  # type: ignore[union-attr]
            signed_in = client.post("/login", data={"username": "jcg", "csrf_token": token,
                                                    "password": DEMO_PASSWORD})
            assert signed_in.status_code in (200, 303)
            for _ in range(30):  # spread over both workers: each must accept the cookie
                page = client.get("/leads")
                assert page.status_code == 200 and 'id="leads"' in page.text
    finally:
        stop_process(server)
