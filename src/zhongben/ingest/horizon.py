"""The data horizon: up to which date each table's data reaches (its latest event date).

A rule that fires on the *absence* of something (no property search, no action, no payout) can
only know about absences up to the date its data covers: screening on a later date must not
count the uncovered months as time in which nothing happened. The horizon of a table is the
latest of its event dates (the dates a row comes into being or records a later event; planned
dates such as an expiry or an end of term are not events and do not count).

Registries and snapshots (vehicles, real estate, companies …) are extracts whose latest event may
be years old while the extract is current: their horizon is the workspace's data date, the
latest event date of the event streams (cases, actions, payments, transactions …). An event
stream whose latest event lies within ``SLACK_DAYS`` of that date (a quiet week or month, a
monthly extract) also reaches it; one further behind ends at its own latest event.

Computed with one query through the engine (``Engine.fetch``, DuckDB or Spark), stored by ingest
in ``data_horizons`` and printed; recomputed by every screen from the data it screens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from zhongben.contracts import TABLES

HORIZON_COLUMNS: dict[str, tuple[str, ...]] = {
    "cases": ("filed_on", "closed_on", "notice_on", "report_order_on", "applicant_informed_on"),
    "actions": ("acted_on",),
    "payments": ("received_on", "paid_out_on"),
    "auctions": ("announced_on", "started_on"),
    "lawsuits": ("filed_on", "closed_on"),
    "restrictions": ("start_on",),
    "vehicles": ("registered_on", "transferred_on"),
    "vehicle_sightings": ("seen_at",),
    "real_estate": ("acquired_on", "disposed_on"),
    "companies": ("established_on", "deregistered_on"),
    "shareholdings": ("from_on", "to_on"),
    "social_insurance": ("month",),  # a month covers its last day
    "housing_fund": ("as_of",),
    "insurance_policies": ("start_on",),
    "travel": ("travelled_on",),
    "relations": ("from_on", "to_on"),
    "bank_accounts": ("opened_on", "closed_on"),
    "transactions": ("txn_at",),
    "documents": ("ruled_on", "filed_on", "closed_on"),
}
MONTH_TABLES = frozenset({"social_insurance"})
EVENT_STREAMS = frozenset({"cases", "actions", "payments", "lawsuits", "restrictions",
                           "vehicle_sightings", "social_insurance", "travel", "transactions",
                           "documents"})
SLACK_DAYS = 45
HORIZONS_DDL = """
CREATE TABLE IF NOT EXISTS data_horizons (
  table_name VARCHAR PRIMARY KEY, latest_on DATE, row_count BIGINT, batch INTEGER,
  computed_at TIMESTAMP
)"""


class Fetching(Protocol):
    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]: ...


@dataclass(frozen=True)
class Connection:
    """A DB-API connection (DuckDB's) seen as something that fetches."""

    con: Any

    def fetch(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self.con.execute(sql)
        return [d[0] for d in cursor.description], cursor.fetchall()


@dataclass(frozen=True)
class TableHorizon:
    table: str
    latest: dt.date | None  # the date its data reaches; None: the table holds no dated row
    rows: int
    last_event: dt.date | None = None  # its own latest event date

    @property
    def zh(self) -> str:
        return TABLES[self.table].zh


def horizon_sql() -> str:
    parts = []
    for name, columns in HORIZON_COLUMNS.items():
        latest = ", ".join(f"CAST(MAX({c}) AS DATE)" for c in columns)
        latest = f"GREATEST({latest})" if len(columns) > 1 else latest
        parts.append(f"SELECT '{name}' AS table_name, COUNT(*) AS row_count, {latest} AS latest "
                     f"FROM {name}")
    return "\nUNION ALL\n".join(parts)


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def table_horizons(engine: Fetching) -> dict[str, TableHorizon]:
    """Every dated contract table's horizon, by table name."""
    _, rows = engine.fetch(horizon_sql())
    events: dict[str, tuple[int, dt.date | None]] = {}
    for name, count, latest in rows:
        if isinstance(latest, dt.datetime):
            latest = latest.date()
        if latest is not None and name in MONTH_TABLES:
            latest = _month_end(latest)
        events[name] = (int(count), latest if count else None)
    streams = [d for n, (_, d) in events.items() if n in EVENT_STREAMS and d]
    data_date = max(streams) if streams else None
    return {n: TableHorizon(n, _reach(n, last, data_date), count, last)
            for n, (count, last) in events.items()}


def _reach(name: str, last: dt.date | None, data_date: dt.date | None) -> dt.date | None:
    if last is None or data_date is None:
        return last
    if name not in EVENT_STREAMS or (data_date - last).days <= SLACK_DAYS:
        return max(last, data_date)
    return last


def behind(horizons: dict[str, TableHorizon], as_of: dt.date) -> dict[str, TableHorizon]:
    """The tables with rows whose data ends before ``as_of``."""
    return {n: h for n, h in horizons.items() if h.rows and h.latest and h.latest < as_of}


def store_horizons(con: Any, horizons: dict[str, TableHorizon], batch: int) -> None:
    """Keep the horizons after an ingest (a DuckDB connection)."""
    con.execute(HORIZONS_DDL)
    con.execute("DELETE FROM data_horizons")
    con.executemany("INSERT INTO data_horizons VALUES (?, ?, ?, ?, now())",
                    [[h.table, h.latest, h.rows, batch] for h in horizons.values()])


def describe(horizons: dict[str, TableHorizon]) -> str:
    """'执行案件 2026-06-30、执行措施 2026-06-30 …' for the tables holding rows."""
    return "、".join(f"{h.zh} {h.latest.isoformat()}" for h in horizons.values()
                    if h.rows and h.latest)
