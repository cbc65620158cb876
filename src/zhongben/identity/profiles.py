"""Profiles: what is known of the people a record could be. Only the people sharing a blocking
key with some record are profiled (the same region and birth date, birth date and last four
digits, … or a phone or address), so Tier B reads a small part of a province: for each, every
valid ID (an ID change gives two), every name any source knows them by (曾用名 and a passport's
pinyin included), their phones and addresses."""

from __future__ import annotations

import pyarrow as pa

from zhongben.identity.backend import Backend
from zhongben.identity.sources import SOURCES, MentionSource, Subject
from zhongben.identity.tier_a import ID_MAP

BLOCK_KEYS = "_zb_block_keys"  # kind, key: the blocking keys the records carry
CANDIDATES = "_zb_candidates"  # id, entity
PROFILE_ROWS = "_zb_profile_rows"  # entity, id, name, phones, addresses, docs
PERSON_SHAPE = ("regexp_matches({c}, '^[0-9]{{6}}(18|19|20)[0-9]{{2}}(0[1-9]|1[0-2])[0-9]{{5}}"
                "[0-9X]$')")
KEY_SQL = {
    "rb": "substr({c}, 1, 6) || substr({c}, 7, 8)",
    "bt": "substr({c}, 7, 8) || substr({c}, 15, 4)",
    "rt": "substr({c}, 1, 6) || substr({c}, 15, 4)",
    "r4t": "substr({c}, 1, 4) || substr({c}, 15, 4)",
}


def record_keys(rows: list[dict[str, object]]) -> pa.Table:
    """The blocking keys of the records' ID parts, phones and addresses."""
    kinds, keys = [], []
    parts = {"rb": ("region6", "birth8"), "bt": ("birth8", "tail4"), "rt": ("region6", "tail4"),
             "r4t": ("region4", "tail4")}
    for row in rows:
        for kind, (a, b) in parts.items():
            if row.get(a) and row.get(b):
                kinds.append(kind)
                keys.append(f"{row[a]}{row[b]}")
        for kind in ("phone", "address"):
            if row.get(kind):
                kinds.append(kind)
                keys.append(str(row[kind]))
    return pa.table({"kind": pa.array(kinds, pa.string()), "key": pa.array(keys, pa.string())})


def _people(source: MentionSource) -> bool:
    return source.subject is not Subject.COMPANY


def _candidate_select(source: MentionSource) -> str:
    c = f'"{source.column}"'
    tests = [f"({KEY_SQL[k].format(c=c)}) IN (SELECT key FROM {BLOCK_KEYS} WHERE kind = '{k}')"
             for k in KEY_SQL]
    for kind in ("phone", "address"):
        column = getattr(source, kind)
        if column:
            tests.append(f'"{column}" IN (SELECT key FROM {BLOCK_KEYS} WHERE kind = \'{kind}\')')
    return (f'SELECT DISTINCT {c} AS id FROM "{source.table}" WHERE {c} IS NOT NULL '
            f"AND {PERSON_SHAPE.format(c=c)} AND ({' OR '.join(tests)})")


def find_candidates(backend: Backend, keys: pa.Table) -> int:
    """``_zb_candidates``: the valid IDs (and their entities) sharing a key with a record."""
    backend.put(BLOCK_KEYS, keys)
    union = " UNION ".join(_candidate_select(s) for s in SOURCES if _people(s))
    backend.execute(
        f"CREATE OR REPLACE TEMP TABLE {CANDIDATES} AS SELECT DISTINCT c.id, "
        f"coalesce(m.entity, c.id) AS entity FROM ({union}) AS c LEFT JOIN {ID_MAP} AS m "
        f"ON m.id = c.id"
    )
    backend.execute(  # every valid ID of a candidate entity (the old one of an ID change too)
        f"INSERT INTO {CANDIDATES} SELECT m.id, m.entity FROM {ID_MAP} AS m "
        f"WHERE m.entity IN (SELECT entity FROM {CANDIDATES}) "
        f"AND m.id NOT IN (SELECT id FROM {CANDIDATES})"
    )
    backend.execute(
        f"INSERT INTO {CANDIDATES} SELECT DISTINCT m.entity, m.entity FROM {ID_MAP} AS m "
        f"WHERE m.entity IN (SELECT entity FROM {CANDIDATES}) "
        f"AND m.entity NOT IN (SELECT id FROM {CANDIDATES})"
    )
    return int(backend.rows(f"SELECT count(DISTINCT entity) FROM {CANDIDATES}")[0][0])


def _names_select(source: MentionSource) -> str:
    return (f'SELECT c.entity, t."{source.name}" AS name FROM "{source.table}" AS t '
            f'JOIN {CANDIDATES} AS c ON c.id = t."{source.column}" '
            f'WHERE t."{source.name}" IS NOT NULL')


def profile_rows(backend: Backend) -> pa.Table:
    """One row per (candidate entity, valid ID, name), with the entity's phones, addresses and
    travel documents."""
    names = " UNION ".join(_names_select(s) for s in SOURCES if s.name and _people(s))
    backend.execute(
        f"""CREATE OR REPLACE TEMP TABLE {PROFILE_ROWS} AS
        WITH named AS ({names}),
        contact AS (
          SELECT c.entity, list(DISTINCT p.phone) FILTER (WHERE p.phone IS NOT NULL) AS phones,
                 list(DISTINCT p.address) FILTER (WHERE p.address IS NOT NULL) AS addresses
          FROM parties AS p JOIN {CANDIDATES} AS c ON c.id = p.id_no GROUP BY c.entity
        ),
        docs AS (
          SELECT c.entity, list(DISTINCT d.doc_no) AS docs FROM identity_documents AS d
          JOIN {CANDIDATES} AS c ON c.id = d.id_no GROUP BY c.entity
        )
        SELECT c.entity, c.id, n.name, k.phones, k.addresses, d.docs
        FROM {CANDIDATES} AS c
        LEFT JOIN (SELECT DISTINCT entity, name FROM named) AS n ON n.entity = c.entity
        LEFT JOIN contact AS k ON k.entity = c.entity
        LEFT JOIN docs AS d ON d.entity = c.entity"""
    )
    return backend.arrow(f"SELECT * FROM {PROFILE_ROWS} ORDER BY entity, id, name")


SAMPLED = (("vehicles", "owner_id", "owner_name"), ("bank_accounts", "holder_id", "holder_name"),
           ("parties", "id_no", "name"), ("real_estate", "owner_id", "owner_name"))


def background_rows(backend: Backend, size: int = 20_000) -> pa.Table:
    """A repeatable random sample of the workspace's people with a name, as profile rows: what
    two people picked at random share (Splink's u)."""
    parts = " UNION ALL ".join(
        f'SELECT "{c}" AS id, "{n}" AS name FROM "{t}" WHERE "{c}" IS NOT NULL '
        f'AND "{n}" IS NOT NULL AND {PERSON_SHAPE.format(c=f"{chr(34)}{c}{chr(34)}")}'
        for t, c, n in SAMPLED)
    return backend.arrow(
        f"SELECT id AS entity, id, name, CAST(NULL AS VARCHAR[]) AS phones, "
        f"CAST(NULL AS VARCHAR[]) AS addresses, CAST(NULL AS VARCHAR[]) AS docs "
        f"FROM (SELECT DISTINCT id, name FROM ({parts})) "
        f"USING SAMPLE reservoir({int(size)} ROWS) REPEATABLE (15) ORDER BY id, name")


def person_count(backend: Backend) -> int:
    """How many people the workspace knows by a valid ID (the prior of a link is one in it)."""
    union = " UNION ".join(
        f'SELECT "{s.column}" AS id FROM "{s.table}" WHERE "{s.column}" IS NOT NULL '
        f'AND {PERSON_SHAPE.format(c=chr(34) + s.column + chr(34))}'
        for s in SOURCES if _people(s))
    return int(backend.rows(f"SELECT count(*) FROM ({union})")[0][0])


def name_frequencies(backend: Backend) -> pa.Table:
    """How common each name is among the workspace's people (one count per person and name,
    names folded to simplified characters): Splink's term frequencies for ``name_s``, so that
    two 王伟 weigh less than two 竺梅佳."""
    from zhongben.identity.features import name_features

    union = " UNION ".join(
        f'SELECT "{s.column}" AS id, "{s.name}" AS name FROM "{s.table}" '
        f'WHERE "{s.column}" IS NOT NULL AND "{s.name}" IS NOT NULL'
        for s in SOURCES if s.name and _people(s))
    counts: dict[str, int] = {}
    for name, n in backend.rows(f"SELECT name, count(*) FROM ({union}) GROUP BY name"):
        folded = name_features(str(name))["name_s"]
        if folded:
            counts[folded] = counts.get(folded, 0) + int(n)
    total = max(sum(counts.values()), 1)
    names = sorted(counts)
    return pa.table({"name_s": pa.array(names, pa.string()),
                     "tf_name_s": pa.array([counts[n] / total for n in names], pa.float64())})
