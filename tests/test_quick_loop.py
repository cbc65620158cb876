"""The quick loop's marking (tests/conftest.py): every expensive fixture it names exists where it
says — a renamed or moved fixture would otherwise bring its tests back into ``-m "not slow"`` —
and a test that uses one is marked slow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import ROOT, SLOW_FIXTURES, slow_reason


@pytest.mark.parametrize("key", sorted(SLOW_FIXTURES))
def test_every_slow_fixture_is_defined_where_the_table_says(key: str) -> None:
    file, name = key.split("::")
    source = (ROOT / file).read_text("utf-8")
    assert re.search(rf"@pytest\.fixture[^\n]*\n(?:@[^\n]*\n)*def {name}\(", source), key


def test_a_user_of_an_expensive_fixture_is_slow(request: pytest.FixtureRequest) -> None:
    users = [item for item in request.session.items if slow_reason(item)]
    assert all(item.get_closest_marker("slow") for item in users)
    assert slow_reason(request.node) is None  # this test uses nothing dear
    assert Path(__file__).parent == ROOT / "tests"
