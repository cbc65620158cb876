"""Checking the audit chain (``zhongben audit verify``): every entry's hash recomputed, every link
to the previous entry, the numbering, the head row, the guard triggers, and optionally an anchor
(the head as it was at an earlier check, kept off the database) so that even a rewrite of the
whole chain by someone with write access to the database is detected."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from zhongben.store.audit_chain import GENESIS, hash_of
from zhongben.store.models import AuditEntry, AuditHead

GUARDS = {
    "sqlite": ("audit_log_no_update", "audit_log_no_delete", "audit_head_forward",
               "audit_head_no_delete"),
    "postgresql": ("audit_log_no_update", "audit_log_no_truncate", "audit_head_forward",
                   "audit_head_no_delete", "audit_head_no_truncate"),
}


@dataclass(frozen=True)
class Anchor:
    seq: int
    entry_hash: str

    def write(self, path: Path) -> None:
        path.write_text(json.dumps({"seq": self.seq, "entry_hash": self.entry_hash}) + "\n",
                        encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> Anchor:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(int(data["seq"]), str(data["entry_hash"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"锚点文件 {path} 无法读取（应为 zhongben audit anchor 写出的 "
                             f"JSON）：{exc}") from exc


@dataclass
class ChainReport:
    entries: int = 0
    head: Anchor = field(default_factory=lambda: Anchor(0, GENESIS))
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _describe(entry: AuditEntry) -> str:
    return (f"第 {entry.seq} 条（编号 {entry.id}，{entry.at:%Y-%m-%d %H:%M:%S}，"
            f"{entry.username or '（无用户）'}，{entry.action}）")


def _walk(session: Session, report: ChainReport, hashes: dict[int, str],
          wanted: set[int]) -> None:
    expected, prev = 1, GENESIS
    query = (select(AuditEntry).where(AuditEntry.seq.is_not(None)).order_by(AuditEntry.seq)
             .execution_options(yield_per=2000))
    for entry in session.scalars(query):
        seq = int(entry.seq or 0)
        if seq != expected:
            missing = f"第 {expected} 条" if seq == expected + 1 else f"第 {expected}–{seq - 1} 条"
            report.problems.append(f"{missing}缺失：已被删除（下一条为{_describe(entry)}）")
        elif entry.prev_hash != prev:
            report.problems.append(f"{_describe(entry)}与前一条的链接不符：前一条被修改或替换")
        if hash_of(entry, entry.prev_hash or "", seq) != entry.entry_hash:
            report.problems.append(f"{_describe(entry)}的内容与其散列不符：该条被修改")
        if seq in wanted:
            hashes[seq] = entry.entry_hash or ""
        report.entries += 1
        expected, prev = seq + 1, entry.entry_hash or ""
    report.head = Anchor(expected - 1, prev)


def _check_head(session: Session, report: ChainReport) -> None:
    head = session.get(AuditHead, 1)
    if head is None:
        report.problems.append("链头记录（audit_head）缺失")
        return
    last = report.head
    if head.seq > last.seq:
        report.problems.append(f"末尾第 {last.seq + 1}–{head.seq} 条缺失：已被删除")
    elif head.seq < last.seq or head.entry_hash != last.entry_hash:
        report.problems.append(f"链头（第 {head.seq} 条）与最后一条（第 {last.seq} 条）不符："
                               "链头或末尾记录被改动")


def _check_unchained(session: Session, report: ChainReport) -> None:
    loose = session.scalar(select(func.count()).where(AuditEntry.seq.is_(None)))
    if loose:
        report.problems.append(f"{loose} 条记录不在链上：绕过本系统直接写入了审计日志")


def _check_guards(session: Session, report: ChainReport) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        sql = ("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN "
               "('audit_log'::regclass, 'audit_head'::regclass)")
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    present = {name for (name,) in session.execute(text(sql))}
    missing = [g for g in GUARDS.get(dialect, ()) if g not in present]
    if missing:
        report.warnings.append(f"保护触发器缺失：{'、'.join(missing)}（数据库中可直接改动审计"
                               "日志；散列链仍能发现改动）")


def verify_chain(session: Session, anchor: Anchor | None = None) -> ChainReport:
    report = ChainReport()
    hashes: dict[int, str] = {}
    _walk(session, report, hashes, {anchor.seq} if anchor else set())
    _check_head(session, report)
    _check_unchained(session, report)
    _check_guards(session, report)
    if anchor and anchor.seq and hashes.get(anchor.seq) != anchor.entry_hash:
        report.problems.append(f"锚点第 {anchor.seq} 条与日志不符：锚点之前的记录被改写或删除")
    return report

