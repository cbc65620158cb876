"""Assets that reached the debtor's circle after the debt arose (债务形成后取得的财产): vehicles,
real estate and shareholdings of the debtor's relatives and of the companies the debtor controls
(股权穿透 over half) or represents, acquired after the debt date — the earliest filing of a case
in which the entity is 被执行人 — and no later than the as-of date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pyarrow as pa

from zhongben.engine.base import Engine
from zhongben.graph.relations import RelationGraph

OWNERS = "zb_rel_owners"
SUBJECT = "zb_rel_subject"
_OWNER = f"(SELECT o.entity_id FROM {OWNERS} AS o)"
_ASSETS = f"""
SELECT x.owner_id_entity, '车辆', CONCAT(COALESCE(x.plate, ''), ' ', COALESCE(x.model, '')),
       x.registered_on, CAST(x.est_value AS DOUBLE), 'vehicles', x._file, x._row
FROM vehicles AS x WHERE x.owner_id_entity IN {_OWNER}
UNION ALL
SELECT x.owner_id_entity, '不动产', COALESCE(x.address, x.unit_no), x.acquired_on,
       CAST(x.est_value AS DOUBLE), 'real_estate', x._file, x._row
FROM real_estate AS x WHERE x.owner_id_entity IN {_OWNER}
UNION ALL
SELECT x.holder_id_entity, '股权', CONCAT('持有 ', x.company_uscc), x.from_on,
       CAST(x.subscribed AS DOUBLE), 'shareholdings', x._file, x._row
FROM shareholdings AS x WHERE x.holder_id_entity IN {_OWNER}
"""
_DEBT_ON = f"""
SELECT MIN(c.filed_on) FROM parties AS p JOIN cases AS c ON c.case_no = p.case_no
WHERE p.role = '被执行人' AND p.id_no_entity IN (SELECT s.entity_id FROM {SUBJECT} AS s)
"""


@dataclass(frozen=True)
class LateAsset:
    owner: str
    link: str  # how the owner relates to the debtor (配偶, 控制的企业 …)
    kind: str  # 车辆 / 不动产 / 股权
    item: str
    acquired_on: dt.date
    value: float | None
    table: str
    file: str | None
    row: int | None


def debt_date(engine: Engine, subject: str) -> dt.date | None:
    """When the debt arose: the earliest filing of a case with ``subject`` as 被执行人."""
    engine.put(SUBJECT, pa.table({"entity_id": pa.array([subject], pa.string())}))
    rows = engine.fetch(_DEBT_ON)[1]
    return rows[0][0] if rows and rows[0][0] else None


def circle(graph: RelationGraph) -> dict[str, str]:
    """The owners whose acquisitions count: relatives, controlled and represented companies."""
    owners = dict(graph.kin())
    for company, stake in graph.controls.items():
        owners[company] = f"控制的企业（穿透持股 {stake:.0%}）"
    for company in graph.represented():
        owners.setdefault(company, "任法定代表人的企业")
    owners.pop(graph.subject, None)
    return owners


def late_assets(engine: Engine, graph: RelationGraph, debt_on: dt.date | None) -> list[LateAsset]:
    """Every asset of the circle acquired after ``debt_on`` and by the graph's as-of date."""
    owners = circle(graph)
    if debt_on is None or not owners:
        return []
    engine.put(OWNERS, pa.table({"entity_id": pa.array(sorted(owners), pa.string())}))
    found = []
    for owner, kind, item, on, value, table, file, row in engine.fetch(_ASSETS)[1]:
        if on is None or not debt_on < on <= graph.as_of:
            continue
        amount = float(value) if isinstance(value, float | int | Decimal) else None
        found.append(LateAsset(str(owner), owners[str(owner)], str(kind), str(item).strip(), on,
                               amount, str(table), file, row))
    return sorted(found, key=lambda a: (a.acquired_on, a.owner, a.item))
