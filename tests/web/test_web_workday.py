"""A prosecutor's working day in a real browser (Debian's chromium through Playwright), on the
demo world: sign in through a deep link, search a 案号 typed with full-width brackets, search
``10万以上``, open my leads, assign in bulk and see the confirmation, comment with a mention,
attach a scanned PDF and find its text by search, check the phone width has no horizontal
scroll, and print a case. Screenshots are saved under ``docs/screenshots/``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.leads import CLOSED_STATUSES
from zhongben.store.models import Lead, Matter, User
from zhongben.web.app import Settings, create_app
from zhongben.web.browser import CHROMIUM, launch, open_page
from zhongben.web.server import running

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")]
SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"
SCAN = Path(__file__).parents[1] / "extract" / "corpus" / "00-resume.scan.pdf"
PHONE = {"width": 390, "height": 844}


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def no_sideways_scroll(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_working_day(demo_workspace: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright
    from world import build_app_db

    db = str(tmp_path / "app.sqlite")
    sessions = build_app_db(demo_workspace, db)
    with sessions() as s:
        me = s.scalars(select(User).where(User.username == "jcg")).one()
        mine = list(s.scalars(select(Lead).where(Lead.org_id == me.org_id, Lead.case_no
                                                 .is_not(None)).order_by(Lead.score.desc())))
        target, case_no = mine[0].lead_key, str(mine[-1].case_no)
        big = [x for x in s.scalars(select(Lead).where(Lead.org_id == me.org_id))
               if x.unpaid_amount is not None and x.unpaid_amount >= 100_000
               and x.status not in CLOSED_STATUSES]
        matter = s.scalars(select(Matter).order_by(Matter.id)).first()
        assert matter is not None and big
    app = create_app(Settings(db=db, workspace=str(demo_workspace), secret_key="t"))
    with running(app) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = open_page(browser, viewport={"width": 1440, "height": 900}, locale="zh-CN")
        page.on("dialog", lambda dialog: dialog.accept())

        # 1. a colleague's link to a lead: sign in, and the lead opens
        page.goto(f"{base}/leads/{target}")
        expect(page.locator("#after-login")).to_be_visible()
        shot(page, "day-01-deep-link-login")
        page.fill("input[name=username]", "jcg")
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/leads/{target}")
        expect(page.locator("#lead-parties")).not_to_have_text("—")
        shot(page, "day-02-lead-after-login")

        # 2. the 案号 as a court letter writes it, full-width brackets, in the global search
        typed = case_no.replace("(", "（").replace(")", "）")
        page.fill("form.search input[name=q]", typed)
        page.click("form.search button")
        expect(page.locator("#search-said")).to_contain_text(f"案号 {case_no}")
        expect(page.locator("#search-leads tbody")).to_contain_text(case_no)
        shot(page, "day-03-search-case-number")

        # 3. amounts as people write them
        page.goto(f"{base}/leads")
        page.fill("#filters input[name=q]", "10万以上")
        page.press("#filters input[name=q]", "Enter")
        expect(page.locator("#search-said")).to_contain_text("≥ 100,000.00 元")
        expect(page.locator("#lead-total")).to_have_text(str(len(big)))
        amounts = page.locator("#leads tbody td:nth-child(8)").all_inner_texts()
        assert all(Decimal(a.replace(",", "")) >= 100_000 for a in amounts)
        shot(page, "day-04-search-amount")

        # 4. assign in bulk: everything the filter found, confirmed by what went to whom
        page.check("#select-all")
        expect(page.locator("#select-count")).to_contain_text(f"已选择本页 {len(big)} 条")
        page.select_option("#bulk-assignee", label="张检察官（检察官）")
        page.click("#bulk-assign")
        expect(page.locator("#flash")).to_contain_text(f"已将 {len(big)} 条线索分派给 张检察官")
        shot(page, "day-05-bulk-assigned")

        # 5. my leads, counted in the navigation
        expect(page.locator("#nav-my-leads .count")).to_have_text(str(len(big)))
        page.click("#nav-my-leads")
        expect(page.locator("#lead-total")).to_have_text(str(len(big)))
        assert set(page.locator("#leads td.assignee").all_inner_texts()) == {"张检察官"}
        shot(page, "day-06-my-leads")

        # 6. a comment that tells the head of the department
        page.goto(f"{base}/leads/{target}")
        page.fill("textarea[name=body]", "车辆仍在使用，建议调取卡口记录，请 @王主任 阅示")
        page.click("#post-comment")
        expect(page.locator("#flash")).to_contain_text("已通知 王主任")
        expect(page.locator("#comments")).to_contain_text("建议调取卡口记录")
        shot(page, "day-07-comment-mention")

        # 7. the court's scanned letter, read by OCR, found by what it says
        page.goto(f"{base}/cases/{matter.id}")
        page.set_input_files("#attach-file", str(SCAN))
        page.click("#upload")  # the answer waits for OCR: open_page's load-scaled limit covers it
        expect(page.locator("#flash")).to_contain_text("扫描件文字识别 1 页")
        page.fill("form.search input[name=q]", "恢复执行通知书")
        page.click("form.search button")
        expect(page.locator("#search-attachments")).to_contain_text("00-resume.scan.pdf")
        shot(page, "day-08-scan-found-by-search")

        # 8. on a phone: nothing scrolls sideways
        phone = open_page(browser, viewport=PHONE, locale="zh-CN", is_mobile=True)
        phone.goto(f"{base}/")
        phone.fill("input[name=username]", "jcg")
        phone.fill("input[name=password]", DEMO_PASSWORD)
        phone.click("button[type=submit]")
        phone.wait_for_url(f"{base}/leads")
        for name, url in (("inbox", "/leads"), ("lead", f"/leads/{target}"),
                          ("case", f"/cases/{matter.id}"), ("reminders", "/reminders")):
            phone.goto(base + url)
            phone.wait_for_load_state("networkidle")
            assert no_sideways_scroll(phone), url
            shot(phone, f"day-09-phone-{name}")

        # 9. the case printed: A4, no navigation, no forms
        page.goto(f"{base}/cases/{matter.id}")
        page.emulate_media(media="print")
        assert page.locator("header.top").is_hidden() and page.locator("#upload").is_hidden()
        expect(page.locator("#timeline")).to_be_visible()
        shot(page, "day-10-case-print")
        page.pdf(path=str(tmp_path / "case.pdf"), prefer_css_page_size=True)
        assert (tmp_path / "case.pdf").read_bytes().startswith(b"%PDF")
        browser.close()
