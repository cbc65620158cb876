"""A prosecutor's day in a real browser (Debian's chromium through Playwright): log in, filter the
inbox, open a lead, open a case, generate the 检察建议书, record the court's reply, see the
dashboard change; and another county cannot open the lead by its URL."""

from pathlib import Path

import docx
import pytest
from fastapi import FastAPI

from zhongben.store.demo import DEMO_PASSWORD
from zhongben.web.browser import CHROMIUM, launch, log_in, open_page
from zhongben.web.server import running

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
              pytest.mark.parametrize("app_db", ["sqlite"], indirect=True)]


def adopted_total(page, base: str) -> int:  # type: ignore[no-untyped-def]
    page.goto(base + "/dashboard?by=court")
    page.wait_for_selector("#funnel canvas")  # ECharts drew the funnel
    return int(page.inner_text("#funnel-total th:nth-child(5)"))


def step(page, event: str) -> None:  # type: ignore[no-untyped-def]
    page.click(f"button[data-event={event}]")
    page.wait_for_load_state()


@pytest.mark.slow
def test_prosecutor_journey(web_app: FastAPI, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with running(web_app) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = open_page(browser, accept_downloads=True)
        log_in(page, base, "jcg", DEMO_PASSWORD)
        before = adopted_total(page, base)
        page.goto(base + "/leads")
        everything = int(page.inner_text("#lead-total"))
        page.select_option("select[name=severity]", "high")
        expect(page.locator("#lead-total")).not_to_have_text(str(everything))
        assert set(page.locator("#leads tbody td:nth-child(3)").all_inner_texts()) == {"高"}
        assert "severity=high" in page.url

        page.click("#leads tbody a >> nth=0")
        lead_url = page.url
        assert "终结本次执行程序" in page.inner_text("#explanation")
        page.click("#open-case")
        page.wait_for_url("**/cases/*")
        assert page.inner_text("#case-state") == "核查中"
        for event in ("accept", "investigate"):
            step(page, event)
        assert "制发检察建议书" in page.inner_text("#deadline")
        # 制发 and 通知书 only through an approved document: no button on the case page
        assert page.locator("button[data-event=issue_recommendation]").count() == 0
        assert page.locator("button[data-event=request_explanation]").count() == 0

        page.click("#make-recommendation")
        page.wait_for_url("**/documents/*")
        page.click("#download-docx")  # the purpose of the download is asked first
        page.fill("#export-purpose input[name=purpose]", "制发检察建议")
        with page.expect_download() as download:
            page.click("#export-purpose button")
        saved = tmp_path / "jcjy.docx"
        download.value.save_as(saved)
        text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
        assert "检察建议书" in text and "嵊州市人民法院：" in text
        assert "用途：制发检察建议" in docx.Document(str(saved)).core_properties.comments
        assert adopted_total(page, base) == before

        other = open_page(browser)
        log_in(other, base, "jcg2", DEMO_PASSWORD)
        response = other.goto(lead_url)
        assert response is not None and response.status == 404
        assert "未找到" in other.inner_text("body")
        browser.close()
