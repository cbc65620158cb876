"""The whole 后半程 in a real browser (Debian's chromium through Playwright) on the demo-like
world: draft → edit → 部门负责人 returns with a reason → redraft → approve → 检察长 approves →
issue (文号) → court reply → the recheck says the problem persists → 跟进监督 → 结案（未纠正）;
the case page and the statistics show that outcome, not a success."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.models import Lead
from zhongben.web.app import Settings, create_app
from zhongben.web.browser import CHROMIUM, launch, log_in, open_page
from zhongben.web.server import running

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")]


def step(page, event: str, text: str = "") -> None:  # type: ignore[no-untyped-def]
    form = f"form:has(button[data-event={event}])"
    if text:
        page.fill(f"{form} input[name=text]", text)
    page.click(f"button[data-event={event}]")
    page.wait_for_load_state()


def as_user(browser, base: str, username: str):  # type: ignore[no-untyped-def]
    page = open_page(browser, locale="zh-CN")
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, base, username, DEMO_PASSWORD)
    return page


def test_draft_to_closed_uncorrected(world_db: sessionmaker[Session], workspace: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with world_db() as s:  # an unpaid enforcement payment: still unpaid when re-checked
        key = s.scalar(select(Lead.lead_key).where(Lead.rule_id == "ZK-01"))
    app = create_app(Settings(db=str(world_db.kw["bind"].url.database),
                              workspace=str(workspace), secret_key="t"))
    with running(app) as base, sync_playwright() as pw:
        browser = launch(pw)
        jcg, fzr, jcz = (as_user(browser, base, u) for u in ("jcg", "fzr", "jcz"))
        jcg.goto(f"{base}/leads/{key}")
        jcg.click("#open-case")
        jcg.wait_for_url("**/cases/*")
        case_url = jcg.url
        for event in ("accept", "investigate"):
            step(jcg, event)
        jcg.click("#make-recommendation")
        jcg.wait_for_url("**/documents/*")
        doc_url = jcg.url
        assert "起草提示" in jcg.inner_text("body") and "待复核" not in jcg.inner_text("body")
        jcg.fill("#section-objection",
                 "你院对本检察建议如有异议，请自收到本检察建议书之日起十日内书面提出。")
        jcg.fill("input[name=note]", "异议期限按本院规定为十日")
        jcg.click("#save-edit")
        expect(jcg.locator("#versions tbody tr")).to_have_count(2)
        jcg.click("#submit")
        expect(jcg.locator("#doc-status")).to_contain_text("待部门负责人审批")

        fzr.goto(base + "/approvals")
        assert fzr.inner_text("#pending-count") == "1"
        fzr.click("#pending tbody a")
        fzr.fill("input[name=reason]", "请写明被执行人财产线索的核查方法")
        fzr.click("#return")
        expect(fzr.locator("#doc-status")).to_contain_text("已退回")
        assert "请写明被执行人财产线索的核查方法" in fzr.inner_text("#approvals")

        jcg.goto(doc_url)
        jcg.fill("#section-recommendations", "经本院检察长决定，特提出如下检察建议：\n"
                 "一、依法将已到账的执行款立即发放给申请执行人，并核查执行款台账；")
        jcg.click("#save-edit")
        jcg.click("#submit")
        fzr.goto(doc_url)
        fzr.click("#approve")
        expect(fzr.locator("#doc-status")).to_contain_text("待检察长审批")
        assert fzr.locator("#approve").count() == 0 or "检察长" in fzr.inner_text("#doc-status")
        jcz.goto(base + "/approvals")
        jcz.click("#pending tbody a")
        jcz.click("#approve")
        expect(jcz.locator("#doc-status")).to_contain_text("已批准")

        jcg.goto(doc_url)
        jcg.click("#issue")
        expect(jcg.locator("#doc-status")).to_contain_text("已签发")
        doc_no = jcg.inner_text("#doc-no")
        assert re.fullmatch(rf"嵊检民（行）执监〔{date.today().year}〕1号", doc_no)
        assert "SHA-256" in jcg.inner_text("#pdf-hash")

        jcg.goto(case_url)
        assert jcg.inner_text("#case-state") == "检察建议已制发"
        step(jcg, "court_received")
        step(jcg, "court_declined", "经审查，该执行款已另案处理，不予采纳")
        assert jcg.inner_text("#case-state") == "未采纳"
        assert "问题仍存在" in jcg.inner_text("#recheck + ul")
        step(jcg, "follow_up", "约谈执行局负责人，督促发放执行款")
        assert jcg.inner_text("#case-state") == "跟进监督"
        results = jcg.locator("#close-results input").evaluate_all(
            "els => els.map(e => e.value)")
        assert "纠正" not in results and "部分纠正" not in results
        jcg.check("#close-results input[value=未纠正]")
        jcg.click("button[data-event=close]")
        jcg.wait_for_load_state()
        assert jcg.inner_text("#case-state") == "结案"
        assert "未纠正" in jcg.inner_text("#case-result")
        timeline = jcg.inner_text("#timeline")
        assert "跟进监督" in timeline and doc_no in timeline

        jcg.goto(base + "/dashboard")
        assert jcg.inner_text("#results td[data-result=未纠正]") == "1"
        assert jcg.inner_text("#results td[data-result=纠正]") == "0"
        browser.close()
