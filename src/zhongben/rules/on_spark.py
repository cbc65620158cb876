"""Screening on Spark: the same library (the workspace's: built-in and local rules), the same
``screen``, over a Parquet lake.

The lake is the one given, or the workspace exported to a temporary lake beside it (read-only:
an import may not run meanwhile, a web app may). The leads go to the workspace's leads store,
opened as its writer only once every rule has run on Spark, so ``evaluate``, the workbook,
``publish`` and the web app see them as after a DuckDB screen, and a failed Spark run leaves the
store as it was.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zhongben.engine.lake import export_lake
from zhongben.engine.opener import open_read
from zhongben.engine.spark import SparkEngine, register_lake
from zhongben.engine.spark_session import build_session
from zhongben.leads.store import LateWorkspaceLeads
from zhongben.rules.config import ScreenConfig
from zhongben.rules.local import workspace_library
from zhongben.rules.screen import Progress, ScreenResult, screen


@contextmanager
def lake_of(workspace: Path, lake: Path | None) -> Iterator[Path]:
    """``lake``, or the workspace exported to a temporary lake removed afterwards."""
    if lake is not None:
        yield lake
        return
    folder = Path(tempfile.mkdtemp(prefix=f".{workspace.name}.lake-", dir=workspace.parent))
    try:
        with open_read(workspace) as con:
            export_lake(con, folder / "lake", source=str(workspace))
        yield folder / "lake"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def screen_on_spark(
    workspace: Path,
    as_of: dt.date,
    config: ScreenConfig | None = None,
    progress: Progress | None = None,
    lake: Path | None = None,
    master: str | None = None,
    store: bool = True,
) -> ScreenResult:
    """Run the library on Spark (``master``: see ``engine.spark_session``) as of ``as_of`` over
    ``lake`` (else the workspace exported); store the leads in the workspace unless told not."""
    config = config or ScreenConfig()
    library = workspace_library(workspace)
    with lake_of(workspace, lake) as folder:
        engine = SparkEngine(build_session(master))
        register_lake(engine, folder)
        leads = LateWorkspaceLeads(workspace) if store else None
        return screen(engine, library, as_of, config.rules, config.scope, config.params, leads,
                      progress)
