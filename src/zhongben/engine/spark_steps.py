"""A query's shared CTEs as separate steps for Spark.

Spark inlines a CTE at every reference (``InlineCTE``): a view that three later CTEs read is
analysed, optimised and run three times, and the plan of a fund-flow rule grows to thousands of
nodes — planning, not the rows, then takes seconds per query. ``split_shared`` takes each CTE of
the top-level WITH that is read more than once (after the ones before it are split off) out of the
query, to be stored once by the engine (``SparkEngine``) under a session name; the query then
reads the stored rows.

A CTE that only picks columns and rows of one table (no join, grouping, window, subquery) stays
inlined: storing it costs a job copying the table (``fund_moves``' legs: every transaction), and
reading the table again is cheaper and adds a few plan nodes only.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import sqlglot
from sqlglot import exp

STEP_PREFIX = "zb_step_"


def split_shared(sql: str) -> tuple[list[tuple[str, str]], str]:
    """(steps, query): each step (session name, its SQL) to store in order, then the query
    reading them; ``([], sql)`` when no CTE is read twice."""
    tree = sqlglot.parse_one(sql, read="spark")
    with_ = tree.args.get("with_") if isinstance(tree, exp.Select) else None
    if with_ is None or with_.recursive:
        return [], sql
    ctes = list(with_.expressions)
    tag = hashlib.sha256(sql.encode()).hexdigest()[:12]
    names = {cte.alias for cte in ctes}
    nested = {c.alias for w in tree.find_all(exp.With) if w is not with_ for c in w.expressions}
    counts: Counter[str] = Counter()
    for node in [*ctes, tree]:
        body = node.this if isinstance(node, exp.CTE) else node.copy()
        if not isinstance(node, exp.CTE):
            body.set("with_", None)
        counts.update(t.name for t in body.find_all(exp.Table)
                      if t.name in names and not t.args.get("db"))
    shared = [c for c in ctes if counts[c.alias] > 1 and c.alias not in nested
              and not _scan_only(c.this)]
    if not shared:
        return [], sql
    steps: list[tuple[str, str]] = []
    renamed: dict[str, str] = {}
    kept: list[exp.CTE] = []
    for cte in ctes:
        if cte in shared:
            store = f"{STEP_PREFIX}{tag}_{cte.alias}"
            body = _with(cte.this.copy(), kept)
            _rename(body, renamed)
            steps.append((store, body.sql(dialect="spark")))
            renamed[cte.alias] = store
        else:
            kept.append(cte)
    for node in [*kept, tree]:
        _rename(node, renamed)
    with_.set("expressions", kept)
    if not kept:
        tree.set("with_", None)
    return steps, tree.sql(dialect="spark")


_NOT_SCAN = (exp.Join, exp.Window, exp.AggFunc, exp.Subquery, exp.Union, exp.Rand, exp.Uuid,
             exp.Distinct, exp.Group, exp.Limit, exp.Order, exp.Lateral, exp.Unnest, exp.Explode)


def _scan_only(body: exp.Expr) -> bool:
    """Whether ``body`` only picks columns and rows of one table (cheap to compute again)."""
    selects = list(body.find_all(exp.Select))
    return (isinstance(body, exp.Select) and len(selects) == 1 and not body.args.get("with_")
            and len(list(body.find_all(exp.Table))) == 1
            and not any(body.find(kind) for kind in _NOT_SCAN))


def _with(body: exp.Expr, ctes: list[exp.CTE]) -> exp.Expr:
    """``body`` with the not-stored CTEs before it that it reads, as its own WITH."""
    reads = {t.name for t in body.find_all(exp.Table) if not t.args.get("db")}
    needed: list[exp.CTE] = []
    for cte in reversed(ctes):
        if cte.alias in reads:
            needed.append(cte.copy())
            reads |= {t.name for t in cte.find_all(exp.Table) if not t.args.get("db")}
    if needed and isinstance(body, exp.Query):
        body = exp.select("*").from_(exp.Subquery(this=body, alias="zb_step")) \
            if body.args.get("with_") else body
        body.set("with_", exp.With(expressions=needed[::-1]))
    return body


def _rename(node: exp.Expr, renamed: dict[str, str]) -> None:
    for table in list(node.find_all(exp.Table)):
        if table.name in renamed and not table.args.get("db"):
            alias = table.alias_or_name
            table.set("this", exp.to_identifier(renamed[table.name]))
            table.set("alias", exp.TableAlias(this=exp.to_identifier(alias)))
