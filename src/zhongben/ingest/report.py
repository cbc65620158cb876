"""The load report: what each file and table received, what was quarantined and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from zhongben.ingest.bank import Issue


@dataclass(frozen=True)
class QuarantinedCell:
    """One reason a row was not loaded: file, row, column, the value as written, and why."""

    file: str
    sheet: str | None
    row: int
    column: str  # the contract column, shown as 中文名(name)
    value: str | None
    reason: str


@dataclass
class SheetLoad:
    """What happened to one table-shaped part of a file."""

    file: str
    sheet: str | None
    table: str
    rows_read: int = 0
    loaded: int = 0
    replaced: int = 0  # rows of a natural key already stored, replaced by this load
    duplicates: int = (
        0  # exact repeats (within the file or of rows already stored), not stored again
    )
    quarantined_rows: int = 0
    invalid_ids: int = 0  # ID values kept but flagged: they failed their checksum
    skipped_unchanged: bool = False  # the same bytes were loaded before: nothing to do
    set_aside: int = 0  # statement lines that are no transaction (footers, failed, neutral …)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Refusal:
    """A file that could not be used at all."""

    file: str
    problem: str
    advice: str

    @property
    def message(self) -> str:
        return f"{self.file}：{self.problem}。{self.advice}"


@dataclass
class LoadReport:
    """Everything one ``ingest`` call did."""

    batch: int
    sheets: list[SheetLoad] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped_files: list[tuple[str, str]] = field(default_factory=list)  # (file, why) not tables
    quarantine: list[QuarantinedCell] = field(default_factory=list)
    quarantine_file: Path | None = None
    integrity: list[Issue] = field(default_factory=list)  # statements: breaks, gaps, repeats
    integrity_file: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.refused

    def by_table(self) -> dict[str, dict[str, int]]:
        """Totals per table, for the printed report."""
        totals: dict[str, Counter[str]] = {}
        for load in self.sheets:
            counter = totals.setdefault(load.table, Counter())
            counter["files"] += 1
            for name in (
                "rows_read",
                "loaded",
                "replaced",
                "duplicates",
                "quarantined_rows",
                "invalid_ids",
            ):
                counter[name] += getattr(load, name)
            counter["unchanged"] += int(load.skipped_unchanged)
        return {table: dict(counter) for table, counter in sorted(totals.items())}

    def reasons(self) -> Counter[str]:
        """How often each quarantine reason occurred (reason text without the cell value)."""
        return Counter(f"{cell.column}：{_reason_kind(cell.reason)}" for cell in self.quarantine)


def _reason_kind(reason: str) -> str:
    return reason.split("：", 1)[0]
