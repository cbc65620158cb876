"""A builder spec → an ordinary rule file: the YAML header (dumped by yaml.safe_dump, so the
user's title is a quoted YAML string) and one SELECT assembled on the SQLGlot tree from the
catalogue's fragments, the user's values bound only as declared parameters (``:name``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlglot
import yaml
from sqlglot import exp

from zhongben.rules.builder.catalogue import (
    ASSET_SOURCES,
    MISSING_STEP,
    MISSING_STEP_WHERE,
    PAYMENT_SOURCES,
    POPULATION_TABLES,
    TRAVEL,
    TRAVEL_RESTRICTED,
    Source,
)
from zhongben.rules.builder.spec import (
    KIND_NAMES,
    AssetAfter,
    BuilderSpec,
    MissingStep,
    PaymentOver,
    TravelInWindow,
)

TERMINATED = "c.close_method = '终结本次执行程序'"
NO_BASIS = "自定义模型（未选法律依据）"


@dataclass(frozen=True)
class Generated:
    header: dict[str, Any]
    sql: str

    def text(self) -> str:
        """The rule file's text."""
        head = yaml.safe_dump(self.header, allow_unicode=True, sort_keys=False, width=1000)
        return f"/*\n{head}*/\n{self.sql}\n"


def source_of(condition: Any) -> Source:
    if isinstance(condition, AssetAfter):
        return ASSET_SOURCES[condition.source]
    if isinstance(condition, PaymentOver):
        return PAYMENT_SOURCES[condition.source]
    if isinstance(condition, TravelInWindow):
        return TRAVEL if condition.window == "after" else TRAVEL_RESTRICTED
    return MISSING_STEP


def _params(spec: BuilderSpec) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    pop = spec.population
    if pop.courts:
        out["courts"] = {"type": "text_list", "default": list(pop.courts), "label": "执行法院"}
    if pop.closed_from:
        out["closed_from"] = {"type": "date", "default": pop.closed_from, "label": "终本日期起"}
    if pop.closed_until:
        out["closed_until"] = {"type": "date", "default": pop.closed_until, "label": "终本日期止"}
    for n, cond in enumerate(spec.conditions, start=1):
        if isinstance(cond, PaymentOver):
            out[f"amount_{n}"] = {"type": "number", "default": float(cond.amount),
                                  "label": "单笔金额下限", "unit": "元"}
        elif isinstance(cond, TravelInWindow):
            if cond.window == "after":
                out[f"days_{n}"] = {"type": "integer", "default": cond.days,
                                    "label": "终本后出行的天数", "unit": "天"}
            out[f"mode_{n}"] = {"type": "text", "default": cond.mode, "label": "出行方式"}
        elif isinstance(cond, MissingStep):
            out[f"step_{n}"] = {"type": "text", "default": cond.step, "label": "终本前应采取的措施"}
    return out


def _tables(spec: BuilderSpec) -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {k: list(v) for k, v in POPULATION_TABLES.items()}
    for cond in spec.conditions:
        for table, columns in source_of(cond).tables.items():
            known = tables.setdefault(table, [])
            known.extend(c for c in columns if c not in known)
    return tables


def _population_where(spec: BuilderSpec) -> list[str]:
    terms = [TERMINATED]
    if spec.population.courts:
        terms.append("c.court IN (:courts)")
    if spec.population.closed_from:
        terms.append("c.closed_on >= :closed_from")
    if spec.population.closed_until:
        terms.append("c.closed_on <= :closed_until")
    return terms


def build_select(spec: BuilderSpec) -> exp.Select:
    """The rule's SELECT as a SQLGlot tree."""
    select = (
        exp.select("c.case_no", "p.id_no_entity AS subject_id", "p.name AS subject_name",
                   "c.closed_on")
        .from_("cases AS c")
        .join("parties AS p", on="p.case_no = c.case_no AND p.role = '被执行人'"
              " AND p.id_no_entity IS NOT NULL")
    )
    evidence = ["zb_evidence(c, case_no, court, closed_on, close_method)",
                "zb_evidence(p, role, name, id_no)"]
    where = _population_where(spec)
    for n, cond in enumerate(spec.conditions, start=1):
        source, alias = source_of(cond), f"k{n}"
        if isinstance(cond, MissingStep):
            where.append(MISSING_STEP_WHERE.format(k=alias, n=n))
            continue
        for fragment in source.joins:
            select = select.join(_join(fragment.format(k=alias, n=n)))
        select = select.select(exp.alias_(sqlglot.parse_one(source.fact.format(k=alias)),
                                          f"hit_{n}"))
        evidence.extend(item.format(k=alias, n=n) for item in source.evidence)
    select = select.select(*evidence)
    return select.where(" AND ".join(where))


def _join(fragment: str) -> exp.Join:
    tree = sqlglot.parse_one(f"SELECT 1 FROM zb_x {fragment}", read="duckdb")
    joins = tree.args["joins"]
    return joins[0]


def explanation(spec: BuilderSpec) -> str:
    parts = ["案件{case_no}于{closed_on}以终结本次执行程序结案，"
             "被执行人{subject_name}（{subject_id}）"]
    for n, cond in enumerate(spec.conditions, start=1):
        if isinstance(cond, MissingStep):
            parts.append(f"终本前未见{{step_{n}}}措施")
        else:
            parts.append(f"{source_of(cond).fact_label}：{{hit_{n}}}")
    return "，".join(parts) + "。"


def describe(spec: BuilderSpec) -> list[str]:
    """The spec in Chinese, one line per condition (shown on the page, kept in the file)."""
    lines = []
    for n, cond in enumerate(spec.conditions, start=1):
        detail = source_of(cond).label
        if isinstance(cond, PaymentOver):
            detail += f"，单笔不少于 {cond.amount} 元"
        elif isinstance(cond, TravelInWindow):
            detail = (f"{cond.mode}出行，终本后 {cond.days} 天内" if cond.window == "after"
                      else f"{cond.mode}出行，终本后且在限制消费期间")
        elif isinstance(cond, MissingStep):
            detail = f"终本前未{cond.step}"
        lines.append(f"条件{n}（{KIND_NAMES[cond.kind]}）：{detail}")
    return lines


def generate(spec: BuilderSpec, rule_id: str) -> Generated:
    """The rule file for ``spec`` under ``rule_id``."""
    header: dict[str, Any] = {
        "id": rule_id, "version": 1, "name": spec.name, "family": spec.family,
        "severity": spec.severity, "grain": "case_subject",
        "basis": [{"text": spec.basis or NO_BASIS, "status": "U"}],
        "tables": _tables(spec),
    }
    params = _params(spec)
    if params:
        header["params"] = params
    if any(isinstance(c, MissingStep) for c in spec.conditions):
        header["absence_of"] = ["actions"]
    header["explanation"] = explanation(spec)
    sql = build_select(spec).sql(dialect="duckdb", pretty=True)
    sql = re.sub(r"\$([a-z][a-z0-9_]*)\b", r":\1", sql)  # SQLGlot writes placeholders as $name
    comment = "".join(f"-- {line}\n" for line in ["无代码规则构建器生成", *describe(spec)])
    return Generated(header, comment + sql)
