"""Compute once per screen what several rules read through ``uses:``.

Inlined as CTEs (``zhongben.rules.shared``), a shared view is computed again by every rule that
reads it: ``fund_moves`` by each FL rule. During a screen, each used view (or rule's rows) whose
compiled SQL is the same for two or more of the screen's rules is stored once in a temporary
table of the engine, and those rules read that table instead of inlining it.

Keyed by the compiled text — parameters (a view's are the using rule's), as-of views and helpers
applied — not by name: a view read with two parameter values is stored twice, each rule reading its
own; what one rule alone reads stays inlined. The stored query is the very CTE the rule would
inline (``compile_used``), so the rules find the same rows. Each table is dropped once the last
rule reading it has run, and every table when the screen ends, also after an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any

from zhongben.engine.base import Engine as Materialising
from zhongben.rules.compile import compile_used
from zhongben.rules.spec import Rule

TABLE_PREFIX = "zb_shared_"


class SharedRows:
    """The stored rows of one screen: ``read(rule)`` before a rule runs, ``done(rule)`` after it;
    used as a context manager, which drops whatever is still stored on exit."""

    def __init__(
        self,
        engine: Materialising,
        rules: Sequence[Rule],
        as_of: dt.date,
        params: Mapping[str, dict[str, Any]] | None = None,
        whole: frozenset[str] = frozenset(),
        inputs: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self.engine = engine
        self.inputs = dict(inputs or {})  # rule id → the tables its contract tables are read from
        self.as_of = as_of
        self.params = dict(params or {})
        self.whole = whole
        self._texts: dict[str, dict[str, str]] = {}  # rule id → used name → compiled text
        readers: dict[str, set[str]] = {}  # compiled text → ids of the rules reading it
        for rule in rules:
            texts = {item.name: self._compile(rule, item.name) for item in rule.used}
            self._texts[rule.id] = texts
            for text in texts.values():
                readers.setdefault(text, set()).add(rule.id)
        self._waiting = {text: ids for text, ids in readers.items() if len(ids) > 1}
        self.stored: dict[str, str] = {}  # compiled text → table

    def read(self, rule: Rule) -> dict[str, str]:
        """What ``rule`` reads from stored rows (used name → table), storing it on first need."""
        tables: dict[str, str] = {}
        for item in rule.used:  # what an item uses comes first: it is stored before the item
            text = self._texts.get(rule.id, {}).get(item.name)
            if text is None or text not in self._waiting:
                continue
            if text not in self.stored:
                table = table_name(item.name, text)
                self.engine.materialise(table, self._compile(rule, item.name, tables))
                self.stored[text] = table
            tables[item.name] = self.stored[text]
        return tables

    def done(self, rule: Rule) -> None:
        """``rule`` has run: drop the rows no rule still to run reads."""
        for text in set(self._texts.get(rule.id, {}).values()):
            waiting = self._waiting.get(text)
            if waiting is None:
                continue
            waiting.discard(rule.id)
            if not waiting and text in self.stored:
                self.engine.release(self.stored.pop(text))

    def close(self) -> None:
        """Drop every stored table (each is tried even when dropping another fails)."""
        errors: list[Exception] = []
        for text in list(self.stored):
            try:
                self.engine.release(self.stored.pop(text))
            except Exception as error:  # dropping the others matters more
                errors.append(error)
        if errors:
            raise errors[0]

    def __enter__(self) -> SharedRows:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _compile(self, rule: Rule, name: str, read: Mapping[str, str] | None = None) -> str:
        return compile_used(
            rule,
            name,
            self.engine.dialect,
            self.params.get(rule.id),
            self.as_of,
            pretty=False,
            whole=self.whole,
            read=read,
            sources=self.inputs.get(rule.id),
        )


def table_name(name: str, text: str) -> str:
    """The table storing ``name``'s rows compiled as ``text``: one per distinct text."""
    return f"{TABLE_PREFIX}{name}_{hashlib.sha256(text.encode()).hexdigest()[:16]}"
