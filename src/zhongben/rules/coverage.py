"""What a screen's data covers: per rule, the date up to which the tables it reads the absence of
hold data (``:data_until``); per table behind the screening date, a warning naming the rules that
read it; per lead, a sentence saying up to which date its data reaches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from zhongben.ingest.horizon import TableHorizon, behind
from zhongben.rules.spec import Rule


@dataclass(frozen=True)
class HorizonWarning:
    table: str
    zh: str
    latest: dt.date | None  # None: the table holds no row
    rules: tuple[str, ...]  # rules reading the table
    absence_rules: tuple[str, ...]  # of which those measuring an absence in it

    def message(self, as_of: dt.date) -> str:
        if self.latest is None:
            head = f"{self.zh}（{self.table}）没有数据"
            tail = f"其中 {'、'.join(self.absence_rules)} 以该表的缺失为据，本次未运行" \
                if self.absence_rules else ""
        else:
            head = (f"{self.zh}（{self.table}）数据截至 {self.latest.isoformat()}，早于筛查日期 "
                    f"{as_of.isoformat()}，此后的情况未知")
            tail = (f"其中 {'、'.join(self.absence_rules)} 以该表的缺失为据，只计到 "
                    f"{self.latest.isoformat()}") if self.absence_rules else ""
        rules = f"读此表的规则：{'、'.join(self.rules)}"
        return "；".join(part for part in (head, rules, tail) if part)

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "latest": self.latest.isoformat() if self.latest else None,
                "rules": list(self.rules), "absence_rules": list(self.absence_rules)}


def uncovered(rule: Rule, horizons: dict[str, TableHorizon]) -> list[str]:
    """The absence tables of ``rule`` holding no data at all: it cannot be run honestly."""
    return [t for t in rule.header.absence_of
            if t in horizons and (not horizons[t].rows or horizons[t].latest is None)]


def data_until(rule: Rule, as_of: dt.date, horizons: dict[str, TableHorizon]) -> dt.date:
    ends = [h.latest for t in rule.header.absence_of if (h := horizons.get(t)) and h.latest]
    return min([as_of, *ends])


def warnings(rules: list[Rule], as_of: dt.date,
             horizons: dict[str, TableHorizon]) -> list[HorizonWarning]:
    late = behind(horizons, as_of)
    empty = {n for n, h in horizons.items() if not h.rows or h.latest is None}
    found = []
    for name in [n for n in horizons if n in late or n in empty]:
        readers = tuple(r.id for r in rules if name in r.header.tables)
        absent = tuple(r.id for r in rules if name in r.header.absence_of)
        if name in empty and not absent:
            continue  # an empty table no absence rule counts on: nothing to warn about
        if readers:
            found.append(HorizonWarning(name, horizons[name].zh, late[name].latest
                                        if name in late else None, readers, absent))
    return found


def lead_note(rule: Rule, as_of: dt.date, horizons: dict[str, TableHorizon]) -> str:
    """'（所依据数据：执行措施截至2026-06-30。）' for the tables the rule reads that end before
    ``as_of``; empty when its data covers the screening date."""
    late = behind(horizons, as_of)
    parts = [f"{h.zh}截至{h.latest.isoformat()}" for t in rule.header.tables
             if (h := late.get(t)) and h.latest]
    return f"（所依据数据：{'、'.join(parts)}，其后情况未知。）" if parts else ""
