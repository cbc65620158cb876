"""``zhongben rules check``: every problem of rule files found before a screen would meet it — the
YAML header, the SQL (parsed, contract tables and columns, parameters, declared outputs), the
portable-dialect lint that keeps DuckDB and Spark in step, and the YAML tests beside each rule
(readable, with a positive and a near-miss case)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from yaml import YAMLError

from zhongben.rules.loader import LIBRARY, load_library, load_rule
from zhongben.rules.problems import Problem, RuleError
from zhongben.rules.shared import SHARED
from zhongben.rules.spec import Rule
from zhongben.rules.testing import coverage_problems, read_tests
from zhongben.rules.versions import VERSIONS


@dataclass(frozen=True)
class CheckReport:
    rules: list[str]  # ids of the rules that passed
    problems: list[Problem]


def check_paths(paths: list[Path]) -> CheckReport:
    """Check rule files and library folders (the built-in library when ``paths`` is empty)."""
    ids: list[str] = []
    problems: list[Problem] = []
    for path in paths or [LIBRARY]:
        found, trouble = _check_one(path)
        ids.extend(found)
        problems.extend(trouble)
    return CheckReport(ids, problems)


def _check_one(path: Path) -> tuple[list[str], list[Problem]]:
    if path.is_dir():
        return _check_library(path)
    if path.suffix != ".sql" or not path.is_file():
        return [], [Problem(path, 1, "不是规则文件（须为 .sql 规则文件或规则库文件夹）")]
    try:
        rule = load_rule(path)
    except RuleError as exc:
        return [], exc.problems
    trouble = [*_test_problems(path, optional=path.parent.name == VERSIONS),
               *_history_tests(rule)]
    return ([] if trouble else [rule.id]), trouble


def _check_library(root: Path) -> tuple[list[str], list[Problem]]:
    if not any(p.parent.name != SHARED for p in root.glob("*/*.sql")):
        return [], [Problem(root, 1, "文件夹中没有规则文件（应为 <规则族文件夹>/<编号>.sql）")]
    try:
        rules = load_library(root)
    except RuleError as exc:
        return [], exc.problems
    problems = [p for rule in rules.values()
                for p in [*_test_problems(rule.path), *_history_tests(rule)]]
    bad = {rules[r].path for r in rules
           if any(p.path.name.startswith(f"{r}.") for p in problems)}
    return [r.id for r in rules.values() if r.path not in bad], problems


def _history_tests(rule: Rule) -> list[Problem]:
    """The tests of a rule's older versions, where they have any (they are optional)."""
    return [p for old in rule.history for p in _test_problems(old.path, optional=True)]


def _test_problems(rule_path: Path, optional: bool = False) -> list[Problem]:
    path = rule_path.with_suffix(".test.yaml")
    if optional and not path.is_file():
        return []
    if not path.is_file():
        return [Problem(path, 1, "缺少规则旁的 YAML 测试文件（至少一个 positive、一个 near_miss）")]
    try:
        tests = read_tests(path)
    except (YAMLError, ValidationError, UnicodeDecodeError) as exc:
        return [Problem(path, 1, f"测试文件无法读取：{_first_line(exc)}")]
    return [Problem(path, 1, text) for text in coverage_problems(tests)]


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
