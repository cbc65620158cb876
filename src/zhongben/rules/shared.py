"""What rules share: named views (``library/_shared/<view>.sql``) and other rules' rows.

A rule names them in ``uses:`` and reads them like tables: a view by its name, a rule's rows by its
id in lower case with ``_`` (``XG-01`` → ``xg_01``), each row with the rule's columns and, for each
evidence marker ``zb_evidence(a, f, …)``, the columns ``a__table``, ``a__file``, ``a__row``,
``a__batch`` and ``a__f``. The compiler inlines them as CTEs (their own CTEs renamed
``<name>__<cte>``) before the as-of views and helpers are applied, so they are seen on the
screening date like everything else, on every engine. Their parameters are the using rule's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import sqlglot
from sqlglot import exp

from zhongben.rules.aliases import evidence_alias, table_of_alias
from zhongben.rules.macros import EVIDENCE
from zhongben.rules.problems import Problem
from zhongben.rules.spec import RULE_ID, Rule, SharedView, Used

SHARED = "_shared"  # the folder of shared views under the library
READ_MARKER = "zbread__"  # stands for the stored rows of a used view until the text is generated
ROW_FIELDS = (("table", "_table"), ("file", "_file"), ("row", "_row"), ("batch", "_batch"))


def cte_name(name: str) -> str:
    """The name a rule's SQL reads a used view or rule by."""
    return name.lower().replace("-", "_") if RULE_ID.match(name) else name


def resolve_uses(
    path: Path,
    names: Sequence[str],
    views: Mapping[str, SharedView],
    rules: Mapping[str, Rule],
) -> tuple[tuple[Used, ...], list[Problem]]:
    """Everything ``names`` needs, what it uses first; problems for unknown names and cycles."""
    order: dict[str, Used] = {}
    problems: list[Problem] = []

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in order:
            return
        if name in trail:
            problems.append(Problem(path, 1, f"uses 循环引用：{' → '.join((*trail, name))}"))
            return
        if RULE_ID.match(name) and name in rules:
            source: Rule | SharedView = rules[name]
        elif name in views:
            source = views[name]
        else:
            problems.append(Problem(path, 1, f"uses 中的 {name} 既不是共用视图也不是规则编号"))
            return
        for used in source.header.uses:
            visit(used, (*trail, name))
        tables = tuple((t, tuple(c)) for t, c in source.header.tables.items())
        order[name] = Used(cte_name(name), source.sql, isinstance(source, Rule), tables)

    for name in names:
        visit(name, ())
    return tuple(order.values()), problems


def inline_used(
    tree: exp.Expr, used: Sequence[Used], read: frozenset[str] = frozenset()
) -> exp.Expr:
    """``tree`` with each used view or rule's rows prepended to its WITH as CTEs.

    ``read``: names computed beforehand (``zhongben.rules.materialise``): not inlined, their
    references become ``READ_MARKER + name`` for the compiler to point at the stored rows; what
    only they need is not inlined either."""
    if not used or not isinstance(tree, exp.Select):
        return tree
    ctes: list[exp.CTE] = []
    for item in reachable(_reads(tree), used, read) if read else used:
        ctes += _as_ctes(item)
    own = tree.args.get("with_")
    with_ = exp.With(expressions=[*ctes, *(own.expressions if own is not None else [])])
    with_.comments = own.comments if own is not None else None
    tree.set("with_", with_)
    if read:
        _rename_tables(tree, {name: f"{READ_MARKER}{name}" for name in read})
    return tree


def reachable(
    names: set[str], used: Sequence[Used], read: frozenset[str] = frozenset()
) -> list[Used]:
    """The items of ``used`` that ``names`` read, directly or through other items, in ``used``'s
    order (what an item uses comes first); ``read`` items are stored rows: nothing they read is
    needed through them."""
    wanted = set(names)
    keep: list[Used] = []
    for item in reversed(used):
        if item.name in wanted and item.name not in read:
            keep.append(item)
            wanted |= _reads(_parse(item.sql))
    return keep[::-1]


def _reads(tree: exp.Expr) -> set[str]:
    return {t.name for t in tree.find_all(exp.Table) if not t.args.get("db")}


@lru_cache(maxsize=256)
def _parse(sql: str) -> exp.Expr:
    return sqlglot.parse_one(sql, read="duckdb")


def _as_ctes(item: Used) -> list[exp.CTE]:
    select = _parse(item.sql).copy()
    assert isinstance(select, exp.Select)
    if item.rule:
        evidence_as_columns(select)
    own = select.args.get("with_")
    select.set("with_", None)
    inner = list(own.expressions) if own is not None else []
    renamed = {cte.alias: f"{item.name}__{cte.alias}" for cte in inner}
    for node in [*inner, select]:
        _rename_tables(node, renamed)
    for cte in inner:
        cte.set("alias", exp.TableAlias(this=exp.to_identifier(renamed[cte.alias])))
    return [*inner, exp.CTE(this=select, alias=exp.TableAlias(this=exp.to_identifier(item.name)))]


def _rename_tables(node: exp.Expr, renamed: dict[str, str]) -> None:
    for table in list(node.find_all(exp.Table)):
        if table.name in renamed and not table.args.get("db"):
            alias = table.alias_or_name  # qualified references keep working
            table.set("this", exp.to_identifier(renamed[table.name]))
            table.set("alias", exp.TableAlias(this=exp.to_identifier(alias)))


def evidence_as_columns(select: exp.Select) -> None:
    """Each top-level ``zb_evidence(a, f, …)`` of a rule → columns ``a__table`` … ``a__f``."""
    items: list[exp.Expr] = []
    for item in select.expressions:
        node = item.unalias()
        if not (isinstance(node, exp.Anonymous) and str(node.name).lower() == EVIDENCE):
            items.append(item)
            continue
        alias = evidence_alias(node)
        table = table_of_alias(select, alias)
        for name, column in ROW_FIELDS:
            value = exp.Literal.string(table) if table and name == "table" else None
            items.append(exp.alias_(value or exp.column(column, table=alias), f"{alias}__{name}"))
        for arg in node.expressions[1:]:
            items.append(exp.alias_(exp.column(arg.name, table=alias), f"{alias}__{arg.name}"))
    select.set("expressions", items)


def placeholders(used: Sequence[Used]) -> set[str]:
    """The parameters the used views and rules read (``:name``)."""
    names: set[str] = set()
    for item in used:
        names |= {str(p.name) for p in _parse(item.sql).find_all(exp.Placeholder)}
    return names
