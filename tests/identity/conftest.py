"""One noisy synthetic world per test session (identity noise on, as by default), ingested
through the real ingest into a workspace file, and resolved once."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from zhongben.identity.resolve import ResolveReport
from zhongben.synth import generate
from zhongben.workspace import Workspace

SEED = 11
AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="session")
def noisy_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("noisy")
    generate(seed=SEED, scale="tiny", out=out, plants=3, as_of=AS_OF)
    return out


@pytest.fixture(scope="session")
def ingested(noisy_world: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The world ingested, not yet resolved (copy it before changing it)."""
    path = tmp_path_factory.mktemp("ingested") / "w.duckdb"
    report = Workspace(path).ingest([noisy_world])
    assert report.ok and not report.quarantine
    return path


@pytest.fixture(scope="session")
def resolved(
    ingested: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, ResolveReport]:
    path = tmp_path_factory.mktemp("resolved") / "w.duckdb"
    shutil.copy(ingested, path)
    return path, Workspace(path).resolve_entities()


def copy_of(path: Path, folder: Path) -> Workspace:
    target = folder / path.name
    shutil.copy(path, target)
    return Workspace(target)
