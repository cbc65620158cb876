"""The relation graph as ECharts draws it (``static/relations.js``): nodes named and masked for
the viewer, numbered so no identifier is a key, categories and edge labels in Chinese; a node
whose debtor page the viewer may open carries its address (``href``, opaque: web/debtor_ref)."""

from __future__ import annotations

from typing import Any

from zhongben.graph.late_assets import LateAsset
from zhongben.graph.relations import KIND_LABELS, RelationGraph
from zhongben.web.deps import Viewer

CATEGORIES = ("被执行人", "亲属", "企业", "其他关联人")


def _category(graph: RelationGraph, entity: str, kin: dict[str, str]) -> int:
    if entity == graph.subject:
        return 0
    if entity in kin:
        return 1
    return 2 if entity in graph.companies else 3


def _link_label(kind: str, label: str, ratio: float | None) -> str:
    if kind == "share":
        return f"持股 {ratio:.0%}" if ratio else "持股"
    return label if kind == "kin" else KIND_LABELS.get(kind, label)


def chart_data(graph: RelationGraph, assets: list[LateAsset], viewer: Viewer,
               hrefs: dict[str, str] | None = None) -> dict[str, Any]:
    kin = graph.kin()
    others = {n for e in graph.edges for n in (e.source, e.target)} - {graph.subject}
    entities = [graph.subject, *sorted(others)]
    number = {entity: str(i) for i, entity in enumerate(entities)}
    late = {a.owner for a in assets}
    controllers = dict(graph.controllers)
    nodes = []
    for entity in entities:
        notes = []
        if entity in kin:
            notes.append(kin[entity])
        if entity in graph.controls:
            notes.append(f"被执行人穿透持股 {graph.controls[entity]:.0%}")
        if entity in controllers:
            notes.append(f"实际控制人（穿透持股 {controllers[entity]:.0%}）")
        if entity in late:
            notes.append("债务形成后取得财产")
        nodes.append({"id": number[entity], "name": graph.name(entity),
                      "full": f"{graph.name(entity)}（{viewer.id_no(entity)}）"
                              + ("：" + "，".join(notes) if notes else ""),
                      "category": _category(graph, entity, kin),
                      "symbolSize": 46 if entity == graph.subject else 30,
                      **({"href": hrefs[entity]} if hrefs and entity in hrefs else {})})
    links = [{"source": number[e.source], "target": number[e.target],
              "value": _link_label(e.kind, e.label, e.ratio)} for e in graph.edges]
    return {"categories": [{"name": c} for c in CATEGORIES], "nodes": nodes, "links": links}
