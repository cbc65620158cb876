"""Fixtures of the model package tests: one exported package per run, small workspaces, and the
shared Spark session of the parity suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.engine.conftest import spark  # noqa: F401  the one local[2] session
from tests.models.package_kit import RENAMES, RULES, build_workspace, cli


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the rows that make DC-04 and FL-06 fire (copied, never changed)."""
    return build_workspace(tmp_path_factory.mktemp("template") / "template.duckdb")


@pytest.fixture(scope="session")
def package(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    """DC-04 and FL-06 exported from the template as LC-04 and LK-06."""
    out = tmp_path_factory.mktemp("package") / "嵊州院模型.zip"
    renames = [part for old, new in RENAMES.items() for part in ("--rename", f"{old}={new}")]
    done = cli("models", "export", ",".join(RULES), "--db", template, "--out", out,
               "--office", "嵊州市人民检察院", *renames)
    assert done.exit_code == 0, done.output
    return out
