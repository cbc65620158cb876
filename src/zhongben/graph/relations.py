"""The relation graph (关系图谱) of one entity: kinship and marriage, legal representatives and
shareholdings, and a phone, address or bank account shared with another entity — every edge read
from a stored row (its file and row kept) and joined on entity ids (``<column>_entity``), never on
ID strings as written. Read through the engine protocol (``Engine.put`` / ``Engine.fetch``), so
the same code runs on DuckDB and on Spark.

Shareholdings are followed up and down to ``control.MAX_LAYERS`` layers for 股权穿透 (ultimate
controllers, controlled companies); the other kinds two steps from the subject."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from zhongben.engine.base import Engine
from zhongben.graph.control import Holding, controlled, fraction, ultimate_controllers

FRONTIER = "zb_rel_frontier"
STEPS = 2
MAX_EDGES = 400
_IN = f"(SELECT f.entity_id FROM {FRONTIER} AS f)"
KIND_LABELS = {"kin": "亲属", "legal_rep": "法定代表人", "share": "持股", "phone": "同一电话",
               "address": "同一地址", "account": "同一银行账户"}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # KIND_LABELS
    label: str
    table: str
    file: str | None
    row: int | None
    ratio: float | None = None


@dataclass
class RelationGraph:
    subject: str
    as_of: dt.date
    names: dict[str, str] = field(default_factory=dict)
    companies: set[str] = field(default_factory=set)
    edges: list[Edge] = field(default_factory=list)
    controllers: list[tuple[str, float]] = field(default_factory=list)
    controls: dict[str, float] = field(default_factory=dict)

    def name(self, entity: str) -> str:
        return self.names.get(entity) or "（名称未知）"

    def kin(self) -> dict[str, str]:
        """The subject's relatives: entity → relation."""
        found = {}
        for e in self.edges:
            if e.kind == "kin" and self.subject in (e.source, e.target):
                found[e.target if e.source == self.subject else e.source] = e.label
        return found

    def represented(self) -> set[str]:
        return {e.target for e in self.edges if e.kind == "legal_rep" and e.source == self.subject}


def _edge_sql(as_of: dt.date) -> dict[str, str]:
    day = f"DATE '{as_of.isoformat()}'"
    current = "(x.to_on IS NULL OR x.to_on > {day}) AND (x.from_on IS NULL OR x.from_on <= {day})"
    return {
        "kin": f"""SELECT x.person_a_id_entity, x.person_b_id_entity, x.relation, 'relations',
            x._file, x._row, CAST(NULL AS DOUBLE) FROM relations AS x
            WHERE (x.person_a_id_entity IN {_IN} OR x.person_b_id_entity IN {_IN})
            AND x.person_a_id_entity IS NOT NULL AND x.person_b_id_entity IS NOT NULL
            AND {current.format(day=day)}""",
        "legal_rep": f"""SELECT x.legal_rep_id_entity, x.uscc_entity, '法定代表人', 'companies',
            x._file, x._row, CAST(NULL AS DOUBLE) FROM companies AS x
            WHERE (x.uscc_entity IN {_IN} OR x.legal_rep_id_entity IN {_IN})
            AND x.legal_rep_id_entity IS NOT NULL AND x.uscc_entity IS NOT NULL""",
        "share": f"""SELECT x.holder_id_entity, x.company_uscc_entity, '股东', 'shareholdings',
            x._file, x._row, CAST(x.ratio AS DOUBLE) FROM shareholdings AS x
            WHERE (x.holder_id_entity IN {_IN} OR x.company_uscc_entity IN {_IN})
            AND x.holder_id_entity IS NOT NULL AND x.company_uscc_entity IS NOT NULL
            AND {current.format(day=day)}""",
        "phone": _shared("parties", "phone", "id_no_entity", "同一联系电话"),
        "address": _shared("parties", "address", "id_no_entity", "同一住所地"),
        "account": _shared("bank_accounts", "account_no", "holder_id_entity", "同一银行账户"),
    }


def _shared(table: str, column: str, entity: str, label: str) -> str:
    return f"""SELECT a.{entity}, b.{entity}, '{label}', '{table}', b._file, b._row,
        CAST(NULL AS DOUBLE) FROM {table} AS a JOIN {table} AS b
        ON a.{column} = b.{column} AND a.{entity} < b.{entity}
        WHERE (a.{entity} IN {_IN} OR b.{entity} IN {_IN}) AND TRIM(a.{column}) <> ''"""


def _put_frontier(engine: Engine, entities: set[str]) -> None:
    engine.put(FRONTIER, pa.table({"entity_id": pa.array(sorted(entities), pa.string())}))


def _edges(engine: Engine, kinds: list[str], as_of: dt.date) -> list[Edge]:
    sql = _edge_sql(as_of)
    found = []
    for kind in kinds:
        _, rows = engine.fetch(sql[kind])
        found += [Edge(str(a), str(b), kind, str(label), table, file, row,
                       None if ratio is None else fraction(ratio))
                  for a, b, label, table, file, row, ratio in rows]
    return found


def _grow(engine: Engine, start: set[str], kinds: list[str], steps: int,
          as_of: dt.date) -> set[Edge]:
    seen, frontier = set(start), set(start)
    edges: set[Edge] = set()
    for _ in range(steps):
        if not frontier:
            break
        _put_frontier(engine, frontier)
        new = set(_edges(engine, kinds, as_of)) - edges
        edges |= new
        frontier = {n for e in new for n in (e.source, e.target)} - seen
        seen |= frontier
    return edges


def relation_graph(engine: Engine, subject: str, as_of: dt.date) -> RelationGraph:
    """The graph around ``subject`` (an entity id) as of ``as_of``."""
    graph = RelationGraph(subject, as_of)
    near = _grow(engine, {subject}, ["kin", "legal_rep", "phone", "address", "account"], STEPS,
                 as_of)
    nodes = {subject} | {n for e in near for n in (e.source, e.target)}
    shares = _grow(engine, nodes, ["share"], 6, as_of)
    graph.edges = sorted(near | shares, key=lambda e: (e.kind, e.source, e.target))[:MAX_EDGES]
    holdings = [Holding(e.source, e.target, e.ratio or 0.0) for e in shares]
    graph.controllers = ultimate_controllers(subject, holdings)
    graph.controls = controlled(subject, holdings)
    everyone = {subject} | {n for e in graph.edges for n in (e.source, e.target)}
    graph.names, graph.companies = _names(engine, everyone)
    return graph


_NAMES = f"""
SELECT x.id_no_entity, MIN(x.name), MIN(CASE WHEN x.party_type = '法人' THEN 1 ELSE 0 END)
FROM parties AS x WHERE x.id_no_entity IN {_IN} GROUP BY x.id_no_entity
UNION ALL SELECT x.uscc_entity, MIN(x.name), 1 FROM companies AS x
WHERE x.uscc_entity IN {_IN} GROUP BY x.uscc_entity
UNION ALL SELECT x.holder_id_entity, MIN(x.holder_name), 0 FROM shareholdings AS x
WHERE x.holder_id_entity IN {_IN} GROUP BY x.holder_id_entity
UNION ALL SELECT x.company_uscc_entity, NULL, 1 FROM shareholdings AS x
WHERE x.company_uscc_entity IN {_IN} GROUP BY x.company_uscc_entity
UNION ALL SELECT x.holder_id_entity, MIN(x.holder_name), 0 FROM bank_accounts AS x
WHERE x.holder_id_entity IN {_IN} GROUP BY x.holder_id_entity
"""


def _names(engine: Engine, entities: set[str]) -> tuple[dict[str, str], set[str]]:
    _put_frontier(engine, entities)
    names: dict[str, str] = {}
    companies: set[str] = set()
    rows: list[tuple[Any, ...]] = engine.fetch(_NAMES)[1]
    for entity, name, company in rows:
        if name and str(entity) not in names:
            names[str(entity)] = str(name)
        if company:
            companies.add(str(entity))
    return names, companies
