"""After the court replies, the originating rule is re-run on the case: did the fix happen?

The rule (with the parameters the lead was found with) runs on the analytical workspace, opened
read-only, as of today, without storing anything (``zhongben.rules.run.run_rule``); the lead
"still fires" when its identity (rule, case, subject) is among the rule's results. When the rule
cannot be run (workspace busy or missing, rule gone from the library) the answer says so."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.engine.opener import WorkspaceError, open_read
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
    if not workspace:
        return {**base, "still_fires": None, "source": "无工作区，无法重跑"}
    try:
        return {**base, **_ask_workspace(lead, workspace)}
    except WorkspaceError as exc:  # missing, damaged, or another process holds the writer
        return {**base, "still_fires": None, "source": f"{exc}无法重跑"}


def _ask_workspace(lead: Lead, workspace: str) -> dict[str, Any]:
    from zhongben.engine.duckdb import DuckDBEngine
    from zhongben.rules.local import workspace_library
    from zhongben.rules.problems import RuleError
    from zhongben.rules.run import prepare, run_rule

    try:
        rule = workspace_library(workspace).get(lead.rule_id)
    except RuleError:
        return {"still_fires": None, "source": "工作区本地规则库有误，无法重跑"}
    if rule is None:
        return {"still_fires": None, "source": f"规则库中已无规则 {lead.rule_id}"}
    today = date.today()
    rule = rule.in_force(today)  # the version in force today (rules.versions)
    if rule is None:
        return {"still_fires": None, "source": f"规则 {lead.rule_id} 今日尚无生效的版本"}
    with open_read(workspace) as con:
        engine = DuckDBEngine(con)
        prepare(engine)
        found = run_rule(engine, rule, today, lead.params or None)
    identity = (lead.rule_id, lead.case_no, lead.subject_id)
    still = identity in {x.identity for x in found}
    return {"still_fires": still,
            "source": f"规则 {lead.rule_id} v{rule.header.version} 于 {today} 重跑"}
