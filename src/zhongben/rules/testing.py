"""Rule tests: ``<RULE_ID>.test.yaml`` beside each rule (input rows per table, expected leads),
each case on a fresh in-memory DuckDB workspace or on a given engine (the Spark parity suite);
``run_on_rows`` tries a rule on literal rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyarrow as pa
import yaml
from pydantic import BaseModel, ConfigDict, Field

from zhongben.contracts import TABLES
from zhongben.contracts.storage import storage_columns
from zhongben.engine.base import Engine
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.engine.types import arrow_column
from zhongben.leads.model import Lead
from zhongben.rules.explain import show
from zhongben.rules.run import prepare, run_rule
from zhongben.rules.spec import Rule

if TYPE_CHECKING:
    import duckdb

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


def run_tests(
    rule: Rule, tests: TestFile | None = None, engine: Engine | None = None
) -> list[Outcome]:
    """Every case of the rule's YAML test file, each on its own input: on ``engine`` when given
    (its session tables replaced case by case), else on a fresh in-memory DuckDB per case."""
    tests = tests or read_tests(rule.test_path)
    outcomes = []
    for case in tests.tests:
        rows = _merge(tests.input, case.input)
        day = case.as_of or tests.as_of
        leads = run_on_rows(rule, rows, day, {**tests.params, **case.params}, engine)
        outcomes.append(Outcome(case, compare(leads, case.expect)))
    return outcomes


def run_on_rows(
    rule: Rule | str,
    rows: Rows,
    as_of: dt.date,
    params: dict[str, Any] | None = None,
    engine: Engine | None = None,
) -> list[Lead]:
    """Run ``rule`` (a Rule or a library rule id) on literal rows (``{table: [{column: value}]}``,
    every other contract table empty) and return the leads it finds: on ``engine`` when given,
    else in a fresh in-memory DuckDB workspace."""
    from zhongben.rules.loader import load_library

    if isinstance(rule, str):
        rule = load_library()[rule]
    if engine is not None:
        return _run_on(engine, rule, rows, as_of, params)
    fresh = DuckDBEngine.in_memory()
    try:
        return _run_on(fresh, rule, rows, as_of, params)
    finally:
        fresh.close()


def _run_on(
    engine: Engine, rule: Rule, rows: Rows, as_of: dt.date, params: dict[str, Any] | None
) -> list[Lead]:
    load_rows(engine, rows, read_tables(rule))
    prepare(engine)
    return run_rule(engine, rule, as_of, params)


def read_tables(rule: Rule) -> list[str]:
    """The contract tables ``rule`` reads, itself or through what it uses (validation holds a
    rule to its header's tables)."""
    names = set(rule.header.tables)
    for item in rule.used:
        names |= {table for table, _ in item.tables}
    return sorted(names & set(TABLES))


def load_rows(engine: Engine, rows: Rows, tables: Sequence[str] | None = None) -> None:
    """Each of ``tables`` (every contract table by default) as a session table of ``engine``:
    ``rows`` where given, else empty."""
    unknown = sorted(set(rows) - set(TABLES))
    if unknown:
        raise ValueError(f"测试输入中的表 {'、'.join(unknown)} 不在数据契约中")
    for table in tables if tables is not None else TABLES:
        engine.put(table, rows_table(table, rows.get(table, [])))


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Append literal rows to a DuckDB workspace table (test fixtures), as ``rows_table``."""
    staged = rows_table(table, rows)
    con.register("zb_test_rows", staged)
    try:
        names = ", ".join(f'"{n}"' for n in staged.column_names)
        con.execute(f'INSERT INTO "{table}" ({names}) SELECT {names} FROM zb_test_rows')
    finally:
        con.unregister("zb_test_rows")


def rows_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Literal rows typed as the table's stored form; provenance filled in as if read from
    ``<table>.csv`` (row 2 onwards, batch 1)."""
    if table not in TABLES:
        raise ValueError(f"测试输入中的表 {table} 不在数据契约中")
    columns = storage_columns(TABLES[table])
    known = {name for name, _ in columns}
    full = []
    for number, row in enumerate(rows, start=2):
        item = {"_file": f"{table}.csv", "_row": number, "_batch": 1, **row}
        unknown = sorted(set(item) - known)
        if unknown:
            raise ValueError(f"测试输入中表 {table} 没有列 {'、'.join(unknown)}")
        full.append(item)
    return pa.table({
        name: arrow_column(sql_type, [r.get(name) for r in full]) for name, sql_type in columns
    })


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
