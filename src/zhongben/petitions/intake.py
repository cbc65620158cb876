"""``zhongben petitions match``: match every petition to its case, screen the matched cases at
once, and record on each resulting lead the petition it came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.leads.store import WorkspaceLeads
from zhongben.petitions.match import Match, match_all
from zhongben.petitions.store import link_leads, save_matches
from zhongben.rules.incremental import screen_cases
from zhongben.rules.spec import Rule


@dataclass
class IntakeReport:
    matches: list[Match]
    leads: int  # leads of the screened cases
    links: int  # lead-source links written
    run_id: int | None

    @property
    def linked(self) -> list[Match]:
        return [m for m in self.matches if m.linked]

    @property
    def unlinked(self) -> list[Match]:
        return [m for m in self.matches if not m.linked]


def intake(con: duckdb.DuckDBPyConnection, library: Mapping[str, Rule], as_of: dt.date,
           params: dict[str, dict[str, Any]] | None = None) -> IntakeReport:
    engine = DuckDBEngine(con)
    matches = match_all(engine)
    save_matches(con, matches)
    cases = sorted({m.case_no for m in matches if m.case_no})
    if not cases:
        return IntakeReport(matches, 0, 0, None)
    scope = {"petitions": [m.petition_no for m in matches if m.linked]}
    result = screen_cases(engine, library, as_of, WorkspaceLeads(con), cases, scope, params)
    links = link_leads(con, [m.petition_no for m in matches])
    return IntakeReport(matches, len(result.leads), links, result.run_id)
