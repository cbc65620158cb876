"""Chinese words for lead fields, shared by every output (terminal, workbook, web app, Word):
what a user reads never shows a code name, a table name or a parameter's key."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from pathlib import PurePath
from typing import Any

from zhongben.contracts import TABLES

SEVERITY_ZH = {"high": "高", "medium": "中", "low": "低"}
STATUS_ZH = {"V": "已核实", "S": "二手来源", "U": "待核实"}
# Columns a rule derives in its evidence rows (not contract columns), and profile summaries.
DERIVED_FIELDS = {
    "asset_id": "财产编号", "asset_type": "财产类型", "conduct": "行为", "detail": "详情",
    "event": "事件", "event_on": "发生日期", "from_account": "转出账户", "to_account": "转入账户",
    "held_from": "持有起始日", "held_until": "持有截止日", "holding": "持有情况", "item": "项目",
    "moved_on": "转移日期", "other_case_no": "其他案号", "receiver_id": "受让人证件号",
    "relative_id": "关联人证件号", "month": "月份", "inflow": "流入（元）", "outflow": "流出（元）",
    "n": "笔数", "id_no": "证件号码", "company_uscc": "企业统一社会信用代码",
    "subject_id": "证件号码", "subject_name": "姓名或名称",
}


@cache
def _contract_names() -> dict[str, str]:
    return {c.name: c.zh for t in TABLES.values() for c in t.columns}


def table_zh(table: str | None) -> str:
    spec = TABLES.get(table or "")
    return spec.zh if spec else DERIVED_FIELDS.get(table or "", table or "")


def field_zh(name: str, table: str | None = None) -> str:
    """The Chinese name of a column, of ``table`` when given (names repeat across tables)."""
    spec = TABLES.get(table or "")
    for col in spec.columns if spec else ():
        if col.name == name:
            return col.zh
    return DERIVED_FIELDS.get(name) or _contract_names().get(name, name)


def file_name(path: Any) -> str:
    """A source file as the user named it (its name, not the server's folders)."""
    return PurePath(str(path)).name if path else ""


def value_text(value: Any) -> str:
    if value is None:
        return "空"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal | float) and not isinstance(value, bool):
        return f"{value:,.2f}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "、".join(value_text(v) for v in value)
    return str(value)


def basis_text(basis: list[dict[str, Any]]) -> str:
    """``终本规定 第1条 [已核实]；…`` — U bases shown as 待核实."""
    return "；".join(f"{b['text']}［{STATUS_ZH.get(b['status'], b['status'])}］" for b in basis)


def source_text(item: dict[str, Any]) -> str:
    """Where an evidence row comes from: 执行案件（cases.csv 第12行，第1批导入）."""
    return (f"{table_zh(item.get('table'))}（{file_name(item.get('file'))} 第{item.get('row')}行，"
            f"第{item.get('batch')}批导入）")


def fields_text(item: dict[str, Any]) -> str:
    return "，".join(f"{field_zh(k, item.get('table'))}：{value_text(v)}"
                    for k, v in (item.get("fields") or {}).items())


def evidence_text(evidence: list[dict[str, Any]]) -> str:
    """One line per source row: where it comes from and its fields, in Chinese."""
    return "\n".join(f"{source_text(item)}：{fields_text(item)}" for item in evidence)


def terms_text(terms: list[dict[str, Any]], score: float | None = None) -> str:
    """The score as computed: the product of its terms (``scoring.explain``)."""
    text = " × ".join(f"{t['label']} {t['value']}（{_points(t['points'])}）" for t in terms)
    return f"{text} = {score:.2f}" if score is not None and terms else text


def _points(points: Any) -> str:
    return f"{float(points):g}"


@cache
def _builtin_headers() -> dict[str, Any]:
    try:
        from zhongben.rules.loader import load_library

        return {rid: rule.header for rid, rule in load_library().items()}
    except Exception:  # a catalogue that does not load: no labels, no template texts
        return {}


def _header(rule_id: str) -> Any:
    """The header of a built-in rule, or of a workspace's local rule this process has loaded
    (``rules.local.seen_local_rules``: a local id never repeats a built-in one)."""
    found = _builtin_headers().get(rule_id)
    if found is None:
        from zhongben.rules.local import seen_local_rules

        rule = seen_local_rules().get(rule_id)
        found = rule.header if rule is not None else None
    return found


def params_text(rule_id: str, params: dict[str, Any]) -> list[str]:
    """Each parameter as 中文名 value unit (``期限 30 天``), from the rule's header."""
    header = _header(rule_id)
    labels = {n: (p.label, p.unit) for n, p in header.params.items()} if header else {}
    out = []
    for name, value in params.items():
        label, unit = labels.get(name, ("规则参数", ""))
        out.append(f"{label} {value_text(value)}{(' ' + unit) if unit else ''}")
    return out


PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)(?:[:!][^}]*)?\}")


def template_text(rule_id: str, template: str | None = None) -> str:
    """A rule's explanation template for reading: each ``{placeholder}`` as 〔its Chinese name〕
    (a contract column or a parameter), or 〔…〕 for a value the rule computes."""
    header = _header(rule_id)
    text = template if template is not None else (header.explanation if header else "")
    params = header.params if header else {}

    def name(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in params:
            return f"〔{params[key].label}〕"
        zh = field_zh(key)
        return f"〔{zh}〕" if zh != key else "〔…〕"
    return PLACEHOLDER.sub(name, text)
