"""What makes a test slow, decided in one place, so that ``pytest -m "not slow"`` stays a quick
loop (docs/testing.md) while the full suite (scripts/test.sh, no ``-m``) still runs everything.

A test is marked ``slow`` here when it uses one of the expensive fixtures below — a synthetic
world generated, ingested, screened or resolved; the Spark session; a PostgreSQL database —
or carries the ``spark``, ``browser`` or ``postgres`` marker. Fixtures are named by the file
that defines them and their name (two conftests may define a cheap and a dear ``workspace``),
so a new test that asks for one of them is slow without being marked by hand. A test that is
slow for its own reasons (a long hypothesis budget, a CLI subprocess loop) is marked
``@pytest.mark.slow`` where it is written.

Also here: the hypothesis profile of the suite (no wall-clock limits, below).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

# "file::fixture" → what it builds (the reason the tests that use it are slow)
SLOW_FIXTURES: dict[str, str] = {
    "tests/engine/conftest.py::spark": "Spark 会话（JVM）",
    "tests/anon/test_anonymised_export.py::world": "生成、导入并脱敏导出一个世界",
    "tests/anon/test_file_bytes.py::exported": "生成、导入并脱敏导出一个世界",
    "tests/documents/conftest.py::workspace": "生成、导入并筛查演示世界",
    "tests/identity/conftest.py::noisy_world": "生成带身份噪声的世界（再导入、归并）",
    "tests/models/conftest.py::template": "模型包：建库、导出、导入",
    "tests/models/test_backtest.py::world": "生成、导入、筛查一个世界并生成办案历史",
    "tests/rules/test_incremental.py::tiny": "生成世界，增量与全量筛查对比",
    "tests/web/conftest.py::demo_workspace": "生成、导入并筛查演示世界",
    "tests/web/test_web_profile.py::planted": "每个测试建一个工作库并筛查",
    "tests/web/test_web_debtor.py::planted": "每个测试建一个工作库并筛查",
    "tests/web/test_web_flows.py::planted": "每个测试建一个工作库并追踪资金",
    "tests/web/test_rule_builder.py::client": "每个测试建一个工作库并筛查",
    "tests/petitions/test_petition_web.py::client": "每个测试建一个工作库并筛查",
    "tests/engine/test_opener.py::held": "另一个进程持有工作库",
}
SLOW_MARKERS = {"spark", "browser", "postgres"}

# Hypothesis's two clocks — 200 ms per example, one second to generate inputs — fail correct
# tests on a loaded machine (test_new_scheme_round_trip in the CI of 2026-12-04, load 12 on two
# cores); what each example checks is unchanged, and the budgets stay as each test sets them.
settings.register_profile("zhongben", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("zhongben")


def fixture_key(fixturedef: Any) -> str:
    """``file::name`` of a fixture definition, the file relative to the checkout."""
    try:
        source = Path(inspect.getsourcefile(fixturedef.func) or "").resolve()
    except TypeError:  # a built-in
        return f"::{fixturedef.argname}"
    try:
        where = source.relative_to(ROOT).as_posix()
    except ValueError:  # a plugin's fixture (tmp_path, monkeypatch …)
        where = source.name
    return f"{where}::{fixturedef.argname}"


def slow_reason(item: pytest.Item) -> str | None:
    """Why ``item`` is slow by what it uses, or None."""
    marked = SLOW_MARKERS & {mark.name for mark in item.iter_markers()}
    if marked:
        return f"标记 {', '.join(sorted(marked))}"
    info = getattr(item, "_fixtureinfo", None)
    for defs in (info.name2fixturedefs.values() if info else ()):
        if defs and (reason := SLOW_FIXTURES.get(fixture_key(defs[-1]))):
            return reason
    return None


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if reason := slow_reason(item):
            item.add_marker(pytest.mark.slow(reason=reason))
