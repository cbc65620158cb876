"""Launching Debian's chromium through Playwright (never a downloaded browser)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zhongben.ready import start_timeout

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def launch(playwright: Any) -> Any:
    if not CHROMIUM.exists():
        raise RuntimeError("找不到 /usr/bin/chromium，请先运行 scripts/web/install-system-deps.sh")
    # Playwright's own launch limit is a fixed 30 s; a busy machine gets the load-scaled cap.
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_ARGS, timeout=start_timeout() * 1000)


def open_page(browser: Any, **options: Any) -> Any:
    """A new page whose waits (clicks, navigations, ``expect``) allow a loaded machine's pace:
    the load-scaled cap of zhongben.ready instead of Playwright's fixed 30 s and 5 s."""
    from playwright.sync_api import expect

    limit = start_timeout() * 1000
    expect.set_options(timeout=limit)
    page = browser.new_page(**options)
    page.set_default_timeout(limit)
    return page


def log_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(base + "/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/leads")
