"""The one façade over the analytical workspace. CLI, web and notebooks call only this.

Each capability lives in its own package (``ingest``, ``rules``, ``leads`` …); the methods here are
thin entry points that open the workspace and delegate.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from zhongben.engine.duckdb import ensure_schema
from zhongben.engine.opener import open_read, open_write

if TYPE_CHECKING:
    import datetime as dt

    from zhongben.documents.model import DocumentModel
    from zhongben.engine.lake import LakeTable
    from zhongben.identity.decisions import Decision
    from zhongben.identity.evaluate import EntityEvaluation
    from zhongben.identity.freshness import Unresolved
    from zhongben.identity.resolve import ResolveReport
    from zhongben.ingest.report import LoadReport
    from zhongben.leads.evaluate import Evaluation
    from zhongben.petitions.intake import IntakeReport
    from zhongben.rules.config import ScreenConfig
    from zhongben.rules.local import Origin
    from zhongben.rules.screen import Progress, ScreenResult
    from zhongben.rules.spec import Rule
    from zhongben.rules.testing import Outcome
    from zhongben.store.publish import PublishReport

DEFAULT_DB = "zhongben.duckdb"


class Workspace:
    """An analytical workspace: one DuckDB file holding the ingested tables and the leads."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = Path(path)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """The writer (``write``), or a reader (``read``) when ``read_only`` and the file exists.
        Raises ``WorkspaceBusy`` / ``WorkspaceUnavailable`` (``zhongben.engine.opener``)."""
        opener = self.read if read_only and self.path.exists() else self.write
        with opener() as con:
            yield con

    def read(self) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
        """The workspace opened read-only (it must exist)."""
        return open_read(self.path)

    def write(self) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
        """The workspace opened as its single writer, every contract table present."""
        return open_write(self.path)

    @property
    def quarantine_dir(self) -> Path:
        """Where quarantine lists are written by default: beside the workspace file."""
        return self.path.with_name(self.path.name + ".quarantine")

    def app_database(self, app_db: str | None = None) -> str:
        """The application database: ``app_db`` (a SQLite path or a postgresql:// URL), else
        $ZHONGBEN_APP_DB, else a SQLite file beside the workspace."""
        return app_db or os.environ.get("ZHONGBEN_APP_DB") or str(
            self.path.with_suffix(".app.sqlite"))

    def has_app_database(self, app_db: str | None = None) -> bool:
        target = self.app_database(app_db)
        return "://" in target or Path(target).exists()

    def publish(self, app_db: str | None = None) -> PublishReport | str:
        """Copy the workspace's leads into the application database in one transaction (see
        ``zhongben.store.publish``); a Chinese message instead when there is nothing to do."""
        from zhongben.store.db import open_database
        from zhongben.store.setup import publish_if_present

        return publish_if_present(open_database(self.app_database(app_db)), self.path)

    def ingest(self, paths: Sequence[str | Path], quarantine_dir: Path | None = None) -> LoadReport:
        """Load files and folders into the workspace (see ``zhongben.ingest``)."""
        from zhongben.ingest.load import ingest_paths

        with self.connect() as con:
            return ingest_paths(con, [Path(p) for p in paths], quarantine_dir=quarantine_dir)

    def screen(
        self, as_of: dt.date, config: ScreenConfig | None = None, progress: Progress | None = None,
        engine: str = "duckdb", lake: Path | None = None, spark_master: str | None = None,
        incremental: bool = False,
    ) -> ScreenResult:
        """Run the rule library as of a date and store the leads (see ``zhongben.rules.screen``):
        on DuckDB, or on Spark (``engine="spark"``) over ``lake`` or this workspace exported;
        ``incremental``: only what the newest load batch can change (``rules.incremental``)."""
        from zhongben.engine.duckdb import DuckDBEngine
        from zhongben.leads.store import WorkspaceLeads
        from zhongben.rules.config import ScreenConfig
        from zhongben.rules.local import workspace_library
        from zhongben.rules.screen import screen

        if engine == "spark":
            from zhongben.rules.on_spark import screen_on_spark

            return screen_on_spark(self.path, as_of, config, progress, lake, spark_master)
        config = config or ScreenConfig()
        library = workspace_library(self.path)
        with self.write() as con:
            if incremental:
                from zhongben.rules.incremental import screen_batch

                return screen_batch(DuckDBEngine(con), library, as_of, WorkspaceLeads(con),
                                    params=config.params)
            return screen(DuckDBEngine(con), library, as_of, config.rules, config.scope,
                          config.params, WorkspaceLeads(con), progress)

    def match_petitions(self, as_of: dt.date) -> IntakeReport:
        """Match every petition to its case, screen the matched cases at once and record each
        lead's petition (``zhongben.petitions.intake``)."""
        from zhongben.petitions.intake import intake
        from zhongben.rules.local import workspace_library

        library = workspace_library(self.path)
        with self.write() as con:
            return intake(con, library, as_of)

    def petitions(self) -> list[dict[str, Any]]:
        """Every petition with its match (``zhongben.petitions.store.read_matches``)."""
        from zhongben.petitions.store import read_matches

        with self.write() as con:
            return read_matches(con)

    def export_lake(self, out: Path) -> list[LakeTable]:
        """Every contract table as Parquet in the lake folder ``out`` (``zhongben.engine.lake``)."""
        from zhongben.engine.lake import export_lake

        with self.read() as con:
            return export_lake(con, out, source=str(self.path))

    def evaluate(
        self, truth: Path, as_of: dt.date, config: ScreenConfig | None = None,
        engine: str = "duckdb", lake: Path | None = None, spark_master: str | None = None,
    ) -> Evaluation:
        """Precision and recall per rule against a truth file (leads are not stored)."""
        from zhongben.engine.duckdb import DuckDBEngine
        from zhongben.leads.evaluate import evaluate, read_truth
        from zhongben.rules.config import ScreenConfig
        from zhongben.rules.local import workspace_library
        from zhongben.rules.screen import screen

        config = config or ScreenConfig()
        if engine == "spark":
            from zhongben.rules.on_spark import screen_on_spark

            result = screen_on_spark(self.path, as_of, config, None, lake, spark_master,
                                     store=False)
            return evaluate([lead.identity for lead in result.leads], read_truth(truth),
                            result.rules)
        library = workspace_library(self.path)
        with self.connect(read_only=True) as con:
            result = screen(DuckDBEngine(con), library, as_of, config.rules, config.scope,
                            config.params)
        return evaluate([lead.identity for lead in result.leads], read_truth(truth), result.rules)

    def rules(self) -> dict[str, Rule]:
        """The rule library of this workspace: the built-in rules and its local ones
        (``rules.local``), validated (raises ``RuleError`` listing every problem)."""
        from zhongben.rules.local import workspace_library

        return workspace_library(self.path)

    def rule_origins(self) -> dict[str, Origin]:
        """Where each rule of ``rules()`` comes from: 内置, 导入 (which package) or 自建."""
        from zhongben.rules.local import library_of

        return library_of(self.path).origins

    def test_rules(self, ids: Sequence[str] = ()) -> dict[str, list[Outcome]]:
        """Run the YAML tests of the given rules (all by default), and those of their older
        versions that have any (keyed ``<ID> 第<N>版``)."""
        from zhongben.rules.testing import run_tests

        library = self.rules()
        found = {}
        for rule_id in ids or library:
            found[rule_id] = run_tests(library[rule_id])
            for old in library[rule_id].history:
                if old.test_path.is_file():
                    found[f"{rule_id} 第{old.version}版"] = run_tests(old)
        return found

    def flow_report(
        self, debtor_id: str, out_dir: str | Path, as_of: dt.date | None = None,
        hops: int = 3, window_days: int = 30, min_amount: float = 10_000,
    ) -> list[Path]:
        """Trace a debtor's outgoing money and write paths.csv, flows.png and flows.html
        (see ``zhongben.graph.report``); the files written."""
        import datetime as dt_

        from zhongben.graph.report import write_flow_report
        from zhongben.graph.trace import TraceParams

        params = TraceParams(hops=hops, window_days=window_days, min_amount=min_amount)
        with self.connect() as con:
            return write_flow_report(con, debtor_id, Path(out_dir), as_of or dt_.date.today(),
                                     params)

    def draft_document(self, lead_key: str, kind: str, today: dt.date) -> DraftedDocument:
        """An unsigned draft of ``kind`` about one lead, from its evidence and its case's facts
        (see ``zhongben.documents``); raises ``LeadNotFound``."""
        from zhongben.documents.compose import CaseSteps, Signing, compose
        from zhongben.documents.office import default_office
        from zhongben.documents.render import to_docx
        from zhongben.documents.sources import workspace_lead
        from zhongben.engine.duckdb import DuckDBEngine
        from zhongben.store.demo import procuratorate_name

        with self.connect(read_only=True) as con:
            lead, court = workspace_lead(DuckDBEngine(con), lead_key)
        office = default_office(procuratorate_name(court) if court else "")
        model = compose(kind, [lead], office, court, Signing(), CaseSteps(), today)
        return DraftedDocument(model, to_docx(model))

    def resolve_entities(
        self, app_db: str | None = None, progress: Callable[[str], None] | None = None
    ) -> ResolveReport:
        """Link every mention to an entity (``zhongben.identity``), the reviewers' decisions in
        the application database binding; rewrites the entity columns."""
        from zhongben.engine.entities import DuckDBEntityBackend
        from zhongben.identity.resolve import resolve

        decisions = self._decisions(app_db)
        with self.write() as con:
            return resolve(DuckDBEntityBackend(con), decisions, progress=progress)

    def _decisions(self, app_db: str | None) -> list[Decision]:
        if not self.has_app_database(app_db):
            return []
        from zhongben.store.db import open_database
        from zhongben.store.identity import read_decisions

        return read_decisions(open_database(self.app_database(app_db)))

    def unresolved_entities(self) -> Unresolved | None:
        """Rows no ``entities resolve`` has seen yet (``identity.freshness``); None if none."""
        from zhongben.engine.entities import DuckDBEntityBackend
        from zhongben.identity.freshness import unresolved

        if not self.path.exists():
            return None
        with self.read() as con:
            return unresolved(DuckDBEntityBackend(con))

    def export_entities(self, out: str | Path) -> int:
        """One row per mention with its entity (``zhongben.identity.export``); how many."""
        from zhongben.engine.entities import DuckDBEntityBackend
        from zhongben.identity.export import export_entities

        with self.write() as con:
            return export_entities(DuckDBEntityBackend(con), Path(out))

    def evaluate_entities(self, truth: Path) -> EntityEvaluation:
        """Pairwise and cluster precision/recall per stratum against ``entities_truth.csv``."""
        from zhongben.engine.entities import DuckDBEntityBackend
        from zhongben.identity.evaluate import evaluate_entities

        with self.write() as con:
            return evaluate_entities(DuckDBEntityBackend(con), truth)

    def publish_identity(self, app_db: str | None = None) -> str:
        """Copy the review band and the links leads rest on into the application database."""
        from zhongben.store.db import open_database
        from zhongben.store.identity import publish_identity

        return publish_identity(open_database(self.app_database(app_db)), self.path)


class DraftedDocument:
    """A drafted document: its model (warnings for the drafter) and its .docx bytes."""

    def __init__(self, model: DocumentModel, content: bytes) -> None:
        self.model, self.content = model, content

    @property
    def warnings(self) -> list[str]:
        return self.model.warnings


__all__ = ["DEFAULT_DB", "Workspace", "ensure_schema"]
