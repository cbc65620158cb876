"""XJ-02 repeats the conditions of XG-01 and DC-05 (a rule reads only contract tables, not other
rules' leads). These tests run the other rules' own YAML cases through XJ-02, so a change to XG-01
or DC-05 that XJ-02 does not follow fails here."""

from __future__ import annotations

import datetime as dt

import pytest

from zhongben.rules.loader import load_library
from zhongben.rules.testing import Rows, read_tests, run_on_rows

RULES = load_library()


def _cases(rule_id: str) -> list[tuple[str, Rows, dt.date]]:
    tests = read_tests(RULES[rule_id].test_path)
    out = []
    for case in tests.tests:
        rows = {t: list(r) for t, r in tests.input.items()}
        for table, extra in case.input.items():
            rows.setdefault(table, []).extend(extra)
        out.append((case.name, rows, case.as_of or tests.as_of))
    return out


def _subjects(rule_id: str, rows: Rows, as_of: dt.date) -> set[str | None]:
    return {lead.subject_id for lead in run_on_rows(RULES[rule_id], rows, as_of)}


@pytest.mark.parametrize(("name", "rows", "as_of"), _cases("DC-05"), ids=lambda v: str(v)[:30])
def test_xj02_finds_every_dc05_transfer(name: str, rows: Rows, as_of: dt.date) -> None:
    assert _subjects("XJ-02", rows, as_of) == _subjects("DC-05", rows, as_of)


@pytest.mark.parametrize(("name", "rows", "as_of"), _cases("XG-01"), ids=lambda v: str(v)[:30])
def test_xj02_finds_every_xg01_trip_after_a_fine(name: str, rows: Rows, as_of: dt.date) -> None:
    """Make each restricted subject the debtor of its entry's case, fined long before: XJ-02 then
    finds exactly the subjects XG-01 finds (entries without a case number cannot be matched)."""
    with_fines = {t: list(r) for t, r in rows.items()}
    for entry in rows.get("restrictions", []):
        if entry.get("case_no"):
            with_fines.setdefault("parties", []).append(
                {"case_no": entry["case_no"], "role": "被执行人", "id_no": entry["subject_id"]}
            )
            with_fines.setdefault("actions", []).append(
                {"case_no": entry["case_no"], "action": "罚款", "acted_on": dt.date(2000, 1, 1)}
            )
    expected = {
        lead.subject_id
        for lead in run_on_rows(RULES["XG-01"], rows, as_of)
        if lead.case_no is not None
    }
    assert _subjects("XJ-02", with_fines, as_of) == expected
