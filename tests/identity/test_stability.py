"""Stable ids: resolving again renumbers nothing; a new load links to the entities already there;
a reviewer's decision binds the next run and changes nothing else."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from identity.conftest import copy_of
from zhongben.cli.main import app
from zhongben.identity.decisions import ENTITY, Decision
from zhongben.identity.resolve import ResolveReport, resolve
from zhongben.identity.sources import SOURCES
from zhongben.workspace import Workspace

runner = CliRunner()


def _entities(ws: Workspace) -> dict[tuple[str, str, str, int], str | None]:
    out = {}
    with ws.connect() as con:
        for s in SOURCES:
            sql = f'SELECT _file, _row, "{s.entity}" FROM "{s.table}"'
            for file, row, entity in con.execute(sql).fetchall():
                out[(s.table, s.column, str(file), int(row))] = entity
    return out


def _resolve(ws: Workspace, decisions: list[Decision]) -> ResolveReport:
    from zhongben.engine.entities import DuckDBEntityBackend

    with ws.connect() as con:
        return resolve(DuckDBEntityBackend(con), decisions)


def test_resolving_again_changes_no_entity(resolved: tuple[Path, ResolveReport],
                                           tmp_path: Path) -> None:
    ws = copy_of(resolved[0], tmp_path)
    before = _entities(ws)
    report = ws.resolve_entities()
    assert _entities(ws) == before and report.run_id == 2


def test_a_new_load_links_to_the_entities_already_there(
    resolved: tuple[Path, ResolveReport], tmp_path: Path
) -> None:
    ws = copy_of(resolved[0], tmp_path)
    with ws.connect() as con:
        owner, name = con.execute(
            "SELECT owner_id, owner_name FROM vehicles WHERE owner_id IS NOT NULL "
            "AND owner_name IS NOT NULL ORDER BY owner_id LIMIT 1").fetchall()[0]
    typo = owner[:8] + ("1" if owner[8] != "1" else "2") + owner[9:]
    before = _entities(ws)
    new = tmp_path / "new" / "vehicles.csv"
    new.parent.mkdir()
    new.write_text(f"plate,owner_id,owner_name,registered_on\n浙D99999,{typo},{name},2025-01-01\n",
                   encoding="utf-8")
    assert ws.ingest([new]).ok
    ws.resolve_entities()
    after = _entities(ws)
    assert {k: v for k, v in after.items() if k in before} == before
    added = [v for k, v in after.items() if k not in before]
    assert added == [owner]


def test_a_decision_binds_and_changes_nothing_else(resolved: tuple[Path, ResolveReport],
                                                   tmp_path: Path) -> None:
    ws = copy_of(resolved[0], tmp_path)
    with ws.connect() as con:
        record, entity = con.execute(
            "SELECT record_key, entity_id FROM entity_links WHERE tier = 'B' "
            "ORDER BY record_key LIMIT 1").fetchall()[0]
        mine = {(t, c, str(f), int(r)) for t, c, f, r in con.execute(
            "SELECT tbl, col, file, \"row\" FROM entity_mentions WHERE record_key = ?", [record]
        ).fetchall()}
    before = _entities(ws)
    _resolve(ws, [Decision(record, ENTITY, entity, same=False)])
    after = _entities(ws)
    assert {k: v for k, v in after.items() if k not in mine} == \
        {k: v for k, v in before.items() if k not in mine}
    assert all(after[k] != entity for k in mine)
    _resolve(ws, [Decision(record, ENTITY, entity, same=True)])
    assert all(_entities(ws)[k] == entity for k in mine)
    with ws.connect() as con:
        tiers = {r[0] for r in con.execute(
            "SELECT tier FROM entity_mentions WHERE record_key = ?", [record]).fetchall()}
    assert tiers == {"R"}


def test_a_load_after_resolution_is_noticed(resolved: tuple[Path, ResolveReport],
                                            ingested: Path, tmp_path: Path) -> None:
    never = Workspace(ingested).unresolved_entities()
    assert never is not None and never.never and never.rows > 1000
    assert "尚未做身份解析" in never.message("w.duckdb")
    ws = copy_of(resolved[0], tmp_path)
    assert ws.unresolved_entities() is None
    new = tmp_path / "more" / "vehicles.csv"
    new.parent.mkdir()
    new.write_text("plate,owner_id,registered_on\n浙D88888,330683198001011235,2025-01-01\n",
                   encoding="utf-8")
    said = _run("ingest", str(new), "--db", str(ws.path))
    assert "身份解析未更新" in said and "又导入了1行" in said
    assert "又导入了1行" in _run("ingest", str(new), "--db", str(ws.path))  # nothing new
    screen = ("screen", "--db", str(ws.path), "--as-of", "2026-06-30", "--rules", "DC-01",
              "--format", "json", "--no-publish")
    assert f"entitiesresolve--db{ws.path}" in _run(*screen)
    ws.resolve_entities()
    assert ws.unresolved_entities() is None
    assert "身份解析未更新" not in _run(*screen)


def _run(*args: str) -> str:
    """What the command printed (stdout and stderr), without the line wrapping."""
    done = runner.invoke(app, list(args))
    assert done.exit_code == 0, done.output
    return "".join(done.output.split())
