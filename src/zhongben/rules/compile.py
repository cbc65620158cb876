"""Compile a rule to SQL for one engine: parameters as literals, contract tables as seen on the
screening date, evidence markers expanded to provenance columns, helpers expanded per dialect.

Rules are written in the portable subset of DuckDB SQL; SQLGlot writes them for each dialect.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlglot
from sqlglot import exp

from zhongben.contracts import TABLES
from zhongben.rules.aliases import evidence_alias, table_of_alias
from zhongben.rules.late import late_columns
from zhongben.rules.macros import EVIDENCE, expand_macros
from zhongben.rules.shared import READ_MARKER, inline_used, reachable
from zhongben.rules.spec import Rule, Used
from zhongben.rules.visibility import SOURCE_MARKER, visible_table

EVIDENCE_PREFIX = "zb_ev"
PARAM_MARKER = "zbparam__"  # stands for a parameter's literal until the SQL text is generated
VIEW_MARKER = "zbview__"  # stands for a table's as-of view until the SQL text is generated
PROVENANCE_FIELDS = ("_file", "_row", "_batch")


@dataclass(frozen=True)
class EvidenceSpec:
    """One evidence marker of a rule: which table's row, which of its fields to show."""

    key: str  # column prefix in the result, e.g. zb_ev1
    table: str  # the contract table; "" when the source is derived and carries a _table column
    alias: str
    fields: tuple[str, ...]

    def column(self, field: str) -> str:
        return f"{self.key}__{field}"


@dataclass(frozen=True)
class Compiled:
    rule_id: str
    dialect: str
    sql: str
    evidence: tuple[EvidenceSpec, ...]
    params: dict[str, Any]
    as_of: dt.date


def parse_rule_sql(rule: Rule) -> exp.Expr:
    """A fresh copy of the rule's parsed SELECT (parsing is cached: it dominates compile time)."""
    return _parse(rule.sql).copy()


@lru_cache(maxsize=512)
def _parse(sql: str) -> exp.Expr:
    return sqlglot.parse_one(sql, read="duckdb")


def literal(value: Any) -> exp.Expr:
    """A parameter value as an SQL literal (never spliced as text)."""
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, dt.date):
        return exp.cast(exp.Literal.string(value.isoformat()), "DATE")
    if isinstance(value, int | float):
        return exp.Literal.number(value)
    return exp.Literal.string(str(value))


def compile_rule(
    rule: Rule,
    dialect: str = "duckdb",
    params: dict[str, Any] | None = None,
    as_of: dt.date | None = None,
    pretty: bool = True,
    whole: frozenset[str] = frozenset(),
    read: Mapping[str, str] | None = None,
    data_until: dt.date | None = None,
    sources: Mapping[str, str] | None = None,
) -> Compiled:
    """The rule's SQL for ``dialect`` with ``params`` (defaults overridden) on ``as_of``.

    ``whole``: tables known to hold nothing dated after ``as_of`` (``visibility.unchanged_tables``),
    read as they are instead of through their as-of view. ``read``: used views or rules' rows
    already stored in a table of the engine (name → table, ``zhongben.rules.materialise``), read
    from it instead of being inlined. ``sources``: contract tables read from other tables of
    the same columns (name → table: ``zhongben.rules.inputs``, a subset of the rows)."""
    values = rule.resolve_params(params)
    day = as_of or dt.date.today()
    stored = dict(read or {})
    template, evidence, tables = _template(
        rule.sql, dialect, pretty, whole, rule.used, frozenset(stored)
    )
    sql = _bind(template, tables, values, day, dialect, stored, data_until, sources)
    return Compiled(rule.id, dialect, sql, evidence, values, day)


def compile_used(
    rule: Rule,
    name: str,
    dialect: str = "duckdb",
    params: dict[str, Any] | None = None,
    as_of: dt.date | None = None,
    pretty: bool = True,
    whole: frozenset[str] = frozenset(),
    read: Mapping[str, str] | None = None,
    data_until: dt.date | None = None,
    sources: Mapping[str, str] | None = None,
) -> str:
    """The rows of ``name`` — a view or rule's rows that ``rule`` uses — as ``rule`` reads them
    (its parameters, ``as_of``, ``whole`` as in ``compile_rule``): one query, ``SELECT *`` from
    the very CTEs ``compile_rule`` inlines. ``read``: other used names stored in tables."""
    values = rule.resolve_params(params)
    day = as_of or dt.date.today()
    stored = {k: v for k, v in (read or {}).items() if k != name}
    used = tuple(reachable({name}, rule.used))
    if not used or used[-1].name != name:
        raise ValueError(f"规则 {rule.id} 不使用 {name}")
    template, _, tables = _template(
        f"SELECT * FROM {name}", dialect, pretty, whole, used, frozenset(stored)
    )
    return _bind(template, tables, values, day, dialect, stored, data_until, sources)


def compile_sql(
    sql: str,
    used: tuple[Used, ...],
    dialect: str,
    values: Mapping[str, Any],
    as_of: dt.date,
    whole: frozenset[str] = frozenset(),
) -> str:
    """Any query in the rules' dialect reading ``used`` views, compiled as a rule is: ``values``
    for its ``:name`` parameters, tables as seen on ``as_of``, helpers expanded."""
    template, _, tables = _template(sql, dialect, False, whole, used)
    return _bind(template, tables, dict(values), as_of, dialect, {})


@lru_cache(maxsize=1024)
def _template(
    sql: str,
    dialect: str,
    pretty: bool,
    whole: frozenset[str],
    used: tuple[Used, ...] = (),
    read: frozenset[str] = frozenset(),
) -> tuple[str, tuple[EvidenceSpec, ...], frozenset[str]]:
    """Everything of a compilation that does not depend on parameter values or the date:
    SQL text with markers for parameters, as-of views and stored rows (cached: it dominates
    compile time)."""
    tree = _parse(sql).copy()
    evidence = expand_evidence(tree)  # before inlining: the rule's own aliases only
    tree = inline_used(tree, used, read)
    for placeholder in list(tree.find_all(exp.Placeholder)):
        placeholder.replace(exp.column(f"{PARAM_MARKER}{placeholder.name}"))
    tables = apply_visibility(tree, dialect, whole)
    expand_macros(tree, dialect)
    if dialect == "duckdb":
        tree = late_columns(tree)
    return tree.sql(dialect=dialect, pretty=pretty), evidence, tables


def _bind(
    template: str,
    tables: frozenset[str],
    values: dict[str, Any],
    day: dt.date,
    dialect: str,
    stored: Mapping[str, str],
    data_until: dt.date | None = None,
    sources: Mapping[str, str] | None = None,
) -> str:
    """The template's markers replaced: as-of views, parameter literals, stored tables
    (``data_until``: as_of unless the data of the rule's absence tables ends before), then the
    tables read (``sources``; a contract table's own name by default)."""
    views = {f"{VIEW_MARKER}{name}": view_sql(name, day, dialect) or SOURCE_MARKER + name
             for name in tables}
    until = min(data_until or day, day)
    bound = {
        f"{PARAM_MARKER}{k}": _literal_sql(v, dialect)
        for k, v in {**values, "as_of": day, "data_until": until}.items()
    }
    reads = {f"{READ_MARKER}{name}": table for name, table in stored.items()}
    sql = insert_views(template, {**views, **bound, **reads})
    return re.sub(rf"\b{SOURCE_MARKER}(\w+)\b",
                  lambda m: (sources or {}).get(m.group(1), m.group(1)), sql)


def _literal_sql(value: Any, dialect: str) -> str:
    if isinstance(value, list):
        return ", ".join(literal(v).sql(dialect=dialect) for v in value)
    # parenthesised so that -:n with n = -5 does not become the comment --5
    return f"({literal(value).sql(dialect=dialect)})"


def evidence_calls(select: exp.Expr) -> list[exp.Anonymous]:
    calls = []
    for item in select.expressions if isinstance(select, exp.Select) else []:
        node = item.this if isinstance(item, exp.Alias) else item
        if isinstance(node, exp.Anonymous) and str(node.name).lower() == EVIDENCE:
            calls.append(node)
    return calls


def expand_evidence(tree: exp.Expr) -> tuple[EvidenceSpec, ...]:
    """Replace each ``zb_evidence(alias, field, …)`` select item by provenance + field columns."""
    specs: list[EvidenceSpec] = []
    new_items: list[exp.Expr] = []
    for item in tree.expressions if isinstance(tree, exp.Select) else []:
        node = item.this if isinstance(item, exp.Alias) else item
        if not (isinstance(node, exp.Anonymous) and str(node.name).lower() == EVIDENCE):
            new_items.append(item)
            continue
        alias = evidence_alias(node)
        fields = tuple(arg.name for arg in node.expressions[1:])
        spec = EvidenceSpec(
            f"{EVIDENCE_PREFIX}{len(specs) + 1}", table_of_alias(tree, alias) or "", alias, fields
        )
        specs.append(spec)
        dynamic = ("_table",) if not spec.table else ()
        for field in (*dynamic, *PROVENANCE_FIELDS, *fields):
            column = exp.column(field, table=alias)
            new_items.append(exp.alias_(column, spec.column(field)))
    if specs:
        tree.set("expressions", new_items)
    return tuple(specs)


def apply_visibility(
    tree: exp.Expr, dialect: str, whole: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Point each contract table reference at a marker for its as-of view, or for the table
    itself when it is seen whole (``whole``, or no as-of view); CTE names are left alone. The
    tables marked for a view."""
    ctes = {cte.alias for cte in tree.find_all(exp.CTE)}
    tables: set[str] = set()
    for table in list(tree.find_all(exp.Table)):
        if table.name in ctes or table.args.get("db") or table.name not in TABLES:
            continue
        if table.name in whole or visible_table(table.name, literal(dt.date(2000, 1, 1))) is None:
            table.set("this", exp.to_identifier(f"{SOURCE_MARKER}{table.name}"))
            table.set("alias", exp.TableAlias(this=exp.to_identifier(table.alias_or_name)))
            continue
        tables.add(table.name)
        alias = exp.TableAlias(this=exp.to_identifier(table.alias_or_name))
        marker = exp.to_identifier(f"{VIEW_MARKER}{table.name}")
        table.replace(exp.Table(this=marker, alias=alias))
    return frozenset(tables)


@lru_cache(maxsize=256)
def view_sql(name: str, as_of: dt.date, dialect: str) -> str | None:
    view = visible_table(name, literal(as_of))
    if view is None:
        return None
    for table in view.find_all(exp.Table):
        table.set("this", exp.to_identifier(f"{SOURCE_MARKER}{name}"))
    return view.sql(dialect=dialect)


def insert_views(sql: str, texts: dict[str, str]) -> str:
    """Replace each marker by its SQL: a view parenthesised, a parameter as its literal(s)."""
    for marker in sorted(texts, key=len, reverse=True):
        text = texts[marker]
        text = f"({text})" if marker.startswith(VIEW_MARKER) else text
        sql = re.sub(rf"\b{marker}\b", _replacement(text), sql)
    return sql


def _replacement(text: str) -> Callable[[re.Match[str]], str]:
    return lambda _match: text
