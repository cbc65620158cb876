"""Web benchmark: the lead inbox with 100,000 published leads (p95 per page, target ≤ 200 ms) —
plain filters (the baseline) and, in the same run, search (names whole and part, 案号 typed with
full-width brackets, ID tails, plates, courts, amounts such as 10万以上) with filters applied,
read from the search-term index — and 50 concurrent simulated users on loopback for 2 minutes
(target: no error).

    uv run python benchmarks/web_bench.py [--leads 100000] [--users 50] [--seconds 120]
        [--app-db postgresql://…] [--workers 1,2]

The server runs as a separate process (``zhongben serve [--workers N]``), as in use; figures are
printed for each worker count in the same run, and the ratio to one worker. The simulated users
run on the same machine and take CPU from the server too."""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from zhongben.store.db import open_database
from zhongben.store.demo import DEMO_PASSWORD, sample_leads, seed_demo
from zhongben.store.publish import store_leads
from zhongben.store.search_index import refresh_statistics
from zhongben.web.server import free_port

COURTS = ["嵊州市人民法院", "新昌县人民法院"]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
LEAD = re.compile(r'href="/leads/([0-9a-f]{40})"')
INBOX_QUERIES = ("", "severity=high", "court=嵊州市人民法院", "livelihood=1", "sort=amount",
                 "min_amount=500000", "rule=CC-01&sort=date", "status=待核查",
                 "date_from=2025-05-01&date_to=2025-06-01")
# Search with filters: what a prosecutor types, as the inbox receives it (the baseline above).
SEARCH_QUERIES = (
    {"q": "高桂荣"}, {"q": "建峰", "severity": "high"}, {"q": "（2023）浙0683执2234号"},
    {"q": "浙0684 执 6555"}, {"q": "10万以上", "court": "嵊州市人民法院"},
    {"q": "≥50万", "sort": "amount"}, {"q": "50万-100万", "livelihood": "1"},
    {"q": "林涛海 5555"}, {"q": "浙D17777"}, {"q": "嵊州法院 10万以上", "status": "全部"},
    {"q": "王建", "min_amount": "10万", "assignee": "none"}, {"q": "330683198703037777"},
)


def build(app_db: str, leads: int) -> None:
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
    print(f"published {leads:,} leads in {time.perf_counter() - started:.1f} s")


def start_server(app_db: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "zhongben.cli.main", "serve", "--db", "/nonexistent.duckdb",
           "--app-db", app_db, "--no-publish", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env={**os.environ},
                            start_new_session=True)
    for _ in range(1200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=5).raise_for_status()
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    raise RuntimeError("server did not start")


async def login(client: httpx.AsyncClient, username: str) -> None:
    token = CSRF.search((await client.get("/")).text).group(1)  # type: ignore[union-attr]
    response = await client.post("/login", data={"username": username,
                                                 "password": DEMO_PASSWORD, "csrf_token": token})
    response.raise_for_status()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


async def inbox_latency(base: str, requests: int, search: bool = False) -> list[float]:
    """Inbox pages: the plain filters (baseline) or search with filters (``search``); the two
    kinds alternate request by request when both are measured in one run."""
    async with httpx.AsyncClient(base_url=base, follow_redirects=True, timeout=30) as client:
        await login(client, "fzr")
        rng, times = random.Random(2 if search else 1), []
        for _ in range(requests):
            page = rng.choice((1, 1, 2, 3, 10, 100, 500))
            params = dict(rng.choice(SEARCH_QUERIES)) if search else dict(
                p.split("=", 1) for p in rng.choice(INBOX_QUERIES).split("&") if p)
            started = time.perf_counter()
            response = await client.get("/leads", params={**params, "page": str(page)})
            times.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            if search and "lead-total" not in response.text:
                raise RuntimeError(f"no inbox page for {params}")
    return times


async def both_latencies(base: str, requests: int) -> tuple[list[float], list[float]]:
    """Baseline and search pages measured in the same run, in alternating rounds."""
    plain: list[float] = []
    found: list[float] = []
    for _ in range(5):
        plain += await inbox_latency(base, requests // 5)
        found += await inbox_latency(base, requests // 5, search=True)
    return plain, found


async def user(client: httpx.AsyncClient, seed: int, until: list[float],
               stats: dict[str, list[float]], errors: list[str]) -> None:
    rng = random.Random(seed)
    keys: list[str] = []
    while time.monotonic() < until[0]:
        kind = rng.choices(("inbox", "lead", "dashboard", "cases"), (6, 3, 1, 1))[0]
        if kind == "lead" and keys:
            url = f"/leads/{rng.choice(keys)}"
        elif kind in ("dashboard", "cases"):
            url = f"/{kind}"
        else:
            kind, url = "inbox", f"/leads?{rng.choice(INBOX_QUERIES)}&page={rng.randint(1, 20)}"
        started = time.perf_counter()
        try:
            response = await client.get(url)
            if response.status_code != 200:
                errors.append(f"{url} → {response.status_code}")
            elif kind == "inbox":
                keys = LEAD.findall(response.text)[:20] or keys
        except httpx.HTTPError as exc:
            errors.append(f"{url} → {type(exc).__name__}")
        stats.setdefault(kind, []).append((time.perf_counter() - started) * 1000)


async def load(base: str, users: int, seconds: float) -> float:
    """Simulated users for ``seconds``; prints the figures, returns requests per second."""
    names = ["jcg", "zl", "fzr", "jcg2", "sjcg", "fxy"]
    stats: dict[str, list[float]] = {}
    errors: list[str] = []
    clients = [httpx.AsyncClient(base_url=base, follow_redirects=True, timeout=60)
               for _ in range(users)]
    for i, client in enumerate(clients):  # sign in first; the clock starts after
        await login(client, names[i % len(names)])
    until = [time.monotonic() + seconds]
    await asyncio.gather(*(user(c, i, until, stats, errors) for i, c in enumerate(clients)))
    for client in clients:
        await client.aclose()
    total = sum(len(v) for v in stats.values())
    print(f"{users} users × {seconds:.0f} s: {total:,} requests ({total / seconds:.0f}/s), "
          f"{len(errors)} errors")
    for kind, values in sorted(stats.items()):
        print(f"  {kind:9s} n={len(values):6d} p50={statistics.median(values):7.1f} ms "
              f"p95={p95(values):7.1f} ms")
    for error in errors[:10]:
        print("  error:", error)
    return total / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--app-db", default=None)
    parser.add_argument("--workers", default="1", help="worker counts to compare, e.g. 1,2")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        app_db = args.app_db or str(Path(tmp) / "bench.sqlite")
        build(app_db, args.leads)
        rates = {n: run_server(app_db, n, args) for n in counts}
    if len(rates) > 1:
        first = counts[0]
        for n in counts[1:]:
            print(f"{n} workers vs {first}: {rates[n] / rates[first]:.2f}× the requests per second")


def run_server(app_db: str, workers: int, args: argparse.Namespace) -> float:
    port = free_port()
    server = start_server(app_db, port, workers)
    print(f"server: zhongben serve --workers {workers} on {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    base = f"http://127.0.0.1:{port}"
    try:
        plain, found = asyncio.run(both_latencies(base, args.requests))
        for label, times in (("mixed filters (baseline)", plain),
                             ("search + filters", found)):
            print(f"inbox, {args.leads:,} leads, {len(times)} pages ({label}, pages 1–500):"
                  f" p50={statistics.median(times):.1f} ms p95={p95(times):.1f} ms"
                  f" (target ≤ 200 ms: {'OK' if p95(times) <= 200 else 'MISSED'})")
        print(f"search + filters vs baseline: p95 {p95(found) / p95(plain):.2f}×, "
              f"p50 {statistics.median(found) / statistics.median(plain):.2f}×")
        return asyncio.run(load(base, args.users, args.seconds)) if args.users else 0.0
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
