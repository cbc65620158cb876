from __future__ import annotations

from pathlib import Path

import pytest

from synth.conftest import AS_OF, SEED
from zhongben.synth import generate


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.slow
def test_same_seed_gives_byte_identical_files(world: Path, tmp_path: Path) -> None:
    generate(seed=SEED, scale="tiny", out=tmp_path, plants=2, as_of=AS_OF, exact_ids=True)
    again, first = _files(tmp_path), _files(world)
    assert sorted(again) == sorted(first)
    for name in first:
        assert again[name] == first[name], name


@pytest.mark.slow
def test_other_seed_gives_another_world(world: Path, tmp_path: Path) -> None:
    generate(seed=SEED + 1, scale="tiny", out=tmp_path, plants=2, as_of=AS_OF)
    assert (tmp_path / "cases.csv").read_bytes() != (world / "cases.csv").read_bytes()
    assert (tmp_path / "truth.csv").read_bytes() != (world / "truth.csv").read_bytes()


@pytest.mark.slow
def test_messy_is_deterministic_too(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    generate(seed=3, scale="tiny", out=a, plants=1, messy=True)
    generate(seed=3, scale="tiny", out=b, plants=1, messy=True)
    assert _files(a) == _files(b)
