"""What an evidence marker's alias names: the alias (its first argument) and the contract table
behind it. Shared by the compiler and the inlining of used rules."""

from __future__ import annotations

from sqlglot import exp

from zhongben.contracts import TABLES


def evidence_alias(call: exp.Expr) -> str:
    first = call.expressions[0] if call.expressions else None
    return first.name if isinstance(first, exp.Column) else ""


def table_of_alias(tree: exp.Expr, alias: str) -> str | None:
    """The contract table an alias names anywhere in the query (None if none or ambiguous)."""
    names = {
        t.name for t in tree.find_all(exp.Table) if t.alias_or_name == alias and t.name in TABLES
    }
    return names.pop() if len(names) == 1 else None
