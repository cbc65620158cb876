"""The ``leads`` and ``screen_runs`` tables of the workspace (docs/reference/leads.md).

A lead is upserted by ``lead_key``: re-running never duplicates; a changed lead is updated; an
active lead of a rule that ran, in the run's scope, and no longer produced is marked resolved —
never deleted.

Versions: ``rule_version`` / ``as_of`` (with the explanation and evidence) are the latest run's
that confirmed the lead; ``found_version`` / ``found_as_of`` are the version and screening date
that first found it, set once and never updated; ``versions`` lists every version that has found
it (ascending). A new rule version never rewrites what an older one found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from zhongben.engine.opener import open_write
from zhongben.leads.model import Lead
from zhongben.leads.serialize import to_json

LEADS_DDL = """
CREATE TABLE IF NOT EXISTS leads (
  lead_key VARCHAR PRIMARY KEY, rule_id VARCHAR, rule_version INTEGER, rule_name VARCHAR,
  family VARCHAR, case_no VARCHAR, subject_id VARCHAR, subject_name VARCHAR, court VARCHAR,
  court_code VARCHAR, severity VARCHAR, score DOUBLE, score_terms JSON, livelihood BOOLEAN,
  unpaid_amount DECIMAL(18,2), explanation VARCHAR, legal_basis JSON, evidence JSON, params JSON,
  as_of DATE, status VARCHAR, first_run INTEGER, last_run INTEGER, resolved_run INTEGER,
  first_seen_at TIMESTAMP, updated_at TIMESTAMP, resolved_at TIMESTAMP, identity_links JSON,
  found_version INTEGER, found_as_of DATE, versions JSON
)"""
RUNS_DDL = """
CREATE TABLE IF NOT EXISTS screen_runs (
  run_id INTEGER PRIMARY KEY, as_of DATE, started_at TIMESTAMP, finished_at TIMESTAMP,
  rules JSON, params JSON, scope JSON, lead_count INTEGER
)"""
CONTENT = (
    "rule_version", "rule_name", "family", "subject_name", "court", "court_code", "severity",
    "score", "score_terms", "livelihood", "unpaid_amount", "explanation", "legal_basis",
    "evidence", "params", "identity_links",
)  # fmt: skip
JSON_COLUMNS = frozenset({"score_terms", "legal_basis", "evidence", "params", "identity_links"})


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(LEADS_DDL)
    con.execute("ALTER TABLE leads ADD COLUMN IF NOT EXISTS identity_links JSON")  # issue 15
    _add_found_columns(con)
    con.execute(RUNS_DDL)
    # The run's data-horizon warnings (zhongben.rules.coverage); added to older workspaces.
    con.execute("ALTER TABLE screen_runs ADD COLUMN IF NOT EXISTS horizon_warnings JSON")
    # The version of each rule the run ran ({rule: version}, the one in force on its as_of).
    con.execute("ALTER TABLE screen_runs ADD COLUMN IF NOT EXISTS rule_versions JSON")


def _add_found_columns(con: duckdb.DuckDBPyConnection) -> None:
    """found_version, found_as_of, versions (issue 18); an older workspace's leads are taken to
    have been found by the version and on the date they hold."""
    names = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'leads' "
        "AND table_schema = current_schema()").fetchall()}
    if {"found_version", "found_as_of", "versions"} <= names:
        return
    con.execute("ALTER TABLE leads ADD COLUMN IF NOT EXISTS found_version INTEGER")
    con.execute("ALTER TABLE leads ADD COLUMN IF NOT EXISTS found_as_of DATE")
    con.execute("ALTER TABLE leads ADD COLUMN IF NOT EXISTS versions JSON")
    con.execute("""UPDATE leads SET found_version = coalesce(found_version, rule_version),
                     found_as_of = coalesce(found_as_of, as_of),
                     versions = coalesce(versions, CAST(to_json([rule_version]) AS JSON))""")


class LeadStore(Protocol):
    """Where a screen's leads are kept (the workspace's ``leads`` and ``screen_runs`` tables)."""

    def save_run(
        self,
        as_of: dt.date,
        rules: Sequence[str],
        params: Any,
        scope: Any,
        leads: Sequence[Lead],
        in_scope: Callable[[str | None, str | None], bool] | None = None,
        horizon_warnings: Any = None,
        versions: dict[str, int] | None = None,
    ) -> int:
        """Record a finished run and its leads, all or nothing; the run's id."""


class WorkspaceLeads:
    """The leads store of a DuckDB workspace opened for writing."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def save_run(
        self,
        as_of: dt.date,
        rules: Sequence[str],
        params: Any,
        scope: Any,
        leads: Sequence[Lead],
        in_scope: Callable[[str | None, str | None], bool] | None = None,
        horizon_warnings: Any = None,
        versions: dict[str, int] | None = None,
    ) -> int:
        return save_run(
            self.con, as_of, rules, params, scope, leads, in_scope, horizon_warnings, versions
        )

    def active(self) -> list[tuple[str, str | None, str | None]]:
        """(rule, case, subject) of every active lead (``zhongben.rules.incremental``)."""
        ensure_tables(self.con)
        rows = self.con.execute(
            "SELECT rule_id, case_no, subject_id FROM leads WHERE status = 'active'").fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def last_run(self) -> dict[str, Any] | None:
        """The last run's ``as_of`` and ``horizon_warnings``; None before the first."""
        ensure_tables(self.con)
        row = self.con.execute("SELECT as_of, horizon_warnings FROM screen_runs "
                               "ORDER BY run_id DESC LIMIT 1").fetchone()
        return None if row is None else {"as_of": row[0], "horizon_warnings": row[1]}

    def last_batch(self) -> int | None:
        """The newest finished load batch of the workspace."""
        from zhongben.ingest.catalog import ensure_catalog

        ensure_catalog(self.con)
        row = self.con.execute(
            "SELECT max(batch) FROM _batches WHERE finished_at IS NOT NULL").fetchone()
        return None if row is None or row[0] is None else int(row[0])


def save_run(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    rules: Sequence[str],
    params: Any,
    scope: Any,
    leads: Sequence[Lead],
    in_scope: Callable[[str | None, str | None], bool] | None = None,
    horizon_warnings: Any = None,
    versions: dict[str, int] | None = None,
) -> int:
    """Record the run, upsert its leads and resolve vanished ones, in one transaction: a failure
    leaves the store as it was (no run row without its leads)."""
    ensure_tables(con)
    con.execute("BEGIN TRANSACTION")
    try:
        run_id = _start_run(con, as_of, rules, params, scope, horizon_warnings, versions)
        con.register("zb_staged_leads", _staged(leads))
        _update_existing(con, run_id)
        _insert_new(con, run_id)
        _resolve_vanished(con, run_id, rules, in_scope)
        con.execute(
            "UPDATE screen_runs SET finished_at = now(), lead_count = ? WHERE run_id = ?",
            [len(leads), run_id],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("zb_staged_leads")
    return run_id


def _start_run(
    con: duckdb.DuckDBPyConnection, as_of: dt.date, rules: Sequence[str], params: Any, scope: Any,
    horizon_warnings: Any = None, versions: dict[str, int] | None = None,
) -> int:
    (run_id,) = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM screen_runs").fetchall()[0]
    con.execute(
        "INSERT INTO screen_runs (run_id, as_of, started_at, finished_at, rules, params, scope, "
        "lead_count, horizon_warnings, rule_versions) VALUES (?, ?, now(), NULL, ?, ?, ?, NULL, "
        "?, ?)",
        [run_id, as_of, to_json(list(rules)), to_json(params), to_json(scope),
         to_json(horizon_warnings or []), to_json(versions or {})],
    )
    return int(run_id)


def _staged(leads: Sequence[Lead]) -> pa.Table:
    columns: dict[str, list[Any]] = {
        "lead_key": [],
        "rule_id": [],
        "case_no": [],
        "subject_id": [],
        "as_of": [],
    }
    columns.update({name: [] for name in CONTENT})
    for lead in leads:
        columns["lead_key"].append(lead.key)
        columns["rule_id"].append(lead.rule_id)
        columns["case_no"].append(lead.case_no)
        columns["subject_id"].append(lead.subject_id)
        columns["as_of"].append(lead.as_of)
        for name in CONTENT:
            value = getattr(lead, name)
            columns[name].append(to_json(value) if name in JSON_COLUMNS else value)
    types = {
        "as_of": pa.date32(),
        "unpaid_amount": pa.decimal128(18, 2),
        "score": pa.float64(),
        "rule_version": pa.int32(),
        "livelihood": pa.bool_(),
    }
    return pa.table({n: pa.array(v, types.get(n, pa.string())) for n, v in columns.items()})


def _value(name: str) -> str:
    return f"CAST(s.{name} AS JSON)" if name in JSON_COLUMNS else f"s.{name}"


def _update_existing(con: duckdb.DuckDBPyConnection, run_id: int) -> None:
    changed = " OR ".join(f"leads.{n} IS DISTINCT FROM {_value(n)}" for n in CONTENT)
    sets = ", ".join(f"{n} = {_value(n)}" for n in CONTENT)
    con.execute(
        f"""UPDATE leads SET {sets},
              updated_at = CASE WHEN {changed} OR leads.status <> 'active' THEN now()
                                ELSE leads.updated_at END,
              as_of = s.as_of, status = 'active', last_run = ?, resolved_run = NULL,
              resolved_at = NULL,
              versions = CAST(to_json(list_sort(list_distinct(list_append(
                  coalesce(CAST(leads.versions AS INTEGER[]), []), s.rule_version)))) AS JSON)
            FROM zb_staged_leads AS s WHERE leads.lead_key = s.lead_key""",
        [run_id],
    )


def _insert_new(con: duckdb.DuckDBPyConnection, run_id: int) -> None:
    values = ", ".join(_value(n) for n in CONTENT)
    con.execute(
        f"""INSERT INTO leads (lead_key, rule_id, case_no, subject_id, {", ".join(CONTENT)},
              as_of, status, first_run, last_run, first_seen_at, updated_at, found_version,
              found_as_of, versions)
            SELECT s.lead_key, s.rule_id, s.case_no, s.subject_id, {values}, s.as_of, 'active',
                   ?, ?, now(), now(), s.rule_version, s.as_of,
                   CAST(to_json([s.rule_version]) AS JSON)
            FROM zb_staged_leads AS s
            WHERE s.lead_key NOT IN (SELECT lead_key FROM leads)""",
        [run_id, run_id],
    )


def _resolve_vanished(
    con: duckdb.DuckDBPyConnection,
    run_id: int,
    rules: Sequence[str],
    in_scope: Callable[[str | None, str | None], bool] | None,
) -> None:
    vanished = con.execute(
        """SELECT lead_key, case_no, subject_id FROM leads
           WHERE status = 'active' AND last_run <> ? AND list_contains(?, rule_id)""",
        [run_id, list(rules)],
    ).fetchall()
    keys = [k for k, case_no, subject in vanished if in_scope is None or in_scope(case_no, subject)]
    if keys:
        con.execute(
            """UPDATE leads SET status = 'resolved', resolved_run = ?, resolved_at = now(),
                 updated_at = now()
               WHERE list_contains(?, lead_key)""",
            [run_id, keys],
        )


class LateWorkspaceLeads:
    """The leads store of the workspace at ``path``, opened as its writer only to save: an engine
    other than DuckDB (Spark) computes the leads without holding the workspace."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def save_run(
        self,
        as_of: dt.date,
        rules: Sequence[str],
        params: Any,
        scope: Any,
        leads: Sequence[Lead],
        in_scope: Callable[[str | None, str | None], bool] | None = None,
        horizon_warnings: Any = None,
        versions: dict[str, int] | None = None,
    ) -> int:
        with open_write(self.path) as con:
            return save_run(
                con, as_of, rules, params, scope, leads, in_scope, horizon_warnings, versions
            )
