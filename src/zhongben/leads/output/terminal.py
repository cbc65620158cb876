"""A readable terminal table of leads (rich); the CLI prints it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from zhongben.leads.model import Lead
from zhongben.leads.output.labels import SEVERITY_ZH

EXPLANATION_WIDTH = 60


def leads_table(leads: Sequence[Lead], limit: int | None = None) -> Table:
    table = Table(title=f"线索 {len(leads)} 条（按评分排序）", show_lines=False)
    table.add_column("评分", justify="right", no_wrap=True)
    table.add_column("规则", no_wrap=True)
    table.add_column("严重", justify="center", no_wrap=True)
    table.add_column("案号", no_wrap=True)
    table.add_column("当事人", overflow="fold")
    table.add_column("法院", overflow="fold")
    table.add_column("说明", overflow="fold", ratio=1)
    for lead in leads[:limit] if limit else leads:
        table.add_row(
            f"{lead.score:.2f}",
            lead.rule_id,
            SEVERITY_ZH.get(lead.severity, lead.severity),
            lead.case_no or "—",
            lead.subject_name or lead.subject_id or "—",
            lead.court or "—",
            _short(lead.explanation),
        )
    return table


def _short(text: str) -> str:
    return text if len(text) <= EXPLANATION_WIDTH else text[: EXPLANATION_WIDTH - 1] + "…"
