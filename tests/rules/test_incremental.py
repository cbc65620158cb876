"""``screen --incremental`` gives exactly the leads a full screen gives: a generated world split
into seeded random batches of rows (a case, its parties, its actions, an account's moves each
land in any batch), loaded batch by batch, each followed by an incremental screen; the store's
active leads are then compared with a full screen of the same data — keys, scores, amounts,
evidence and explanations."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from tests.synth.fastload import load_world

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.ingest.catalog import ensure_catalog, finish_batch, start_batch
from zhongben.leads.model import Lead
from zhongben.leads.serialize import to_json
from zhongben.leads.store import WorkspaceLeads
from zhongben.rules.incremental import _screen_closed, screen_batch
from zhongben.rules.inputs import WHOLE_INPUT
from zhongben.rules.keys import Affected, case_keys, close
from zhongben.rules.loader import load_library
from zhongben.rules.screen import screen
from zhongben.synth import generate
from zhongben.workspace import ensure_schema

AS_OF = dt.date(2026, 6, 30)


def _world(tmp: Path, scale: str) -> Path:
    generate(seed=11, scale=scale, out=tmp, plants=1, as_of=AS_OF)
    con = duckdb.connect(str(tmp / "world.duckdb"))
    load_world(tmp, con)
    con.close()
    return tmp / "world.duckdb"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _world(tmp_path_factory.mktemp("tiny"), "tiny")


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _world(tmp_path_factory.mktemp("county"), "county")


@pytest.fixture
def empty() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    ensure_schema(con)
    ensure_catalog(con)
    yield con
    con.close()


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' AND "
                       "NOT starts_with(table_name, '_')").fetchall()
    return [r[0] for r in rows]


def _load(con: duckdb.DuckDBPyConnection, seed: int, parts: int, part: int) -> int:
    """Rows of part ``part`` of ``parts`` (a seeded hash of each row) as one load batch."""
    batch = start_batch(con, f"part {part}")
    for name in _tables(con):
        con.execute(f'INSERT INTO main."{name}" SELECT * REPLACE ({batch} AS _batch) '
                    f'FROM src."{name}" WHERE hash(_file || _row || {seed}) % {parts} = {part}')
    finish_batch(con, batch)
    return batch


def _stored(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[object, ...]]:
    rows = con.execute("SELECT lead_key, score, unpaid_amount, evidence, explanation, "
                       "score_terms FROM leads WHERE status = 'active'").fetchall()
    return {r[0]: (r[1], r[2], json.loads(r[3]), r[4], json.loads(r[5])) for r in rows}


def _expected(lead: Lead) -> tuple[object, ...]:
    return (lead.score, lead.unpaid_amount, json.loads(to_json(lead.evidence)), lead.explanation,
            json.loads(to_json(lead.score_terms)))


def _check(con: duckdb.DuckDBPyConnection, world: Path, seed: int, parts: int) -> list[int]:
    con.execute(f"ATTACH '{world}' AS src (READ_ONLY)")
    engine, library, store = DuckDBEngine(con), load_library(), WorkspaceLeads(con)
    sizes = []
    for part in range(parts):
        batch = _load(con, seed, parts, part)
        result = screen_batch(engine, library, AS_OF, store)
        scope = json.loads(con.execute("SELECT scope FROM screen_runs WHERE run_id = ?",
                                       [result.run_id]).fetchone()[0])
        assert scope["incremental_batch"] == batch
        assert scope["full"] or part > 0  # the first run is a full one
        full = screen(engine, library, AS_OF)
        stored = _stored(con)
        assert sorted(stored) == sorted(lead.key for lead in full.leads), part
        assert stored == {lead.key: _expected(lead) for lead in full.leads}, part
        sizes.append(-1 if scope["full"] else len(result.leads))
    assert max(sizes[1:]) >= 0, sizes  # some batch was screened incrementally
    return sizes


@pytest.mark.parametrize("seed", [3, 17])
def test_incremental_screens_of_random_batches_equal_a_full_screen(
    tiny: Path, empty: duckdb.DuckDBPyConnection, seed: int
) -> None:
    _check(empty, tiny, seed, parts=4)


@pytest.mark.slow
def test_the_county_world_in_random_batches(
    county: Path, empty: duckdb.DuckDBPyConnection
) -> None:
    _check(empty, county, seed=5, parts=3)


def test_each_rule_s_leads_from_the_cut_tables_of_one_lead_s_keys(
    tiny: Path, empty: duckdb.DuckDBPyConnection
) -> None:
    _check_cut(empty, tiny)


@pytest.mark.slow
def test_the_county_world_s_leads_from_the_cut_tables_of_their_keys(
    county: Path, empty: duckdb.DuckDBPyConnection
) -> None:
    _check_cut(empty, county)


def _check_cut(empty: duckdb.DuckDBPyConnection, world: Path) -> None:
    """For one lead of every rule: its keys (its case with its parties, or its subject), closed
    over the full screen's leads, screened on the cut tables (``rules.inputs``) give exactly the
    full screen's leads of those keys — every row a lead or its absence rests on was kept."""
    empty.execute(f"ATTACH '{world}' AS src (READ_ONLY)")
    _load(empty, seed=1, parts=1, part=0)
    engine, library = DuckDBEngine(empty), load_library()
    full = screen(engine, library, AS_OF)
    firsts = {lead.rule_id: lead for lead in reversed(full.leads)}
    assert len(set(library) - set(firsts) - set(WHOLE_INPUT)) <= 2, sorted(firsts)
    pairs = [(lead.case_no, lead.subject_id) for lead in full.leads]
    for rule_id, lead in sorted(firsts.items()):
        keys = (case_keys(engine, [lead.case_no]) if lead.case_no
                else Affected(set(), {str(lead.subject_id)}))
        close(keys, pairs)
        result, _ = _screen_closed(engine, library, AS_OF, keys, None)
        want = {x.key: _expected(x) for x in full.leads if keys.contains(x.case_no, x.subject_id)}
        assert {x.key: _expected(x) for x in result.leads} == want, rule_id


def test_no_batch_no_incremental_screen(empty: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="没有已完成的导入批次"):
        screen_batch(DuckDBEngine(empty), load_library(), AS_OF, WorkspaceLeads(empty))
