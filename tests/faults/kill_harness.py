"""Killing ``ingest``, ``screen`` and ``publish`` with SIGKILL at random moments, rerunning each,
and comparing every store with an uninterrupted run. Used by ``test_kill_loop.py`` (a few rounds)
and ``benchmarks/kill_bench.py`` (many)."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from sqlalchemy import MetaData, create_engine, select

from zhongben.contracts import TABLES
from zhongben.contracts.storage import storage_columns
from zhongben.engine.opener import open_read
from zhongben.store.audit_verify import verify_chain
from zhongben.store.db import database_url, open_database

# Bookkeeping that differs between a run and its rerun by design: batch and run numbers, clocks.
VOLATILE = frozenset({"_batch", "first_run", "last_run", "resolved_run", "first_seen_at",
                      "updated_at", "resolved_at", "run_id", "started_at", "finished_at"})
APP_VOLATILE = frozenset({"first_seen_at", "updated_at", "resolved_at", "id", "at"})


def steps(world: Path, ws: Path, as_of: str) -> list[tuple[str, list[str]]]:
    cli = [sys.executable, "-m", "zhongben.cli.main"]
    return [("ingest", [*cli, "ingest", str(world), "--db", str(ws)]),
            ("screen", [*cli, "screen", "--db", str(ws), "--as-of", as_of, "--format", "json",
                        "--out", str(ws.with_suffix(".json")), "--no-publish"]),
            ("publish", [*cli, "publish", "--db", str(ws)])]


BATCH_IN_EVIDENCE = re.compile(r'"batch": ?\d+')


def _plain(row: Any) -> tuple[Any, ...]:
    """A row with the load batch cited in evidence blanked (a row loaded by the rerun of a
    killed ingest comes from the next batch)."""
    def plain(value: Any) -> Any:
        if isinstance(value, list | dict):  # JSON columns read back as Python values
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        return BATCH_IN_EVIDENCE.sub('"batch": 0', value) if isinstance(value, str) else value

    return tuple(plain(v) for v in row)


def _rows(con: duckdb.DuckDBPyConnection, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    keep = [c for c in columns if c not in VOLATILE]
    sql = f'SELECT {", ".join(chr(34) + c + chr(34) for c in keep)} FROM "{table}"'
    return sorted((_plain(r) for r in con.execute(sql).fetchall()), key=repr)


def tables(ws: Path) -> dict[str, Any]:
    """Every contract table of the workspace (generic over ``storage_columns``), comparable."""
    with open_read(ws) as con:
        return {name: _rows(con, name, [c for c, _ in storage_columns(table)])
                for name, table in TABLES.items()}


def state(ws: Path) -> dict[str, Any]:
    """Everything a user relies on, in a comparable form: every contract table (generic over
    ``storage_columns``), the leads, and the published leads of the application database."""
    found = tables(ws)
    with open_read(ws) as con:
        lead_columns = [r[0] for r in con.execute("DESCRIBE leads").fetchall()]
        found["leads"] = _rows(con, "leads", lead_columns)
    app = str(ws.with_suffix(".app.sqlite"))
    engine = create_engine(database_url(app))
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as con:
        for name in ("leads", "lead_details", "profiles", "orgs"):
            table = meta.tables[name]
            cols = [c for c in table.columns if c.name not in APP_VOLATILE]
            found[f"app.{name}"] = sorted((_plain(r) for r in con.execute(select(*cols))),
                                          key=repr)
    engine.dispose()
    sessions = open_database(app)
    with sessions() as s:
        found["app.audit_ok"] = verify_chain(s).ok
    sessions.kw["bind"].dispose()
    return found


def run_all(world: Path, ws: Path, as_of: str) -> dict[str, float]:
    """The uninterrupted run; seconds per step."""
    took = {}
    for name, cmd in steps(world, ws, as_of):
        start = time.monotonic()
        subprocess.run(cmd, check=True, capture_output=True)
        took[name] = time.monotonic() - start
    return took


@dataclass
class Round:
    kills: list[tuple[str, float, bool]] = field(default_factory=list)  # step, at, still running


def killed_round(world: Path, ws: Path, as_of: str, took: dict[str, float],
                 rng: random.Random) -> Round:
    """Each step killed at a random moment of its usual duration, then rerun to completion."""
    result = Round()
    for name, cmd in steps(world, ws, as_of):
        at = rng.uniform(0.05, 1.0) * took[name]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        running = proc.poll() is None
        proc.kill()
        proc.wait()
        result.kills.append((name, at, running))
        rerun = subprocess.run(cmd, capture_output=True, text=True)
        assert rerun.returncode == 0, (name, at, rerun.stderr[-2000:])
    return result


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder / "ws.duckdb"
