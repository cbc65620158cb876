"""The /models page (模型成效回测) on the demo world with its seeded history: every role sees the
figures of the offices it sees, in Chinese, and the version comparison page lists the leads."""

from __future__ import annotations

import re
from pathlib import Path

from chinese import english, page_text, xlsx_texts
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy import func, select

from zhongben.store.db import open_database
from zhongben.store.demo_history import seed_history
from zhongben.store.models import Lead, User
from zhongben.store.setup import prepare_demo, publish_if_present
from zhongben.web.app import Settings, create_app

ROW = re.compile(r"<tr><td>([A-Z]{2}-\d{2})</td><td>第(\d+)版</td><td class=\"num\">([\d,]+)</td>")


def test_models_page_per_office(demo_workspace: Path, tmp_path: Path) -> None:
    target = str(tmp_path / "app.sqlite")
    sessions = open_database(target)
    prepare_demo(sessions, demo_workspace)
    assert not isinstance(publish_if_present(sessions, demo_workspace), str)
    with sessions.begin() as session:
        assert seed_history(session) > 0
    client = TestClient(create_app(Settings(db=target, workspace=str(demo_workspace),
                                            secret_key="t")))
    for username in ("jcg", "fxy"):
        client.cookies.clear()
        login(client, username)
        page = client.get("/models")
        assert page.status_code == 200
        assert not english(page_text(page.text)), english(page_text(page.text))
        shown = {(r, int(v)): int(n.replace(",", "")) for r, v, n in ROW.findall(page.text)}
        with sessions() as session:
            org = session.scalar(select(User.org_id).where(User.username == username))
            found = func.coalesce(Lead.found_version, Lead.rule_version)  # credited version
            query = select(Lead.rule_id, found, func.count()).group_by(Lead.rule_id, found)
            if username == "jcg":  # a county office sees only its own leads
                query = query.where(Lead.org_id == org)
            expected = {(r, v): n for r, v, n in session.execute(query)}
        assert shown == expected
        for by in ("court", "quarter"):
            assert client.get(f"/models?by={by}").status_code == 200
    asked = client.get("/models/export.xlsx?by=court")
    assert "text/html" in asked.headers["content-type"]  # the purpose is asked first
    workbook = client.get("/models/export.xlsx?by=court&purpose=核查")
    assert workbook.status_code == 200
    texts = [t for _, t in xlsx_texts(workbook.content)]
    assert "成案率" in texts and not english(" ".join(texts))
    rule, version = next(iter(shown))
    compared = client.get(f"/models/compare?rule={rule}&v1={version}&v2={version + 1}")
    assert compared.status_code == 200 and "两版均发现（0 条）" in compared.text
    assert f"仅第{version}版发现（{shown[(rule, version)]} 条）" in compared.text
    assert not english(page_text(compared.text))
    with sessions() as session:  # the demo's two-version rule: a lead found by both
        both = next(lead for lead in session.scalars(select(Lead))
                    if len(lead.versions or []) == 2)
        old, new = both.versions  # type: ignore[misc]
    page = client.get(f"/leads/{both.lead_key}")  # fxy, the city office, sees every county's
    assert page.status_code == 200
    text = page_text(page.text)
    assert f"第{old}版于 {both.found_as_of} 筛查发现" in text
    assert f"曾发现此线索的版本：第{old}版、第{new}版" in text
    assert f"说明与证据为第{new}版" in text
    two = client.get(f"/models/compare?rule={both.rule_id}&v1={old}&v2={new}")
    assert two.status_code == 200 and "两版均发现（0 条）" not in two.text
