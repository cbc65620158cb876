"""After the court replies, the originating rule is re-run on the case: did the fix happen?

The rule engine's single-case entry point is used when the workspace offers it
(``Workspace.rerun_lead(rule_id, case_no, subject_id) -> bool``: does the lead still fire?).
Until then the answer comes from the workspace's ``leads`` table: a lead the latest screen no
longer produces has ``status = 'resolved'``. The result records which of the two answered."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.store.models import Lead, Matter


def recheck_matter(session: Session, matter: Matter, workspace: str | None) -> dict[str, Any]:
    leads = list(session.scalars(select(Lead).where(Lead.matter_id == matter.id)))
    results = [_recheck_lead(lead, workspace) for lead in leads]
    fixed = [r for r in results if r["still_fires"] is False]
    unknown = [r for r in results if r["still_fires"] is None]
    summary = (f"重跑规则 {matter.rule_id}：{len(fixed)}/{len(results)} 条线索已不再命中"
               + (f"，{len(unknown)} 条无法判断" if unknown else ""))
    outcome = {"at": datetime.now().isoformat(timespec="seconds"), "summary": summary,
               "fixed": not unknown and len(fixed) == len(results), "leads": results}
    matter.recheck = outcome
    return outcome


def _recheck_lead(lead: Lead, workspace: str | None) -> dict[str, Any]:
    base = {"lead_key": lead.lead_key, "case_no": lead.case_no}
    if not workspace or not Path(workspace).exists():
        return {**base, "still_fires": None, "source": "无工作区，无法重跑"}
    try:
        return {**base, **_ask_workspace(lead, workspace)}
    except duckdb.Error as exc:
        return {**base, "still_fires": None, "source": f"工作区暂不可读（{type(exc).__name__}）"}


def _ask_workspace(lead: Lead, workspace: str) -> dict[str, Any]:
    from zhongben.workspace import Workspace

    ws = Workspace(workspace)
    rerun = getattr(ws, "rerun_lead", None)
    if callable(rerun):
        return {"still_fires": bool(rerun(lead.rule_id, lead.case_no, lead.subject_id)),
                "source": "规则引擎单案重跑"}
    with duckdb.connect(workspace, read_only=True) as con:
        row = con.execute("select status, last_run from leads where lead_key = ?",
                          [lead.lead_key]).fetchone()
    if row is None:
        return {"still_fires": False, "source": "最近一次筛查未再产生该线索"}
    return {"still_fires": row[0] != "resolved", "source": f"最近一次筛查（批次 {row[1]}）"}
