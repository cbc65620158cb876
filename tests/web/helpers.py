"""Helpers for the web tests: an app on a seeded database and a logged-in TestClient."""

from __future__ import annotations

import re
from typing import Any

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


def page_errors(page: Any) -> list[str]:
    """The list that collects a browser page's script errors and Content-Security-Policy
    refusals from now on (a missing favicon is fine)."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text)
            if "Content Security Policy" in m.text else None)
    return errors


def drawn_relations(page: Any, base: str, lead_key: str, link: str) -> int:
    """Signed in as jcg, from the lead page through ``link`` to a drawn relation graph; how many
    nodes it drew."""
    from zhongben.web.browser import log_in

    log_in(page, base, "jcg", DEMO_PASSWORD)
    page.goto(f"{base}/leads/{lead_key}")
    page.click(link)
    page.wait_for_selector("#relation-chart canvas")
    page.wait_for_selector("#relation-chart[data-drawn]")
    return int(page.get_attribute("#relation-chart", "data-drawn") or 0)
