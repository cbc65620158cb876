"""The workspace tables entity resolution keeps (docs/reference/entities.md), and writing a run's
result back: ``entity_mentions`` for every mention without a usable ID, the entity columns of the
contract tables, ``entity_aliases`` for ids that stopped naming an entity, ``entity_runs``.

All of it is written in one transaction: a failed run leaves the previous result as it was."""

from __future__ import annotations

from zhongben.identity.backend import Backend
from zhongben.identity.sources import SOURCES, MentionSource

DDL = (
    """CREATE TABLE IF NOT EXISTS entity_mentions (
        tbl VARCHAR, col VARCHAR, file_hash VARCHAR, sheet VARCHAR, "row" INTEGER, file VARCHAR,
        batch INTEGER, entity_id VARCHAR, tier VARCHAR, probability DOUBLE, how VARCHAR,
        record_key VARCHAR, run_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS entity_links (
        record_key VARCHAR, entity_id VARCHAR, tier VARCHAR, probability DOUBLE,
        weights JSON, record JSON, run_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS entity_review (
        pair_key VARCHAR PRIMARY KEY, record_key VARCHAR, other_key VARCHAR, other_kind VARCHAR,
        probability DOUBLE, weights JSON, record JSON, other JSON, mentions INTEGER,
        run_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS entity_aliases (
        retired_id VARCHAR PRIMARY KEY, entity_id VARCHAR, reason VARCHAR, run_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS entity_model (
        saved_at TIMESTAMP, settings JSON)""",
    """CREATE TABLE IF NOT EXISTS entity_runs (
        run_id INTEGER PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
        last_batch INTEGER, figures JSON)""",
)
ASSIGNED = "_zb_assigned"  # this run's mentions without a usable ID: key columns, entity …
MENTION_MATCH = (
    "a.tbl = '{table}' AND a.col = '{column}' AND a.file_hash = t._file_hash "
    "AND a.sheet IS NOT DISTINCT FROM t._sheet AND a.\"row\" = t._row"
)


def ensure_tables(backend: Backend) -> None:
    for ddl in DDL:
        backend.execute(ddl)


def start_run(backend: Backend) -> int:
    (run_id,) = backend.rows("SELECT coalesce(max(run_id), 0) + 1 FROM entity_runs")[0]
    return int(run_id)


def _q(name: str) -> str:
    return f'"{name}"'


def write_entity_columns(backend: Backend, source: MentionSource) -> None:
    """The entity column of one mention column: its valid ID (or the newer ID it changed to),
    else what this run assigned the mention."""
    table, column, entity = _q(source.table), _q(source.column), _q(source.entity)
    backend.execute(
        f"UPDATE {table} SET {entity} = {column} WHERE {entity} IS DISTINCT FROM {column}"
    )
    backend.execute(
        f"UPDATE {table} AS t SET {entity} = m.entity FROM _zb_id_map AS m WHERE t.{column} = m.id"
    )
    match = MENTION_MATCH.format(table=source.table, column=source.column)
    backend.execute(
        f"UPDATE {table} AS t SET {entity} = a.entity_id FROM {ASSIGNED} AS a "
        f"WHERE {match} AND a.entity_id IS NOT NULL"
    )


def record_aliases(backend: Backend, run_id: int) -> int:
    """Ids that named an entity before this run and now name none: each points to where most of
    its mentions went (an old 身份证号 to the new one; an opaque id merged into another)."""
    backend.execute(
        f"""INSERT OR REPLACE INTO entity_aliases
        SELECT m.id, m.entity, 'id_change', {run_id} FROM _zb_id_map AS m
        UNION ALL
        SELECT retired, entity, 'merged', {run_id} FROM (
          SELECT o.entity_id AS retired, a.entity_id AS entity,
                 row_number() OVER (PARTITION BY o.entity_id ORDER BY count(*) DESC,
                                    a.entity_id) AS rank
          FROM entity_mentions AS o
          JOIN {ASSIGNED} AS a ON a.tbl = o.tbl AND a.col = o.col AND a.file_hash = o.file_hash
            AND a.sheet IS NOT DISTINCT FROM o.sheet AND a."row" = o."row"
          WHERE o.entity_id IS NOT NULL AND a.entity_id IS NOT NULL
            AND o.entity_id <> a.entity_id
            AND o.entity_id NOT IN (SELECT entity_id FROM {ASSIGNED} WHERE entity_id IS NOT NULL)
            AND o.entity_id NOT IN (SELECT id FROM _zb_id_map)
          GROUP BY o.entity_id, a.entity_id
        ) WHERE rank = 1"""
    )
    backend.execute(  # an id that names an entity again is no longer retired
        f"DELETE FROM entity_aliases WHERE retired_id IN "
        f"(SELECT entity_id FROM {ASSIGNED} WHERE entity_id IS NOT NULL)"
    )
    return int(backend.rows(f"SELECT count(*) FROM entity_aliases WHERE run_id = {run_id}")[0][0])


def write_result(backend: Backend, run_id: int) -> int:
    """Replace ``entity_mentions`` by this run's assignment and rewrite every entity column;
    returns the number of aliases recorded."""
    aliases = record_aliases(backend, run_id)
    backend.execute("DELETE FROM entity_mentions")
    backend.execute(
        f"INSERT INTO entity_mentions SELECT tbl, col, file_hash, sheet, \"row\", file, batch, "
        f"entity_id, tier, probability, how, record_key, {run_id} FROM {ASSIGNED}"
    )
    backend.execute("DELETE FROM entity_links")
    backend.execute("INSERT INTO entity_links SELECT l.record_key, l.entity_id, l.tier, "
                    "l.probability, l.weights, to_json(r), l.run_id FROM _zb_run_links AS l "
                    "LEFT JOIN _zb_records AS r ON r.record_key = l.record_key")
    backend.execute("DELETE FROM entity_review")
    backend.execute("INSERT INTO entity_review SELECT * FROM _zb_run_band")
    for source in SOURCES:
        write_entity_columns(backend, source)
    return aliases
