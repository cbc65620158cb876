"""The rule builder in a real browser (Debian's chromium, the app's CSP): a 模型管理员 opens it
from the rules page, adds a condition through the form, previews on the workspace, marks the
sample lead 对, saves; ``zhongben rules check`` accepts the saved file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session, sessionmaker
from tests.rules.builder_world import AS_OF, COURT, DC
from tests.web.builder_setup import BUILDER_USER, builder_workspace

from zhongben.store.demo import DEMO_PASSWORD
from zhongben.web.app import Settings, create_app
from zhongben.web.browser import CHROMIUM, launch, log_in, open_page
from zhongben.web.server import running

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
              pytest.mark.parametrize("app_db", ["sqlite"], indirect=True)]


@pytest.fixture
def app(seeded: sessionmaker[Session], app_db: str, tmp_path: Path) -> FastAPI:
    workspace = builder_workspace(tmp_path)
    return create_app(Settings(db=app_db, workspace=str(workspace), secret_key="t"))


@pytest.mark.slow
def test_build_preview_save_then_rules_check(app: FastAPI, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with running(app) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = open_page(browser)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        log_in(page, base, BUILDER_USER, DEMO_PASSWORD)
        page.goto(base + "/rules")
        page.click("#open-builder")
        page.wait_for_url("**/rules/builder")
        page.fill("#rule-name", "终本后乘坐航班")
        page.select_option("#new-kind", "travel_in_window")
        page.click("#add-condition")
        page.wait_for_selector("#cond-0")
        page.select_option("select[name=cond-0-mode]", "航班")
        page.fill("input[name=cond-0-days]", "60")
        page.select_option("#courts", COURT)
        page.fill("#as-of", AS_OF.isoformat())
        page.click("#preview")
        expect(page.locator("#hit-count")).to_have_text("1")
        rows = page.locator("#sample tbody tr")
        assert rows.count() == 1
        assert "三亚" in rows.inner_text() and DC not in page.content()  # masked for this role
        rows.locator(".mark-right").check()
        page.click("#save")
        expect(page.locator("#saved-id")).to_have_text("ZD-01")
        saved = Path(page.inner_text("#saved-path"))
        assert errors == [], errors  # nothing blocked by the CSP
        browser.close()
    assert saved == tmp_path / "县院.models" / "after_termination" / "ZD-01.sql"
    checked = subprocess.run([sys.executable, "-m", "zhongben.cli.main", "rules", "check",
                              str(saved)], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stderr
    assert "检查通过：1 条规则（ZD-01）" in checked.stdout
