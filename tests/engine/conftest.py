"""One Spark session (``local[2]``) for every Spark test of a run: the tests that use it are in
the xdist group ``spark`` so that one worker runs them all (``--dist loadgroup``)."""

from __future__ import annotations

import shutil

import pytest

from zhongben.engine.spark import SparkEngine


@pytest.fixture(scope="session")
def spark() -> SparkEngine:
    if shutil.which("java") is None:
        pytest.fail("Spark 一致性测试需要 Java 17：请运行 scripts/setup.sh --system")
    from zhongben.engine.spark_session import build_session

    return SparkEngine(build_session("local[2]", app_name="zhongben-tests"))
