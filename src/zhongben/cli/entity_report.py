"""How ``zhongben evaluate --entities`` shows its figures (table and JSON)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich.table import Table

from zhongben.identity.evaluate import EntityEvaluation


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def entity_table(result: EntityEvaluation) -> Table:
    table = Table(title="身份解析评估（两两配对 / 实体聚类的查准率与查全率）")
    for title in ("分层", "提及", "配对查准", "配对查全", "聚类查准", "聚类查全",
                  "复核后配对查准", "复核后配对查全"):
        table.add_column(title, justify="left" if title == "分层" else "right")
    for s in result.scores:
        table.add_row(s.stratum, f"{s.mentions:,}", _pct(s.pair_precision), _pct(s.pair_recall),
                      _pct(s.cluster_precision), _pct(s.cluster_recall),
                      _pct(s.band_pair_precision), _pct(s.band_pair_recall))
    return table


def entity_json(result: EntityEvaluation) -> dict[str, Any]:
    return {"strata": [asdict(s) for s in result.scores], "review_band": result.review_band,
            "unmatched_truth": result.unmatched_truth}
