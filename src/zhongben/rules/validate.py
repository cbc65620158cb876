"""Validate a rule at load on its SQLGlot AST: it parses, stays in the portable subset, names only
contract tables and columns (declared in its header), uses only declared parameters, returns the
lead columns, and its explanation names only columns it returns. Every problem, with its line."""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError
from sqlglot.optimizer.scope import Scope, traverse_scope

from zhongben.contracts import TABLES
from zhongben.contracts.storage import PROVENANCE, storage_columns
from zhongben.rules.compile import (
    evidence_alias,
    evidence_calls,
    table_of_alias,
)
from zhongben.rules.datatypes import date_arithmetic
from zhongben.rules.macros import CALENDAR_TABLE, EVIDENCE, MACROS, macro_arity_problem
from zhongben.rules.portable import unportable
from zhongben.rules.problems import Problem
from zhongben.rules.shared import cte_name, placeholders
from zhongben.rules.spec import RESERVED_PARAMS, Rule, SharedView

LEAD_COLUMNS = ("case_no", "subject_id")
ENGINE_TABLES: dict[str, frozenset[str]] = {
    CALENDAR_TABLE: frozenset({"day", "is_workday", "workday_index"}),
}
PROVENANCE_NAMES = frozenset(name for name, _ in PROVENANCE)
TEMPLATE_BUILTINS = frozenset({"as_of", "data_until", "case_no", "subject_id", "subject_name"})


def known_columns(table: str) -> frozenset[str]:
    if table in ENGINE_TABLES:
        return ENGINE_TABLES[table]
    return frozenset(name for name, _ in storage_columns(TABLES[table]))


class _Checker:
    """One file's checks: a rule's, or a shared view's (``rule`` None: it has no parameters of
    its own — the rules using it declare them — and no lead columns)."""

    def __init__(self, source: Rule | SharedView, uses: Sequence[str]) -> None:
        self.source = source
        self.rule = source if isinstance(source, Rule) else None
        self.tables = source.header.tables
        self.names = frozenset(cte_name(name) for name in uses)  # read like CTEs
        self.problems: list[Problem] = []

    def add(self, node: exp.Expr | None, message: str) -> None:
        self.problems.append(Problem(self.source.path, self.line(node), message))

    def line(self, node: exp.Expr | None) -> int:
        while node is not None:
            for ident in [node, *node.find_all(exp.Identifier)]:
                meta_line = ident.meta.get("line") if hasattr(ident, "meta") else None
                if meta_line:
                    return self.source.sql_line + int(meta_line) - 1
            node = node.parent
        return self.source.sql_line


def validate_rule(rule: Rule) -> list[Problem]:
    """All problems of one rule (empty when it is usable)."""
    checker = _Checker(rule, rule.header.uses)
    tree = _parsed(checker)
    if tree is not None:
        _check_nodes(checker, tree)
        _check_used(checker, rule)
        _check_tables_and_columns(checker, tree)
        _check_outputs(checker, rule, tree)
    return checker.problems


def validate_view(view: SharedView, views: Mapping[str, SharedView]) -> list[Problem]:
    """All problems of one shared view: as a rule's, without parameters and lead columns."""
    checker = _Checker(view, view.header.uses)
    for name in view.header.uses:
        if name not in views:
            checker.add(None, f"uses 中的 {name} 不是共用视图（共用视图只能使用共用视图）")
    tree = _parsed(checker)
    if tree is not None:
        _check_nodes(checker, tree)
        _check_tables_and_columns(checker, tree)
    return checker.problems


def _parsed(checker: _Checker) -> exp.Select | None:
    """The one SELECT of the file, or None with the problems added."""
    source = checker.source
    try:
        several = ";" in source.sql.strip().rstrip(";")
        trees = sqlglot.parse(source.sql, read="duckdb") if several else [_parse(source.sql)]
    except ParseError as exc:
        for err in exc.errors or [{"line": 1, "description": str(exc)}]:
            line = source.sql_line + int(err.get("line") or 1) - 1
            message = f"SQL 无法解析：{err['description']}"
            checker.problems.append(Problem(source.path, line, message))
        return None
    trees = [t for t in trees if t is not None]
    if len(trees) != 1 or not isinstance(trees[0], exp.Select):
        checker.add(None, "规则须恰好是一条 SELECT 语句（UNION 请放入子查询）")
        return None
    _check_header_tables(checker)
    return trees[0]


def _parse(sql: str) -> exp.Expr:
    return sqlglot.parse_one(sql, read="duckdb")


def _check_used(checker: _Checker, rule: Rule) -> None:
    """What the rule uses reads is the rule's: its parameters and its tables and columns must be
    declared in the rule's header too (the header lists everything the rule needs)."""
    for name in sorted(placeholders(rule.used) - set(rule.header.params) - RESERVED_PARAMS):
        checker.add(None, f"uses 所用的视图或规则读参数 :{name}，须在头部 params 中声明")
    for used in rule.used:
        for table, columns in used.tables:
            for column in sorted(set(columns) - set(rule.header.tables.get(table, []))):
                message = f"uses 所用的 {used.name} 读 {table}.{column}，须在头部 tables 中声明"
                checker.add(None, message)


def _check_header_tables(checker: _Checker) -> None:
    for table in checker.rule.header.absence_of if checker.rule else ():
        if table not in checker.tables:
            checker.add(None, f"头部 absence_of 中的表 {table} 须在头部 tables 中声明")
    for table, columns in checker.tables.items():
        if table not in TABLES:
            checker.add(None, f"头部 tables 中的表 {table} 不在数据契约中")
            continue
        for column in sorted(set(columns) - known_columns(table)):
            checker.add(None, f"头部 tables 中的列 {table}.{column} 不在数据契约中")


def _check_nodes(checker: _Checker, tree: exp.Expr) -> None:
    top_evidence = {id(call) for call in evidence_calls(tree)} if checker.rule else set()
    for node in tree.walk():
        reason = unportable(node)
        if reason:
            checker.add(node, f"不可移植的写法：{reason}")
        if isinstance(node, exp.Placeholder) and checker.rule:
            _check_param(checker, checker.rule, node)
        if isinstance(node, exp.Anonymous):
            _check_function(checker, node, top_evidence)
    if checker.rule:
        rule = checker.rule
        used = {str(p.name) for p in tree.find_all(exp.Placeholder)} | placeholders(rule.used)
        for name in sorted(set(rule.header.params) - used):
            checker.add(None, f"头部声明的参数 {name} 未在 SQL 中使用")


def _check_param(checker: _Checker, rule: Rule, node: exp.Placeholder) -> None:
    if str(node.name) not in {*rule.header.params, *RESERVED_PARAMS}:
        checker.add(node, f"参数 :{node.name} 未在头部 params 中声明")
    declared = rule.header.params.get(str(node.name))
    if declared and declared.type == "text_list" and not isinstance(node.parent, exp.In):
        checker.add(node, f"列表参数 :{node.name} 只能用在 IN (…) 中")


def _check_function(checker: _Checker, node: exp.Anonymous, top_evidence: set[int]) -> None:
    name = str(node.name).lower()
    if name in MACROS:
        problem = macro_arity_problem(node)
        if problem:
            checker.add(node, problem)
    elif name == EVIDENCE:
        if id(node) not in top_evidence:
            checker.add(node, "zb_evidence 只能作为最外层 SELECT 的一列")
    else:
        checker.add(
            node, f"未知或不可移植的函数 {node.name}（可用：{'、'.join(MACROS)}、{EVIDENCE}）"
        )


def _check_tables_and_columns(checker: _Checker, tree: exp.Expr) -> None:
    ctes = {cte.alias for cte in tree.find_all(exp.CTE)} | checker.names
    declared = checker.tables
    for table in tree.find_all(exp.Table):
        name = table.name
        if name in ctes or name in ENGINE_TABLES:
            continue
        if name not in TABLES:
            checker.add(table, f"表 {name} 不在数据契约中")
        elif name not in declared:
            checker.add(table, f"表 {name} 未在头部 tables 中声明")
    for call in evidence_calls(tree):
        _check_evidence(checker, tree, call)
    try:
        scopes = traverse_scope(tree)
    except Exception as exc:
        checker.add(tree, f"无法分析查询结构：{exc}")
        return
    for scope in scopes:
        for column in scope.columns:
            _check_column(checker, scope, column)
    for node in date_arithmetic(scopes):
        checker.add(
            node,
            "不可移植的写法：日期加减在 DuckDB 与 Spark 上结果类型不同："
            "请用 zb_add_days / zb_days_between",
        )


def _check_evidence(checker: _Checker, tree: exp.Expr, call: exp.Anonymous) -> None:
    alias = evidence_alias(call)
    table = table_of_alias(tree, alias)
    if not table:
        if not _derived_alias(tree, alias, checker.names):
            checker.add(call, f"zb_evidence 的第一个参数须是表或子查询的别名（{alias or '缺失'}）")
        return  # a derived source carries _table, _file, _row, _batch itself; checked at run
    for arg in call.expressions[1:]:
        if not isinstance(arg, exp.Column) or arg.name not in known_columns(table):
            checker.add(arg, f"zb_evidence 字段 {arg.sql()} 不是表 {table} 的列")
        else:
            _check_declared(checker, arg, table, arg.name)


def _derived_alias(tree: exp.Expr, alias: str, used: frozenset[str]) -> bool:
    ctes = {cte.alias for cte in tree.find_all(exp.CTE)} | used
    from_ctes = any(t.alias_or_name == alias and t.name in ctes for t in tree.find_all(exp.Table))
    subqueries = any(s.alias == alias for s in tree.find_all(exp.Subquery))
    return bool(alias) and (from_ctes or subqueries)


def _source_table(scope: Scope | None, alias: str) -> tuple[bool, str | None]:
    """(found, contract/engine table name or None for a derived source) for an alias."""
    while scope is not None:
        source = scope.sources.get(alias)
        if isinstance(source, exp.Table):
            name = source.name
            return True, name if (name in TABLES or name in ENGINE_TABLES) else None
        if source is not None:
            return True, None
        scope = scope.parent
    return False, None


def _check_column(checker: _Checker, scope: Scope, column: exp.Column) -> None:
    marker = column.find_ancestor(exp.Anonymous)
    if marker is not None and str(marker.name).lower() == EVIDENCE:
        return  # checked by _check_evidence
    if column.table:
        found, table = _source_table(scope, column.table)
        if not found:
            checker.add(column, f"列 {column.sql()} 的表别名 {column.table} 未定义")
        elif table:
            _check_known(checker, column, table)
        return
    selected = [source for _node, source in scope.selected_sources.values()]
    tables = [s for s in selected if isinstance(s, exp.Table)]
    if len(selected) == 1 and len(tables) == 1 and tables[0].name in TABLES:
        _check_known(checker, column, tables[0].name)
    elif len(selected) > 1 and column.name not in _projection_names(scope):
        checker.add(column, f"多表查询中的列 {column.name} 须写明表别名")


def _projection_names(scope: Scope) -> set[str]:
    select = scope.expression
    return {e.alias_or_name for e in getattr(select, "expressions", [])}


def _check_known(checker: _Checker, column: exp.Column, table: str) -> None:
    if column.name not in known_columns(table):
        checker.add(column, f"列 {column.name} 不在表 {table} 中")
    else:
        _check_declared(checker, column, table, column.name)


def _check_declared(checker: _Checker, node: exp.Expr, table: str, name: str) -> None:
    if table in ENGINE_TABLES or name in PROVENANCE_NAMES:
        return
    if name not in checker.tables.get(table, []):
        checker.add(node, f"列 {table}.{name} 未在头部 tables 中声明")


def _check_outputs(checker: _Checker, rule: Rule, tree: exp.Select) -> None:
    names = {e.alias_or_name for e in tree.expressions}
    for required in LEAD_COLUMNS:
        if required not in names:
            checker.add(tree, f"最外层 SELECT 须返回列 {required}（无则写 CAST(NULL AS VARCHAR)）")
    fields = {
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(rule.header.explanation)
        if field
    }
    allowed = names | set(rule.header.params) | TEMPLATE_BUILTINS
    for field in sorted(fields - allowed):
        checker.problems.append(
            Problem(rule.path, 1, f"说明模板中的 {{{field}}} 不是规则返回的列或参数")
        )
