"""Web load benchmark (issue 19, part 5): simulated 检察官 working for ten minutes on the
application database on PostgreSQL, against ``zhongben serve --workers N`` for each worker count
in one run — target 0 errors and p95 ≤ 300 ms for every page kind.

    .venv/bin/python benchmarks/web_load.py [--users 50] [--seconds 600] [--workers 1,2,4]
        [--app-db postgresql://…] [--leads 20000] [--cases 300] [--think 0] [--pg-port 55471]

Set-up: without ``--app-db`` the benchmark starts its own PostgreSQL cluster on 127.0.0.1
(``scripts/web/start-postgres.sh`` on ``--pg-port``, database ``zhongben_web_load``, emptied
first) and stops it at the end — only if it started it; a cluster already running on that port
is used and left running. An empty database gets the demo offices and users, ``--leads`` sample
leads published as a screen publishes them, and ``--cases`` cases opened from the two counties'
best leads through the workflow services, each investigated and holding a 检察建议书 draft; a
database that has offices already is used as it is.

Each user signs in (untimed) as the 检察官 of one county (``jcg``, ``jcg2``, alternately) and
walks, closed loop (``--think`` seconds between pages, 0 by default; with think time the
users start spread out and each pause is 0.5–1.5× it): the inbox (a filter, pages
1–5) → search (the case's 案号, its debtor's name or part of it, or 10万以上) → one of the county's
case leads → its case → its 检察建议书. Every page is checked (status 2xx/3xx, no redirect to
sign-in, the link to the next page present); anything else is an error. Printed per worker count:
requests, requests/s, errors, p50/p95 per page kind; then each worker count against the first
(the baseline, same run). The simulated users run on the same machine and take CPU from the
servers. Exit status 1 when any request failed."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from _webload import (
    INBOX_QUERIES,
    Figures,
    Walk,
    p95,
    publish_sample,
    ratio_lines,
    run_users,
    served,
)
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from zhongben.store.db import database_url, open_database
from zhongben.store.models import Document, Lead, Matter, Org, User
from zhongben.workflow.demo_story import draft_cases

ROOT = Path(__file__).resolve().parents[1]
PROSECUTORS = ("jcg", "jcg2")  # the 检察官 of each county (zhongben.store.demo.DEMO_USERS)
PG_DB = "zhongben_web_load"
TARGET_MS = 300.0
KINDS = ("inbox", "search", "lead", "case", "document")


@dataclass(frozen=True)
class Target:
    """A case lead of one county, its case and the case's 检察建议书."""
    lead_key: str
    name: str
    case_no: str
    matter_id: int
    document_id: int


def prosecutor(seed: int, targets: list[Target]) -> Walk:
    rng = random.Random(seed)
    while True:
        t = rng.choice(targets)
        query = f"{rng.choice(INBOX_QUERIES)}&page={rng.randint(1, 5)}"
        yield "inbox", f"/leads?{query}", 'id="leads"'
        q, expected = rng.choice(((t.case_no, f"/leads/{t.lead_key}"), (t.name, "搜索："),
                                  (t.name[:2], "搜索："), ("10万以上", "搜索：")))
        yield "search", "/search?" + urlencode({"q": q}), expected
        yield "lead", f"/leads/{t.lead_key}", f'href="/cases/{t.matter_id}"'
        yield "case", f"/cases/{t.matter_id}", f'href="/documents/{t.document_id}"'
        yield "document", f"/documents/{t.document_id}", f'href="/cases/{t.matter_id}"'


def targets_of(sessions: sessionmaker[Session], username: str) -> list[Target]:
    query = (select(Lead.lead_key, Lead.subject_name, Lead.case_no, Matter.id, Document.id)
             .join(Matter, Matter.id == Lead.matter_id)
             .join(Document, Document.matter_id == Matter.id)
             .join(User, User.org_id == Matter.org_id)
             .where(User.username == username, Document.kind == "检察建议书")
             .order_by(Matter.id))
    with sessions() as session:
        return [Target(k, n or "", c or "", m, d) for k, n, c, m, d in session.execute(query)]


def prepare(app_db: str, leads: int, cases: int) -> dict[str, list[Target]]:
    """Seed an empty database (offices, users, leads, cases with drafts); the walks' targets."""
    sessions = open_database(app_db)
    with sessions() as session:
        empty = session.scalar(select(Org.id).limit(1)) is None
    if empty:
        publish_sample(app_db, leads)
        started = time.perf_counter()
        opened = sum(draft_cases(sessions, name, cases // len(PROSECUTORS))
                     for name in PROSECUTORS)
        print(f"opened {opened} cases, each with a 检察建议书 draft, in "
              f"{time.perf_counter() - started:.1f} s")
    targets = {name: targets_of(sessions, name) for name in PROSECUTORS}
    sessions.kw["bind"].dispose()
    if not all(targets.values()):
        raise SystemExit(f"{app_db}: no case with a 检察建议书 for {'/'.join(PROSECUTORS)}")
    return targets


def _as_postgres(*cmd: str) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return list(cmd) if os.environ.get("USER") == "postgres" else ["sudo", "-u", "postgres", *cmd]


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not found:
        raise SystemExit("PostgreSQL is not installed: run scripts/web/install-system-deps.sh")
    return found[-1]


@contextmanager
def own_postgres(port: int) -> Iterator[str]:
    """A PostgreSQL cluster on 127.0.0.1:``port`` with an empty benchmark database; yields its
    URL. Stopped (and its data removed) at the end only when this call started it."""
    ready = [str(_pg_bin() / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)]
    ours = subprocess.run(ready).returncode != 0
    data = Path(f"/tmp/zhongben-pg-{port}-web-load")
    fresh = not data.exists()
    env = {**os.environ, "ZHONGBEN_PG_PORT": str(port), "ZHONGBEN_PG_DB": PG_DB,
           "ZHONGBEN_PG_DATA": str(data)}
    out = subprocess.run([str(ROOT / "scripts/web/start-postgres.sh")], env=env, check=True,
                         capture_output=True, text=True).stdout
    url = out.rsplit("ZHONGBEN_TEST_PG_URL=", 1)[1].strip()
    print(f"PostgreSQL on 127.0.0.1:{port}" + ("" if ours else " (already running: left so)"))
    try:
        _empty(url)
        yield url
    finally:
        if ours:
            subprocess.run(_as_postgres(str(_pg_bin() / "pg_ctl"), "-D", str(data), "-m",
                                        "fast", "-w", "stop"), check=True,
                           stdout=subprocess.DEVNULL)
            if fresh:
                shutil.rmtree(data)


def _empty(url: str) -> None:
    engine = create_engine(database_url(url))
    with engine.begin() as con:
        con.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def measure(app_db: str, workers: int, args: argparse.Namespace,
            targets: dict[str, list[Target]], log: Path) -> Figures:
    users = []
    for i in range(args.users):
        name = PROSECUTORS[i % len(PROSECUTORS)]
        users.append((name, prosecutor(i, targets[name])))
    with served(app_db, workers, log) as base:
        print(f"server: zhongben serve --workers {workers} on {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}")
        figures = run_users(base, users, args.seconds, args.think)
    print(f"--workers {workers}, {args.users} users × {args.seconds:.0f} s: "
          + "\n".join(figures.lines(TARGET_MS)))
    print(f"  load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return figures


def run(args: argparse.Namespace) -> dict[int, Figures]:
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp, \
            _database(args.app_db, args.pg_port) as app_db:
        targets = prepare(app_db, args.leads, args.cases)
        print(f"app database: {app_db.split('@')[-1]}; "
              f"{sum(map(len, targets.values()))} cases to walk")
        runs = {n: measure(app_db, n, args, targets, Path(tmp) / f"serve-{n}.log")
                for n in counts}
    if len(runs) > 1:
        print("\n".join(ratio_lines(runs)))
    return runs


@contextmanager
def _database(app_db: str | None, port: int) -> Iterator[str]:
    if app_db:
        yield app_db
    else:
        with own_postgres(port) as url:
            yield url


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--workers", default="1,2", help="worker counts, the first the baseline")
    parser.add_argument("--app-db", default=None, help="SQLite file or postgresql:// URL")
    parser.add_argument("--leads", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--think", type=float, default=0.0, help="seconds between pages")
    parser.add_argument("--pg-port", type=int, default=55471)
    return parser.parse_args(argv)


def main() -> int:
    runs = run(parse())
    last = runs[max(runs)]
    slow = [k for k in KINDS if k in last.times and p95(last.times[k]) > TARGET_MS]
    errors = sum(len(f.errors) for f in runs.values())
    print(f"errors in all runs: {errors}; with {max(runs)} workers p95 over {TARGET_MS:.0f} ms: "
          f"{'、'.join(slow) or 'none'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
