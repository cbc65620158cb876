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
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from _webload import (
    INBOX_QUERIES,
    LEAD,
    Figures,
    Walk,
    login,
    p95,
    publish_sample,
    ratio_lines,
    run_users,
    served,
)

# Search with filters: what a prosecutor types, as the inbox receives it (the baseline above).
SEARCH_QUERIES = (
    {"q": "高桂荣"}, {"q": "建峰", "severity": "high"}, {"q": "（2023）浙0683执2234号"},
    {"q": "浙0684 执 6555"}, {"q": "10万以上", "court": "嵊州市人民法院"},
    {"q": "≥50万", "sort": "amount"}, {"q": "50万-100万", "livelihood": "1"},
    {"q": "林涛海 5555"}, {"q": "浙D17777"}, {"q": "嵊州法院 10万以上", "status": "全部"},
    {"q": "王建", "min_amount": "10万", "assignee": "none"}, {"q": "330683198703037777"},
)


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


def browsing(seed: int) -> Walk:
    """One user: inbox pages mostly, lead pages found on them, the dashboard and the cases."""
    rng, keys = random.Random(seed), list[str]()
    while True:
        kind = rng.choices(("inbox", "lead", "dashboard", "cases"), (6, 3, 1, 1))[0]
        if kind == "lead" and keys:
            url = f"/leads/{rng.choice(keys)}"
        elif kind in ("dashboard", "cases"):
            url = f"/{kind}"
        else:
            kind, url = "inbox", f"/leads?{rng.choice(INBOX_QUERIES)}&page={rng.randint(1, 20)}"
        text = yield kind, url, ""
        if kind == "inbox":
            keys = LEAD.findall(text)[:20] or keys


def load(base: str, users: int, seconds: float) -> Figures:
    """Simulated users for ``seconds``; prints the figures."""
    names = ["jcg", "zl", "fzr", "jcg2", "sjcg", "fxy"]
    figures = run_users(base, [(names[i % len(names)], browsing(i)) for i in range(users)],
                        seconds)
    print(f"{users} users × {seconds:.0f} s: " + "\n".join(figures.lines()))
    return figures


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
        publish_sample(app_db, args.leads)
        runs = {n: run_server(app_db, n, args) for n in counts}
    loads = {n: figures for n, figures in runs.items() if figures}
    if len(loads) > 1:
        print("\n".join(ratio_lines(loads)))


def run_server(app_db: str, workers: int, args: argparse.Namespace) -> Figures | None:
    with served(app_db, workers) as base:
        print(f"server: zhongben serve --workers {workers} on {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}")
        plain, found = asyncio.run(both_latencies(base, args.requests))
        for label, times in (("mixed filters (baseline)", plain),
                             ("search + filters", found)):
            print(f"inbox, {args.leads:,} leads, {len(times)} pages ({label}, pages 1–500):"
                  f" p50={statistics.median(times):.1f} ms p95={p95(times):.1f} ms"
                  f" (target ≤ 200 ms: {'OK' if p95(times) <= 200 else 'MISSED'})")
        print(f"search + filters vs baseline: p95 {p95(found) / p95(plain):.2f}×, "
              f"p50 {statistics.median(found) / statistics.median(plain):.2f}×")
        return load(base, args.users, args.seconds) if args.users else None


if __name__ == "__main__":
    main()
