"""What the web benchmarks share (``web_bench.py``, ``web_load.py``): the demo app database with
many published leads, ``zhongben serve`` started as its own process on loopback and stopped
again, signing in with the CSRF token, simulated users in a closed loop, and the figures
(requests per second, p50/p95 per page kind, errors, the ratio to a baseline run).

A simulated user is a *walk*: a generator that yields ``(kind, url, expected)`` and is sent the
page's text back, so it can choose its next page from what it saw. A request is an error when it
fails in transport, answers outside 2xx/3xx, redirects to the sign-in page (the session was
lost), or its page lacks the ``expected`` text."""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from zhongben.store.db import open_database
from zhongben.store.demo import DEMO_PASSWORD, sample_leads, seed_demo
from zhongben.store.publish import store_leads
from zhongben.store.search_index import refresh_statistics
from zhongben.web.server import serving

COURTS = ["嵊州市人民法院", "新昌县人民法院"]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
LEAD = re.compile(r'href="/leads/([0-9a-f]{40})"')
INBOX_QUERIES = ("", "severity=high", "court=嵊州市人民法院", "livelihood=1", "sort=amount",
                 "min_amount=500000", "rule=CC-01&sort=date", "status=待核查",
                 "date_from=2025-05-01&date_to=2025-06-01")
Walk = Generator[tuple[str, str, str], str, None]


def publish_sample(app_db: str, leads: int) -> None:
    """Demo offices and users and ``leads`` sample leads, published as a screen publishes."""
    sessions = open_database(app_db)
    started = time.perf_counter()
    with sessions.begin() as session:
        seed_demo(session, COURTS)
    for start in range(0, leads, 20_000):
        with sessions.begin() as session:
            batch = sample_leads(min(20_000, leads - start), COURTS, seed=start)
            for i, row in enumerate(batch):  # distinct identities across batches
                row["lead_key"] = f"{start + i:040x}"
            store_leads(session, batch)
    refresh_statistics(sessions)  # as publish() does
    sessions.kw["bind"].dispose()
    print(f"published {leads:,} leads in {time.perf_counter() - started:.1f} s")


@contextmanager
def served(app_db: str, workers: int = 1, log: Path | None = None) -> Iterator[str]:
    """``zhongben serve --workers N`` on a free loopback port until the block ends; yields the
    base URL. Ready when it answers — however long a busy machine takes — unless it dies."""
    args = ["--db", "/nonexistent.duckdb", "--app-db", app_db, "--no-publish",
            "--host", "127.0.0.1", "--workers", str(workers)]
    with serving(args, log) as (base, _server):
        yield base


async def login(client: httpx.AsyncClient, username: str) -> None:
    """Sign in as a user would: the CSRF token from the sign-in page, then the form."""
    found = CSRF.search((await client.get("/")).text)
    if found is None:
        raise RuntimeError("no CSRF token on the sign-in page")
    response = await client.post("/login", data={"username": username, "csrf_token": found[1],
                                                 "password": DEMO_PASSWORD},
                                 follow_redirects=False)
    if response.status_code != 303 or response.headers["location"].startswith("/login"):
        raise RuntimeError(f"{username} could not sign in: {response.status_code}")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


@dataclass
class Figures:
    """What one load run measured: milliseconds per page kind, the errors, the duration."""
    seconds: float
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.times.values())

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def lines(self, target_ms: float | None = None) -> list[str]:
        out = [f"{self.requests:,} requests ({self.rate:.1f}/s), {len(self.errors)} errors"]
        for kind, values in sorted(self.times.items()):
            verdict = "" if target_ms is None else (
                "  OK" if p95(values) <= target_ms else f"  MISSED (target ≤ {target_ms:.0f} ms)")
            out.append(f"  {kind:9s} n={len(values):6d} p50={statistics.median(values):7.1f} ms"
                       f" p95={p95(values):7.1f} ms{verdict}")
        return out + [f"  error: {e}" for e in self.errors[:10]]


def ratio_lines(runs: dict[int, Figures]) -> list[str]:
    """Each worker count against the first (the baseline), measured in the same run."""
    first, *others = runs
    base = runs[first]
    out = []
    for n in others:
        run = runs[n]
        kinds = ", ".join(f"{k} {p95(run.times[k]) / p95(base.times[k]):.2f}×"
                          for k in sorted(base.times) if k in run.times)
        out.append(f"{n} workers vs {first} (baseline): {run.rate / base.rate:.2f}× the requests "
                   f"per second; p95 {kinds}")
    return out


async def _user(client: httpx.AsyncClient, walk: Walk, until: float, think: float,
                figures: Figures, rng: random.Random) -> None:
    """With think time, users start spread over one pause and pause 0.5–1.5× ``think``: in step
    they would all ask for the same page kind at the same moment, round after round."""
    if think:
        await asyncio.sleep(rng.uniform(0, think))
    kind, url, expected = next(walk)
    while time.monotonic() < until:
        started = time.perf_counter()
        text = ""
        try:
            response = await client.get(url)
            text = response.text
            wrong = problem(response, expected)
        except httpx.HTTPError as exc:
            wrong = type(exc).__name__
        figures.times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        if wrong:
            figures.errors.append(f"{url} → {wrong}")
        if think:
            await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
        kind, url, expected = walk.send(text)


def problem(response: httpx.Response, expected: str) -> str:
    if not 200 <= response.status_code < 400:
        return str(response.status_code)
    if response.is_redirect:
        to = response.headers.get("location", "")
        return "redirected to sign in" if to == "/" or to.startswith(("/?", "/login")) else ""
    return f"page without {expected!r}" if expected and expected not in response.text else ""


async def _load(base: str, users: list[tuple[str, Walk]], seconds: float,
                think: float) -> Figures:
    clients = [httpx.AsyncClient(base_url=base, timeout=60) for _ in users]
    try:
        for client, (username, _) in zip(clients, users, strict=True):
            await login(client, username)  # all sign in first; the clock starts after
        figures = Figures(seconds)
        until = time.monotonic() + seconds
        await asyncio.gather(*(_user(c, walk, until, think, figures, random.Random(i))
                               for i, (c, (_, walk)) in enumerate(zip(clients, users,
                                                                      strict=True))))
        return figures
    finally:
        for client in clients:
            await client.aclose()


def run_users(base: str, users: list[tuple[str, Walk]], seconds: float,
              think: float = 0.0) -> Figures:
    """Each ``(username, walk)`` signs in, then walks for ``seconds`` (closed loop, ``think``
    seconds between pages)."""
    return asyncio.run(_load(base, users, seconds, think))
