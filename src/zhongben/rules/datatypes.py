"""Which expressions of a rule are dates: enough type inference to refuse date ``+``/``-``
(their result types differ between DuckDB and Spark) without SQLGlot's full optimizer, which is
slow enough to matter when the whole library is validated at every load."""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.scope import Scope

from zhongben.contracts import TABLES
from zhongben.contracts.storage import storage_columns
from zhongben.rules.macros import CALENDAR_TABLE

DATE_TYPES = frozenset({"DATE", "TIMESTAMP", "DATETIME", "TIMESTAMPTZ"})
DATE_MACROS = frozenset({"zb_add_days", "zb_add_months", "zb_add_workdays", "zb_id_birth"})
_TYPES: dict[str, dict[str, str]] = {
    **{name: dict(storage_columns(table)) for name, table in TABLES.items()},
    CALENDAR_TABLE: {"day": "DATE", "is_workday": "BOOLEAN", "workday_index": "INTEGER"},
}


def date_arithmetic(scopes: list[Scope]) -> list[exp.Expr]:
    """``+`` / ``-`` nodes one of whose operands is a date or timestamp."""
    owner = {id(column): scope for scope in scopes for column in scope.columns}
    found: list[exp.Expr] = []
    seen: set[int] = set()
    for scope in scopes:
        for node in scope.expression.find_all(exp.Add, exp.Sub):
            if id(node) in seen:
                continue
            seen.add(id(node))
            if any(is_date(side, owner) for side in (node.this, node.expression)):
                found.append(node)
    return found


def is_date(node: exp.Expr, owner: dict[int, Scope], depth: int = 0) -> bool:
    if depth > 8:
        return False
    if isinstance(node, exp.Paren | exp.Alias):
        return is_date(node.this, owner, depth + 1)
    if isinstance(node, exp.Cast):
        return node.to.this.value in DATE_TYPES
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower() in DATE_MACROS
    if isinstance(node, exp.Column) and id(node) in owner:
        return _column_is_date(owner[id(node)], node, owner, depth)
    return False


def _column_is_date(scope: Scope, column: exp.Column, owner: dict[int, Scope], depth: int) -> bool:
    source = _source(scope, column)
    if isinstance(source, exp.Table):
        return _TYPES.get(source.name, {}).get(column.name, "").split("(")[0] in DATE_TYPES
    if isinstance(source, Scope):
        select = source.expression
        while isinstance(select, exp.SetOperation):
            select = select.this
        for projection in getattr(select, "expressions", []):
            if projection.alias_or_name == column.name:
                inner = {**owner, **{id(c): source for c in source.columns}}
                return is_date(projection, inner, depth + 1)
    return False


def _source(scope: Scope, column: exp.Column) -> exp.Table | Scope | None:
    if not column.table:
        selected = [s for _node, s in scope.selected_sources.values()]
        return selected[0] if len(selected) == 1 else None
    current: Scope | None = scope
    while current is not None:
        if column.table in current.sources:
            found = current.sources[column.table]
            return found if isinstance(found, exp.Table | Scope) else None
        current = current.parent
    return None
