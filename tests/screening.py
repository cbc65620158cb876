"""Screening a DuckDB connection in tests, as the façade does: the DuckDB engine, the library,
the workspace's leads store (unless ``store=False``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb

import zhongben.rules.loader as loader
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.leads.scope import Scope
from zhongben.leads.store import WorkspaceLeads
from zhongben.rules.screen import Progress, ScreenResult, screen


def screen_on(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    rule_ids: Sequence[str] | None = None,
    scope: Scope | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    store: bool = True,
    progress: Progress | None = None,
    share: bool = True,
) -> ScreenResult:
    leads = WorkspaceLeads(con) if store else None
    return screen(DuckDBEngine(con), loader.load_library(), as_of, rule_ids, scope, params,
                  leads, progress, share)
