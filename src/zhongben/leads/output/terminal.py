"""A readable terminal table of leads (rich); the CLI prints it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from zhongben.leads.model import Lead
from zhongben.leads.output.labels import SEVERITY_ZH

EXPLANATION_WIDTH = 60


def leads_table(leads: Sequence[Lead], limit: int | None = None) -> Table:
    table = Table(title=f"线索 {len(leads)} 条（按评分排序）", show_lines=False)
    for title, justify in (("评分", "right"), ("规则", "left"), ("名称", "left"),
                           ("严重", "center"), ("案号", "left"), ("当事人", "left"),
                           ("法院", "left"), ("说明", "left")):  # fmt: skip
        table.add_column(title, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for lead in leads[:limit] if limit else leads:
        table.add_row(
            f"{lead.score:.2f}",
            lead.rule_id,
            lead.rule_name,
            SEVERITY_ZH.get(lead.severity, lead.severity),
            lead.case_no or "—",
            lead.subject_name or lead.subject_id or "—",
            lead.court or "—",
            _short(lead.explanation),
        )
    return table


def _short(text: str) -> str:
    return text if len(text) <= EXPLANATION_WIDTH else text[: EXPLANATION_WIDTH - 1] + "…"
