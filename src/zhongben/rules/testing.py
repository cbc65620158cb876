"""Rule tests: ``<RULE_ID>.test.yaml`` beside each rule (input rows per table, expected leads),
each case on a fresh in-memory DuckDB workspace; ``run_on_rows`` tries a rule on literal rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import yaml
from pydantic import BaseModel, ConfigDict, Field

from zhongben.contracts import TABLES
from zhongben.contracts.storage import entity_columns, storage_columns
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.leads.model import Lead
from zhongben.rules.explain import show
from zhongben.rules.run import run_rule
from zhongben.rules.spec import Rule

Rows = dict[str, list[dict[str, Any]]]


class Expected(BaseModel):
    model_config = ConfigDict(extra="forbid")
    case_no: str | None
    subject_id: str | None
    facts: dict[str, Any] = Field(default_factory=dict)  # shown values must match
    evidence_count: int | None = None


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    kind: Literal["positive", "near_miss", "negative"]
    as_of: dt.date | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    input: Rows = Field(default_factory=dict)
    expect: list[Expected]


class TestFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule: str
    as_of: dt.date
    params: dict[str, Any] = Field(default_factory=dict)
    input: Rows = Field(default_factory=dict)  # rows shared by every case
    tests: list[Case] = Field(min_length=2)


@dataclass
class Outcome:
    case: Case
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def read_tests(path: Path) -> TestFile:
    return TestFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def coverage_problems(tests: TestFile) -> list[str]:
    """Each rule needs at least one positive and one near-miss case."""
    kinds = {case.kind for case in tests.tests}
    return [f"缺少 {k} 测试" for k in ("positive", "near_miss") if k not in kinds]


def run_tests(rule: Rule, tests: TestFile | None = None) -> list[Outcome]:
    """Every case of the rule's YAML test file, each on its own fresh database."""
    tests = tests or read_tests(rule.test_path)
    outcomes = []
    for case in tests.tests:
        rows = _merge(tests.input, case.input)
        leads = run_on_rows(rule, rows, case.as_of or tests.as_of, {**tests.params, **case.params})
        outcomes.append(Outcome(case, compare(leads, case.expect)))
    return outcomes


def run_on_rows(
    rule: Rule | str, rows: Rows, as_of: dt.date, params: dict[str, Any] | None = None
) -> list[Lead]:
    """Run ``rule`` (a Rule or a library rule id) on literal rows (``{table: [{column: value}]}``)
    in a fresh in-memory workspace; the leads it finds."""
    from zhongben.rules.loader import load_library
    from zhongben.workspace import ensure_schema

    if isinstance(rule, str):
        rule = load_library()[rule]
    con = duckdb.connect()
    try:
        ensure_schema(con)
        for table, table_rows in rows.items():
            insert_rows(con, table, table_rows)
        engine = DuckDBEngine(con)
        engine.prepare()
        return run_rule(engine, rule, as_of, params)
    finally:
        con.close()


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert literal rows; provenance is filled in as if read from ``<table>.csv``."""
    if table not in TABLES:
        raise ValueError(f"测试输入中的表 {table} 不在数据契约中")
    known = {name for name, _ in storage_columns(TABLES[table])}
    entities = entity_columns(table)
    for number, row in enumerate(rows, start=2):
        full = {"_file": f"{table}.csv", "_row": number, "_batch": 1, **row}
        for derived in entities:  # unresolved: a mention's entity is its ID (entities.md)
            if derived.source in row and derived.name not in row:
                full[derived.name] = row[derived.source]
        unknown = sorted(set(full) - known)
        if unknown:
            raise ValueError(f"测试输入中表 {table} 没有列 {'、'.join(unknown)}")
        columns = ", ".join(f'"{c}"' for c in full)
        marks = ", ".join("?" for _ in full)
        con.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(full.values()))


def compare(leads: list[Lead], expected: list[Expected]) -> list[str]:
    """Chinese descriptions of every difference between found and expected leads."""
    found = {(lead.case_no, lead.subject_id): lead for lead in leads}
    wanted = {(e.case_no, e.subject_id): e for e in expected}
    failures = [f"多出线索 {k}：{found[k].explanation}" for k in found.keys() - wanted.keys()]
    failures += [f"缺少线索 {k}" for k in wanted.keys() - found.keys()]
    for key in found.keys() & wanted.keys():
        failures += _compare_one(found[key], wanted[key])
    return failures


def _compare_one(lead: Lead, expected: Expected) -> list[str]:
    failures = []
    for name, value in expected.facts.items():
        actual = show(lead.facts.get(name, getattr(lead, name, None)))
        if actual != show(value):
            failures.append(f"线索 {lead.case_no} 的 {name} 为 {actual}，期望 {show(value)}")
    if expected.evidence_count is not None and len(lead.evidence) != expected.evidence_count:
        failures.append(
            f"线索 {lead.case_no} 有 {len(lead.evidence)} 条证据，期望 {expected.evidence_count}"
        )
    return failures


def _merge(base: Rows, extra: Rows) -> Rows:
    merged = {table: list(rows) for table, rows in base.items()}
    for table, rows in extra.items():
        merged.setdefault(table, []).extend(rows)
    return merged
