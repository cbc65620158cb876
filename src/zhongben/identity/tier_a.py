"""Tier A: deterministic links. Any false link here is a bug, so only what an authority states:

- a valid 18-digit 身份证号 (15-digit numbers are converted at ingest) or 统一社会信用代码 is its
  own entity;
- two valid IDs are one entity only through ``id_changes`` (the newest number names it);
- a travel document number is its holder's (``identity_documents``, whatever the issue date, and
  a ticket carrying both the ID and the passport); the same document on several tickets is one
  traveller even when no registry names the holder;
- a company's former 注册号, 组织机构代码 (also the one inside its USCC) and its current and former
  registered names (unique by registration) are the company;
- a petition that gives its applicant's name and the 案号 but no number is the party of that case
  the court's party list names so (``CASE:`` key; two parties of one name in a case link nobody).

A key that an authority maps to two different entities is ambiguous and links nothing (counted in
``conflicts``). Mentions no key resolves are left to Tier B."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pyarrow as pa

from zhongben.identity.backend import Backend
from zhongben.identity.mentions import UNRESOLVED

ID_MAP = "_zb_id_map"  # valid ID -> entity, for IDs merged by id_changes
KEY_MAP = "_zb_key_map"  # registry key -> entity
TIER_A = "_zb_tier_a"  # unresolved mention -> entity by a registry key

KEY_EDGES = """
SELECT 'DOC:' || d.doc_no AS key, d.id_no AS id, 'identity_documents' AS how
FROM identity_documents AS d WHERE d.id_no IS NOT NULL AND d.doc_no IS NOT NULL
UNION ALL
SELECT 'DOC:' || t.doc_no, t.person_id, 'travel' FROM travel AS t
WHERE t.person_id IS NOT NULL AND t.doc_no IS NOT NULL
UNION ALL
SELECT 'REG:' || upper(replace(h.old_value, ' ', '')), h.uscc, 'company_history'
FROM company_history AS h WHERE h.item = '注册号' AND h.uscc IS NOT NULL
UNION ALL
SELECT 'ORG:' || upper(replace(replace(h.old_value, '-', ''), ' ', '')), h.uscc, 'company_history'
FROM company_history AS h WHERE h.item = '组织机构代码' AND h.uscc IS NOT NULL
UNION ALL
SELECT 'ORG:' || substr(c.uscc, 9, 9), c.uscc, 'uscc' FROM companies AS c WHERE c.uscc IS NOT NULL
UNION ALL
SELECT 'CNAME:' || c.name, c.uscc, 'companies' FROM companies AS c
WHERE c.uscc IS NOT NULL AND c.name IS NOT NULL
UNION ALL
SELECT 'CNAME:' || h.old_value, h.uscc, 'company_history' FROM company_history AS h
WHERE h.item = '名称' AND h.uscc IS NOT NULL
UNION ALL
SELECT 'CASE:' || p.case_no || '|' || p.name, p.id_no, 'parties' FROM parties AS p
WHERE p.id_no IS NOT NULL AND p.case_no IS NOT NULL AND p.name IS NOT NULL
"""

COMPANY_LIKE = "(公司|厂|合作社|集团|商行|商店|经营部|中心|研究院|事务所|分行|支行)$"
ID_SHAPED = "^([0-9]{17}[0-9X]|[0-9]{15})$"

# The registry keys an unresolved mention carries (a ticket's document, an old number, a name of
# a company); each row: mention key columns, key.
MENTION_KEYS = f"""
SELECT tbl, col, file_hash, sheet, "row", 'DOC:' || doc_no AS key FROM {UNRESOLVED}
WHERE doc_no IS NOT NULL
UNION ALL
SELECT tbl, col, file_hash, sheet, "row", 'DOC:' || raw FROM {UNRESOLVED}
WHERE tbl = 'travel' AND raw IS NOT NULL AND raw NOT LIKE '%*%'
  AND ((doc_type IS NOT NULL AND doc_type <> '身份证') OR NOT regexp_matches(raw, '{ID_SHAPED}'))
UNION ALL
SELECT tbl, col, file_hash, sheet, "row", 'REG:' || raw FROM {UNRESOLVED}
WHERE subject <> 'person' AND raw IS NOT NULL AND regexp_matches(raw, '^[0-9]{{13,15}}$')
UNION ALL
SELECT tbl, col, file_hash, sheet, "row", 'ORG:' || replace(raw, '-', '') FROM {UNRESOLVED}
WHERE subject <> 'person' AND raw IS NOT NULL
  AND regexp_matches(replace(raw, '-', ''), '^[0-9A-Z]{{8}}[0-9X]$')
UNION ALL
SELECT tbl, col, file_hash, sheet, "row", 'CNAME:' || name FROM {UNRESOLVED}
WHERE name IS NOT NULL AND (subject = 'company' OR party_type IN ('法人', '非法人组织')
  OR regexp_matches(name, '{COMPANY_LIKE}'))
UNION ALL
SELECT tbl, col, file_hash, sheet, "row", 'CASE:' || case_no || '|' || name FROM {UNRESOLVED}
WHERE case_no IS NOT NULL AND name IS NOT NULL AND raw IS NULL
"""


def opaque_id(seed: str) -> str:
    """A stable entity id for an entity without a valid ID: ``E-`` + 16 hex digits."""
    return "E-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16].upper()


@dataclass
class TierA:
    merged_ids: int = 0  # valid IDs named by another (newer) ID of the same person
    linked: int = 0  # mentions without a usable ID linked by a registry key
    same_document: int = 0  # of them: by a document no registry names the holder of
    conflicts: list[str] = field(default_factory=list)  # keys mapped to two entities


def _find(parent: dict[str, str], x: str) -> str:
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def id_components(changes: list[tuple[str, str, object]]) -> dict[str, str]:
    """Valid ID → the entity id of its person, for IDs an ID change joins to others: the newest
    number (a new_id that is nobody's old_id, latest change first; ties by the number)."""
    parent: dict[str, str] = {}
    for old, new, _ in changes:
        parent[_find(parent, old)] = _find(parent, new)
    olds = {old for old, _, _ in changes}
    newest: dict[str, tuple[int, str, str]] = {}
    for _old, new, on in changes:
        rank = (0 if new in olds else 1, str(on or ""), new)
        root = _find(parent, new)
        newest[root] = max(newest.get(root, rank), rank)
    names = {x: newest[_find(parent, x)][2] for x in list(parent)}
    return {x: name for x, name in names.items() if x != name}


def resolve_tier_a(backend: Backend) -> TierA:
    """Fill ``_zb_id_map`` and ``_zb_tier_a``; the counts."""
    result = TierA()
    changes = backend.rows(
        "SELECT old_id, new_id, changed_on FROM id_changes WHERE old_id IS NOT NULL "
        "AND new_id IS NOT NULL AND old_id <> new_id ORDER BY old_id, new_id"
    )
    id_map = id_components([(str(a), str(b), c) for a, b, c in changes])
    result.merged_ids = len(id_map)
    backend.put(ID_MAP, pa.table({"id": list(id_map), "entity": list(id_map.values())},
                                 schema=pa.schema([("id", pa.string()), ("entity", pa.string())])))
    backend.execute(
        f"CREATE OR REPLACE TEMP TABLE {KEY_MAP} AS "
        f"SELECT e.key, min(coalesce(m.entity, e.id)) AS entity, min(e.how) AS how, "
        f"count(DISTINCT coalesce(m.entity, e.id)) AS entities "
        f"FROM ({KEY_EDGES}) AS e LEFT JOIN {ID_MAP} AS m ON m.id = e.id GROUP BY e.key"
    )
    # Two parties of one name in a case are two people, not a registry contradiction: such a
    # CASE: key links nobody and is not reported.
    result.conflicts = [r[0] for r in backend.rows(
        f"SELECT key FROM {KEY_MAP} WHERE entities > 1 AND key NOT LIKE 'CASE:%' "
        f"ORDER BY key LIMIT 100")]
    _link_mentions(backend, result)
    return result


def _link_mentions(backend: Backend, result: TierA) -> None:
    """Each unresolved mention whose keys name exactly one entity is linked to it; a document no
    registry knows makes its tickets one (opaque) traveller."""
    backend.execute(
        f"""CREATE OR REPLACE TEMP TABLE {TIER_A} AS
        WITH keyed AS (
          SELECT k.tbl, k.col, k.file_hash, k.sheet, k."row", k.key,
                 CASE WHEN m.entities = 1 THEN m.entity END AS entity, m.how, m.entities
          FROM ({MENTION_KEYS}) AS k LEFT JOIN {KEY_MAP} AS m ON m.key = k.key
        )
        SELECT tbl, col, file_hash, sheet, "row",
               min(entity) AS entity, min(how) AS how, min(key) AS key,
               count(DISTINCT entity) AS entities,
               bool_and(entities IS NULL) AS unknown_document
        FROM keyed GROUP BY tbl, col, file_hash, sheet, "row"
        HAVING count(DISTINCT entity) = 1 OR (count(DISTINCT entity) = 0
           AND bool_and(entities IS NULL) AND min(key) LIKE 'DOC:%')"""
    )
    rows = backend.rows(f"SELECT DISTINCT key FROM {TIER_A} WHERE entity IS NULL")
    docs = {str(k): opaque_id(str(k)) for (k,) in rows}
    backend.put("_zb_docs", pa.table({"key": list(docs), "entity": list(docs.values())},
                                     schema=pa.schema([("key", pa.string()),
                                                       ("entity", pa.string())])))
    backend.execute(
        f"UPDATE {TIER_A} AS t SET entity = d.entity, how = 'same_document' "
        f"FROM _zb_docs AS d WHERE t.entity IS NULL AND d.key = t.key"
    )
    result.linked = int(backend.rows(f"SELECT count(*) FROM {TIER_A}")[0][0])
    result.same_document = len(docs) and int(backend.rows(
        f"SELECT count(*) FROM {TIER_A} WHERE how = 'same_document'")[0][0])
