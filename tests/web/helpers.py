"""Helpers for the web tests: an app on a seeded database and a logged-in TestClient."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from zhongben.store.demo import DEMO_PASSWORD

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "page has no CSRF token"
    return found.group(1)


def login(client: TestClient, username: str) -> str:
    """Logs in; returns the CSRF token of the signed-in session."""
    token = csrf_of(client.get("/").text)
    response = client.post("/login", data={"username": username, "password": DEMO_PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 200 and str(response.url).endswith("/leads")
    return csrf_of(response.text)
