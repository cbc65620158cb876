"""How ``zhongben evaluate --entities`` shows its figures (table and JSON)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich import box
from rich.table import Table

from zhongben.identity.evaluate import EntityEvaluation


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


HEADERS = ("分层", "提及", "配对\n查准", "配对\n查全", "聚类\n查准", "聚类\n查全",
           "复核后\n查准", "复核后\n查全")


def entity_table(result: EntityEvaluation) -> Table:
    """Fits an 80-column terminal: two-line headers, no cell wrapped."""
    table = Table(title="身份解析评估（两两配对 / 实体聚类的查准率与查全率）", box=box.SIMPLE_HEAD,
                  pad_edge=False, caption_justify="left",
                  caption="复核后：复核区的配对按真值判定后的两两配对查准率与查全率")
    for title in HEADERS:
        table.add_column(title, justify="left" if title == "分层" else "right", no_wrap=True)
    for s in result.scores:
        table.add_row(s.stratum, f"{s.mentions:,}", _pct(s.pair_precision), _pct(s.pair_recall),
                      _pct(s.cluster_precision), _pct(s.cluster_recall),
                      _pct(s.band_pair_precision), _pct(s.band_pair_recall))
    return table


def entity_json(result: EntityEvaluation) -> dict[str, Any]:
    return {"strata": [asdict(s) for s in result.scores], "review_band": result.review_band,
            "unmatched_truth": result.unmatched_truth}
