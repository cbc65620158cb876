"""Whether the entity columns describe the data loaded: ``ingest`` fills a new row's entity
columns with its own valid IDs, and only ``zhongben entities resolve`` links its passports, former
names, old, mistyped and masked numbers to entities. Until then the rules see those rows as an
exact-ID join would, and the user must be told so (ingest's report, screen's warnings)."""

from __future__ import annotations

from dataclasses import dataclass

from zhongben.identity.backend import Backend
from zhongben.identity.sources import SOURCES


@dataclass(frozen=True)
class Unresolved:
    """Rows whose mentions no resolution has seen: all of them (``never``) or those loaded after
    the last run (batch > ``last_batch``)."""

    rows: int
    never: bool
    last_batch: int = 0

    def message(self, db: str) -> str:
        todo = f"请运行 zhongben entities resolve --db {db} 后再筛查。"
        if self.never:
            return (f"工作库尚未做身份解析：{self.rows:,} 行数据中的人和企业只按证件号原样关联，"
                    "护照出行、曾用名或旧身份证号名下的财产、错号和遮蔽号的记录都不会成为线索。"
                    + todo)
        return (f"上次身份解析后又导入了 {self.rows:,} 行数据：其中的人和企业暂按证件号原样关联，"
                "护照、曾用名、旧号、错号、遮蔽号的记录尚未关联到实体，相关线索会缺漏。" + todo)


def unresolved(backend: Backend) -> Unresolved | None:
    """What resolution has not seen yet; None when every loaded row has been resolved."""
    present = backend.tables()
    tables = sorted({s.table for s in SOURCES if s.table in present})
    if not tables:
        return None
    last = _last_batch(backend, present)
    union = " UNION ALL ".join(
        f'SELECT count(*) AS n FROM "{t}" WHERE _batch > {last}' for t in tables
    )
    rows = int(backend.rows(f"SELECT coalesce(sum(n), 0) FROM ({union})")[0][0])
    if rows == 0:
        return None
    return Unresolved(rows, never=last < 0, last_batch=max(last, 0))


def _last_batch(backend: Backend, present: set[str]) -> int:
    """The newest batch the last resolution saw; -1 when none ran."""
    if "entity_runs" not in present:
        return -1
    (last,) = backend.rows("SELECT max(last_batch) FROM entity_runs")[0]
    return -1 if last is None else int(last)
