"""Late columns (DuckDB): read what a rule only *shows* — evidence fields, provenance, names —
after its leads are found, not while its joins run.

A rule's top SELECT names columns of the contract tables it joins (``zb_evidence(p, name, …)``,
``p.name AS subject_name``). Carried through every join, they make a province screen scan and
move wide text columns for the hundreds of thousands of rows a rule filters down to a few dozen.
So the compiler keeps only each such table's ``rowid`` in the query that finds the leads and joins
the few result rows back to their tables for the shown columns. Same rows, same values: only
tables read whole (no as-of view, ``visibility.unchanged_tables``) qualify, since a view's masked
columns are not the stored ones.
"""

from __future__ import annotations

from sqlglot import exp

from zhongben.contracts import TABLES
from zhongben.rules.visibility import SOURCE_MARKER

LEAD_ROWS = "zb_lead_rows"
ROWID_PREFIX = "zb_rowid"  # the key column in the lead rows
LATE_PREFIX = "zb_late"  # the table joined back


def late_columns(tree: exp.Expr) -> exp.Expr:
    """``tree`` with the shown columns of whole contract tables read after the leads are found
    (unchanged when the top SELECT groups, is DISTINCT, or shows no such column)."""
    if not _eligible(tree):
        return tree
    assert isinstance(tree, exp.Select)
    tables = _late_tables(tree)
    if not tables:
        return tree
    return _rewrite(tree, tables)


def _eligible(tree: exp.Expr) -> bool:
    return (
        isinstance(tree, exp.Select)
        and not tree.args.get("group")
        and not tree.args.get("distinct")
        and not any(item.find(exp.AggFunc) for item in tree.expressions)
    )


def _late_tables(tree: exp.Select) -> dict[str, str]:
    """alias → table for the top-level sources read whole that the SELECT shows columns of."""
    ctes = {cte.alias for cte in tree.find_all(exp.CTE)}
    sources: dict[str, str] = {}
    for join in [tree.args.get("from_"), *(tree.args.get("joins") or [])]:
        node = join.this if join is not None else None
        if (
            isinstance(node, exp.Table)
            and node.name.removeprefix(SOURCE_MARKER) in TABLES
            and node.name not in ctes
            and not node.args.get("db")
        ):
            sources[node.alias_or_name] = node.name
    shown = {
        column.table
        for column in (item.unalias() for item in tree.expressions)
        if isinstance(column, exp.Column)
    }
    return {alias: table for alias, table in sources.items() if alias in shown}


def _rewrite(tree: exp.Select, tables: dict[str, str]) -> exp.Select:
    """``WITH …, zb_lead_rows AS (the rule, rowids instead of shown columns) SELECT q.…, late.…
    FROM zb_lead_rows AS q LEFT JOIN <table> AS zb_lateN ON zb_lateN.rowid = q.zb_rowidN``."""
    inner = tree.copy()
    with_ = inner.args.get("with_")
    inner.set("with_", None)
    keys = {alias: str(index) for index, alias in enumerate(tables, start=1)}
    kept: list[exp.Expr] = []
    outer: list[exp.Expr] = []
    for item in inner.expressions:
        column, name = item.unalias(), item.alias_or_name
        if isinstance(column, exp.Column) and column.table in tables:
            late = exp.column(column.name, table=LATE_PREFIX + keys[column.table])
            outer.append(exp.alias_(late, name))
        else:
            kept.append(item)
            outer.append(exp.column(name, table="q"))
    for alias, key in keys.items():
        kept.append(exp.alias_(exp.column("rowid", table=alias), ROWID_PREFIX + key))
    inner.set("expressions", kept)
    query = exp.select(*outer).from_(exp.table_(LEAD_ROWS, alias="q"))
    for alias, key in keys.items():
        late_alias = LATE_PREFIX + key
        on = exp.column("rowid", table=late_alias).eq(exp.column(ROWID_PREFIX + key, table="q"))
        query = query.join(exp.table_(tables[alias], alias=late_alias), on=on, join_type="LEFT")
    lead_rows = exp.CTE(this=inner, alias=exp.TableAlias(this=exp.to_identifier(LEAD_ROWS)))
    ctes = [*(with_.expressions if with_ is not None else []), lead_rows]
    new_with = exp.With(expressions=ctes)
    new_with.comments = with_.comments if with_ is not None else None  # the rule's comment
    query.set("with_", new_with)
    query.comments = inner.comments
    inner.comments = None
    return query
