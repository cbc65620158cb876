"""The rows a saved rule's tests hold, pseudonymised (脱敏) as the anonymised export does: every
ID, case number, name, address and free text mapped through a keyed pseudonym of the same shape,
the same original always to the same pseudonym within one test file (so joins, and the rule,
still work), with a random key that is thrown away — no one can map them back. Dates, amounts
and categories are kept: the rule's conditions read them."""

from __future__ import annotations

import secrets
from typing import Any

from zhongben.anon.columns import SENSITIVE, kind_of
from zhongben.anon.export import is_person_name
from zhongben.anon.pseudonyms import Pseudonymiser
from zhongben.anon.scrub import scrub

Rows = dict[str, list[dict[str, Any]]]


class TestPseudonyms:
    """One test file's pseudonyms."""

    __test__ = False  # not a pytest class

    def __init__(self, everything: list[Rows]) -> None:
        self.p = Pseudonymiser(secrets.token_bytes(32), 0)
        for rows in everything:
            for table, items in rows.items():
                for row in items:
                    self._collect(table, row)
        for rows in everything:  # identifiers and names first: free text may quote them
            for table, items in rows.items():
                for row in items:
                    for column, value in row.items():
                        if kind_of(table, column) != "text":
                            self.value(kind_of(table, column), value)

    def _collect(self, table: str, row: dict[str, Any]) -> None:
        for column, value in row.items():
            kind = kind_of(table, column)
            if isinstance(value, str) and kind in SENSITIVE:
                self.p.originals.add(value)
                if kind == "name" and is_person_name(value):
                    self.p.person_names.add(value)

    def value(self, kind: str | None, value: Any) -> Any:
        if not isinstance(value, str) or kind is None:
            return value
        if kind == "text":
            return scrub(self.p, value)
        if kind not in SENSITIVE:
            return value
        return self.p.map("id" if kind == "derived" else kind, value)

    def rows(self, rows: Rows) -> Rows:
        return {table: [{c: self.value(kind_of(table, c), v) for c, v in row.items()}
                        for row in items] for table, items in rows.items()}

    def case_no(self, value: str) -> str:
        return str(self.value("case_no", value))

    def subject(self, value: str) -> str:
        return str(self.value("id", value))
