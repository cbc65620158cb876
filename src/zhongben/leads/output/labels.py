"""Chinese words for lead fields, shared by every output."""

from __future__ import annotations

from typing import Any

SEVERITY_ZH = {"high": "高", "medium": "中", "low": "低"}
STATUS_ZH = {"V": "已核实", "S": "二手来源", "U": "待核实"}


def basis_text(basis: list[dict[str, Any]]) -> str:
    """``终本规定 第1条 [已核实]；…`` — U bases shown as 待核实."""
    return "；".join(f"{b['text']}［{STATUS_ZH.get(b['status'], b['status'])}］" for b in basis)


def evidence_text(evidence: list[dict[str, Any]]) -> str:
    """One line per source row: table, file, row, batch and its fields."""
    lines = []
    for item in evidence:
        fields = "，".join(f"{k}={_short(v)}" for k, v in item.get("fields", {}).items())
        lines.append(
            f"{item['table']} {item['file']} 第{item['row']}行 批次{item['batch']}：{fields}"
        )
    return "\n".join(lines)


def terms_text(terms: list[dict[str, Any]]) -> str:
    return " × ".join(f"{t['label']} {t['value']}→{t['points']}" for t in terms)


def _short(value: Any) -> str:
    if value is None:
        return "空"
    return str(value)
