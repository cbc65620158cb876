"""Every rule of the library loads, validates, and passes the YAML tests beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhongben.rules.loader import LIBRARY, load_library
from zhongben.rules.testing import Case, coverage_problems, read_tests, run_tests

RULES = load_library()
TEST_FILES = sorted(LIBRARY.glob("*/*.test.yaml"))


def _cases() -> list[tuple[str, int, str]]:
    out = []
    for path in TEST_FILES:
        tests = read_tests(path)
        out += [(tests.rule, i, case.name) for i, case in enumerate(tests.tests)]
    return out


@pytest.mark.parametrize(("rule_id", "index", "name"), _cases())
def test_rule_case(rule_id: str, index: int, name: str) -> None:
    rule = RULES[rule_id]
    tests = read_tests(rule.test_path)
    single = tests.model_copy(update={"tests": [tests.tests[index]]})
    [outcome] = run_tests(rule, single)
    assert outcome.passed, "\n".join(outcome.failures)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_positive_and_near_miss_tests(rule_id: str) -> None:
    path = RULES[rule_id].test_path
    assert path.exists(), f"{rule_id} 缺少测试文件 {path.name}"
    tests = read_tests(path)
    assert tests.rule == rule_id
    assert coverage_problems(tests) == []


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda p: p.name)
def test_every_test_file_belongs_to_a_rule(path: Path) -> None:
    assert path.name.removesuffix(".test.yaml") in RULES


def test_a_wrong_expectation_fails() -> None:
    rule = RULES["ZB-01"]
    tests = read_tests(rule.test_path)
    case = tests.tests[0]
    wrong = Case.model_validate({**case.model_dump(), "expect": []})
    [outcome] = run_tests(rule, tests.model_copy(update={"tests": [wrong]}))
    assert not outcome.passed
    assert "多出线索" in outcome.failures[0]
