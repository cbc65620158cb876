"""Drawing the flow report: a layered flow graph (hop by hop, left to right) as PNG (matplotlib)
and as an interactive page (ECharts, vendored; no network needed). The page's body
(``report_body``) is the same for the offline file and the web app; its chart is drawn by
``flows.js`` from JSON data in the page (no inline script, so the app's CSP holds)."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from zhongben.graph.report import PATH_COLUMNS, FlowReport, path_rows
from zhongben.graph.trace import END_KINDS

if TYPE_CHECKING:
    from matplotlib.axes import Axes

COLORS = {
    "own": "#c0392b",
    "linked": "#e67e22",
    "cited": "#8e44ad",
    "other": "#2e86c1",
    "not_obtained": "#7f8c8d",
    "end": "#34495e",
}
KIND_NAMES = {
    "own": "被执行人本人账户",
    "linked": "亲属/关联方账户",
    "cited": "线索所指账户",
    "other": "其他账户（已调取流水）",
    "not_obtained": "未调取流水的账户",
    "end": "取现/无对方账号",
}
STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
ECHARTS = STATIC / "echarts.min.js"
CHART_SCRIPT = STATIC / "flows.js"


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    kind: str
    layer: int
    row: int


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    amount: float
    count: int
    first: str
    last: str


def layout(report: FlowReport) -> tuple[list[Node], list[Link]]:
    """Nodes in layers (own accounts first, then by the earliest hop that reaches them) and the
    edges between them with amounts summed over the traced hops."""
    layer: dict[str, int] = {a: 0 for a in (*report.own_accounts, *report.cited)}
    sums: dict[tuple[str, str], list] = defaultdict(lambda: [0.0, 0, None, None])
    for number, path in enumerate(report.paths):
        for level, hop in enumerate(path.hops, start=1):
            src = hop.from_account or "?"
            dst = hop.to_account or f"end:{number}"
            layer[dst] = min(layer.get(dst, level), level)
            entry = sums[(src, dst)]
            entry[0] += hop.amount
            entry[1] += 1
            day = f"{hop.txn_at:%Y-%m-%d}"
            entry[2] = min(entry[2] or day, day)
            entry[3] = max(entry[3] or day, day)
    rows: dict[int, int] = defaultdict(int)
    nodes = []
    for key in sorted(layer, key=lambda k: (layer[k], k)):
        kind, label = _describe(report, key)
        nodes.append(Node(key, label, kind, layer[key], rows[layer[key]]))
        rows[layer[key]] += 1
    links = [Link(s, t, v[0], v[1], v[2], v[3]) for (s, t), v in sums.items()]
    return nodes, links


def _describe(report: FlowReport, key: str) -> tuple[str, str]:
    if key.startswith("end:"):
        path = report.paths[int(key[4:])]
        return "end", "取现" if path.end_kind == "cash" else "无对方账号"
    label = report.labels.get(key, "户名未知")
    return report.kinds.get(key, "other"), f"{label}\n{report.account(key)}"


def wan(amount: float) -> str:
    return f"{amount / 10_000:,.1f}万"


def write_png(report: FlowReport, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _chinese_font()
    nodes, links = layout(report)
    layers = max((n.layer for n in nodes), default=0) + 1
    height = max((n.row for n in nodes), default=0) + 1
    fig, ax = plt.subplots(figsize=(4 + 3.6 * layers, 2 + 1.1 * height), dpi=110)
    where = {n.key: (n.layer * 3.6, -n.row * 1.1) for n in nodes}
    half = {n.key: _half_width(n.label) for n in nodes}
    for link in links:
        if link.source in where and link.target in where:
            (x1, y1), (x2, y2) = where[link.source], where[link.target]
            step = 1 if x2 >= x1 else -1
            _arrow(
                ax, (x1 + step * half[link.source], y1), (x2 - step * half[link.target], y2), link
            )
    for node in nodes:
        x, y = where[node.key]
        ax.text(
            x,
            y,
            node.label,
            ha="center",
            va="center",
            fontsize=8,
            color="white",
            bbox={"boxstyle": "round,pad=0.4", "fc": COLORS[node.kind], "ec": "none"},
        )
    ax.set_title(
        f"被执行人 {report.debtor_name}（{report.debtor()}）资金流向"
        f"（每笔≥{report.params.min_amount:,.0f}元，{report.params.hops}层，"
        f"相邻间隔≤{report.params.window_days}天）",
        fontsize=11,
    )
    handles = [
        plt.Line2D([], [], marker="s", linestyle="", color=c, label=KIND_NAMES[k])
        for k, c in COLORS.items()
    ]
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    ax.set_xlim(-2.0, (layers - 1) * 3.6 + 2.0)
    ax.set_ylim(-(height - 1) * 1.1 - 0.9, 0.9)
    ax.axis("off")
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)


def _half_width(label: str) -> float:
    """Half the width of a node's box in data units (1 unit ≈ 1 inch; 8-point text)."""
    longest = max(
        sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in line) for line in label.split("\n")
    )
    return longest * 8 / 72 / 2 + 0.08


def _arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], link: Link) -> None:
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "color": "#555",
            "lw": 1,
            "shrinkA": 2,
            "shrinkB": 2,
            "connectionstyle": "arc3,rad=0.08",
        },
    )
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + 0.12)
    ax.text(
        *mid,
        f"{wan(link.amount)}·{link.count}笔",
        fontsize=7,
        ha="center",
        color="#333",
    )


def _chinese_font() -> None:
    import matplotlib
    from matplotlib import font_manager

    wanted = ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "SimHei")
    available = {f.name for f in font_manager.fontManager.ttflist}
    for name in wanted:
        if name in available:
            matplotlib.rcParams["font.family"] = name
            break
    matplotlib.rcParams["axes.unicode_minus"] = False


def chart_data(report: FlowReport) -> dict[str, object]:
    """Nodes and edges for ECharts; node ids are opaque (an account number appears only in a
    label, as the reader may see it)."""
    nodes, links = layout(report)
    kinds = list(COLORS)
    ids = {n.key: f"n{i}" for i, n in enumerate(nodes)}
    return {
        "categories": [{"name": KIND_NAMES[k], "itemStyle": {"color": COLORS[k]}} for k in kinds],
        "nodes": [
            {
                "id": ids[n.key],
                "name": n.label.split("\n")[0],
                "full": n.label.replace("\n", " "),
                "x": n.layer * 320,
                "y": n.row * 90,
                "category": kinds.index(n.kind),
            }
            for n in nodes
        ],
        "links": [
            {
                "source": ids[link.source],
                "target": ids[link.target],
                "value": f"{wan(link.amount)}（{link.count}笔，{link.first}"
                f"{'' if link.first == link.last else '至' + link.last}）",
            }
            for link in links
            if link.source in ids and link.target in ids
        ],
    }


def script_json(data: object) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` from the data)."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        autoescape=True, loader=jinja2.PackageLoader("zhongben.graph", "templates")
    )


def report_body(report: FlowReport, has_chart: bool = True) -> Markup:
    """The report as an HTML fragment: summary, chain ends, the graph's container and data,
    the traced paths (the CSV's table) and the cycles. The page around it loads ECharts and
    ``flows.js``."""
    html = _templates().get_template("_flows_body.html").render(
        r=report,
        end_kinds=END_KINDS,
        end_class={text: kind for kind, text in END_KINDS.items()},
        has_chart=has_chart,
        chart=script_json(chart_data(report)),
        columns=PATH_COLUMNS,
        rows=path_rows(report),
    )
    return Markup(html)  # rendered above with autoescape


def write_html(report: FlowReport, path: Path) -> list[Path]:
    """The interactive page, plus ECharts and the chart script copied beside it (offline)."""
    written = [path]
    has_chart = ECHARTS.exists()
    if has_chart:
        for script in (ECHARTS, CHART_SCRIPT):
            shutil.copyfile(script, path.parent / script.name)
            written.append(path.parent / script.name)
    html = _templates().get_template("flows.html").render(
        r=report, has_chart=has_chart, body=report_body(report, has_chart)
    )
    path.write_text(html, encoding="utf-8")
    return written
