"""``benchmarks/web_load.py`` at tiny size, so it cannot rot: set-up (leads, cases opened with a
检察建议书 draft), one- and two-worker servers of their own, three users walking inbox → search
→ lead → case → document — and not one request may fail."""

import httpx
import pytest
import web_load
from _webload import Figures, problem, ratio_lines


@pytest.mark.slow
def test_a_tiny_load_run_has_no_errors(app_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = web_load.parse(["--users", "3", "--seconds", "3", "--workers", "1,2",
                           "--app-db", app_db, "--leads", "300", "--cases", "6"])
    runs = web_load.run(args)
    assert set(runs) == {1, 2}
    for figures in runs.values():
        assert figures.errors == []
        assert set(figures.times) == set(web_load.KINDS)
        assert figures.requests >= len(web_load.KINDS)
    printed = capsys.readouterr().out
    assert "opened 6 cases" in printed and "2 workers vs 1 (baseline)" in printed


def test_a_failed_page_is_counted() -> None:
    figures = Figures(2.0, {"lead": [10.0, 30.0], "case": [5.0]}, ["/leads/x → 500"])
    assert figures.rate == 1.5
    assert "3 requests (1.5/s), 1 errors" in figures.lines(20)[0]
    assert any("MISSED" in line for line in figures.lines(20))
    faster = Figures(1.0, {"lead": [5.0, 15.0], "case": [5.0]})
    assert ratio_lines({1: figures, 2: faster}) == [
        "2 workers vs 1 (baseline): 2.00× the requests per second; p95 case 1.00×, lead 0.50×"]


def test_what_counts_as_an_error() -> None:
    page = httpx.Response(200, text='<a href="/cases/7">')
    assert problem(page, 'href="/cases/7"') == ""
    assert problem(page, 'href="/cases/8"') == "page without 'href=\"/cases/8\"'"
    assert problem(httpx.Response(303, headers={"location": "/leads"}), "x") == ""
    for to in ("/", "/?next=/cases/7", "/login"):
        lost = httpx.Response(303, headers={"location": to})
        assert problem(lost, "") == "redirected to sign in"
    assert problem(httpx.Response(404), "") == "404"
    assert problem(httpx.Response(500), "") == "500"
