"""The search terms of a published lead (the ``lead_terms`` index), written at publication so a
search at 100,000 leads reads an index, never the leads' JSON.

Terms come from the lead itself (案号, subject), the people concerned (``who``), the parties of
its case, its evidence rows (every column the data contract types as a 案号 or an ID, names,
plates) and the vehicles of its debtors. Values are normalised the way the query is
(``normal_*``), so ``（2024）浙0683执3382号`` and ``(2024)浙0683执3382号`` are one term."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from zhongben.contracts import TABLES
from zhongben.contracts.model import ID_KINDS, Kind, Personal
from zhongben.identifiers.case_no import normalise_case_no
from zhongben.identifiers.width import clean, clean_code, fold_brackets, remove_blanks
from zhongben.store.who import Who, is_id

TERM_LENGTH = 200
TAIL_LENGTHS = (4, 5, 6)
YEAR = re.compile(r"^\([0-9]{4}\)")


def normal_name(raw: str | None) -> str | None:
    """Width-folded, brackets as ASCII, no blanks: 某（杭州）公司 = 某(杭州)公司."""
    text = clean(raw) if raw else None
    folded = remove_blanks(fold_brackets(text)) if text else ""
    return folded[:TERM_LENGTH] or None


def normal_code(raw: str | None) -> str | None:
    code = clean_code(raw) if raw else None
    return code[:TERM_LENGTH] if code else None


def case_forms(raw: str | None) -> list[str]:
    """A 案号's canonical form and the same without the year: both find it."""
    canonical = normalise_case_no(raw) if raw else None
    if not canonical:
        return []
    body = YEAR.sub("", canonical)
    return [canonical] if body == canonical else [canonical, body]


def suffixes(name: str) -> list[str]:
    """Every suffix of two characters or more (a part of the name starts one of them)."""
    return [name[i:] for i in range(len(name) - 1)] or [name]


@cache
def _column_roles() -> dict[tuple[str, str], str]:
    """(table, column) → case / id / name / plate, from the data contract's column kinds."""
    roles: dict[tuple[str, str], str] = {}
    for table in TABLES.values():
        for col in table.columns:
            if col.kind == Kind.CASE_NO:
                roles[(table.name, col.name)] = "case"
            elif col.kind in ID_KINDS:
                roles[(table.name, col.name)] = "id"
            elif col.personal == Personal.NAME or col.name.endswith("name"):
                roles[(table.name, col.name)] = "name"
            elif col.name == "plate":
                roles[(table.name, col.name)] = "plate"
    return roles


def _pair_name(fields: dict[str, Any], column: str) -> Any:
    stem = column.removesuffix("_id").removesuffix("_no").removesuffix("_uscc")
    return fields.get(f"{stem}_name") or (fields.get("name") if stem in ("id", "uscc", "subject")
                                          else None)


def _evidence(row: dict[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    """(role, value, the name beside it) of every typed value in the lead's evidence rows."""
    roles = _column_roles()
    for item in row.get("evidence") or []:
        fields = item.get("fields") or {}
        for column, value in fields.items():
            role = roles.get((item.get("table") or "", column))
            if role and isinstance(value, str) and value:
                yield role, value, _pair_name(fields, column) if role == "id" else None


def _people(row: dict[str, Any], who: Who,
            profiles: dict[str, dict[str, Any]]) -> Iterator[tuple[str | None, str | None]]:
    """(name, ID) of everyone the lead names: the people concerned and all its case's parties."""
    for person in who.parties:
        yield person.get("name"), person.get("id_no")
    if row.get("subject_name") or row.get("subject_id"):
        subject = row.get("subject_id")
        yield row.get("subject_name"), subject if is_id(subject) else None
    case = profiles.get(f"case:{row.get('case_no')}", {}) if row.get("case_no") else {}
    for party in case.get("parties", []):
        yield party.get("name"), party.get("id_no")


def lead_terms(row: dict[str, Any], who: Who,
               profiles: dict[str, dict[str, Any]]) -> set[tuple[str, str]]:
    """The (kind, term) pairs of one lead."""
    terms: set[tuple[str, str]] = set()
    for case_no in [row.get("case_no"), *who.related_cases]:
        terms.update(("case", form) for form in case_forms(case_no))
    for name, id_no in _people(row, who, profiles):
        _person(terms, name, id_no)
    for role, value, name in _evidence(row):
        if role == "case":
            terms.update(("case", form) for form in case_forms(value))
        elif role == "id":
            _person(terms, name, value)
        elif role == "name":
            _person(terms, value, None)
        elif (plate := normal_code(value)) is not None:
            terms.add(("plate", plate))
    for person in who.parties:
        for vehicle in profiles.get(person.get("id_no") or "", {}).get("vehicles", []):
            if (plate := normal_code(vehicle.get("plate"))) is not None:
                terms.add(("plate", plate))
    return terms


def _person(terms: set[tuple[str, str]], raw_name: Any, raw_id: Any) -> None:
    name = normal_name(raw_name) if isinstance(raw_name, str) else None
    id_no = normal_code(raw_id) if isinstance(raw_id, str) and is_id(raw_id) else None
    if name:
        terms.add(("name", name))
    if id_no:
        terms.add(("id", id_no))
    if name and id_no:
        terms.update(("tail", f"{name}#{id_no[-n:]}") for n in TAIL_LENGTHS)


def suffix_rows(names: Iterable[str]) -> list[dict[str, str]]:
    return [{"suffix": s, "name": n} for n in sorted(set(names)) for s in suffixes(n)]
