"""Ingest files and folders into the workspace: one transaction per file, a load report, and a
quarantine file listing every row that was not loaded and why."""

from __future__ import annotations

import csv
import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow as pa

from zhongben.data_requests.sources import INFO_SHEET, MARK_SHEET
from zhongben.ingest.bank import integrity_issues
from zhongben.ingest.catalog import already_loaded, ensure_catalog, finish_batch, start_batch
from zhongben.ingest.discover import discover
from zhongben.ingest.errors import FileRefused, NotAStatement
from zhongben.ingest.normalise.sql import register
from zhongben.ingest.plan import NotATable, SheetPlan, plan_sheet
from zhongben.ingest.report import LoadReport, QuarantinedCell, Refusal, SheetLoad
from zhongben.ingest.sheet_load import Provenance, load_sheet
from zhongben.ingest.sources import read_sheets

QUARANTINE_HEADER = ["文件", "工作表", "行号", "列", "原值", "原因"]


def ingest_paths(
    con: duckdb.DuckDBPyConnection, paths: list[Path], quarantine_dir: Path | None = None
) -> LoadReport:
    """Load every file below ``paths``. A refused file loads nothing; the others load."""
    ensure_catalog(con)
    register(con)
    batch = start_batch(con, ";".join(str(p) for p in paths))
    report = LoadReport(batch=batch)
    for file in discover(paths):
        _ingest_file(con, file, report)
    if any(load.table == "transactions" and load.loaded for load in report.sheets):
        report.integrity = integrity_issues(con, batch)
    finish_batch(con, batch)
    if report.quarantine and quarantine_dir is not None:
        report.quarantine_file = write_quarantine(report, quarantine_dir)
    if report.integrity and quarantine_dir is not None:
        report.integrity_file = write_integrity(report, quarantine_dir)
    return report


def _ingest_file(con: duckdb.DuckDBPyConnection, file: Path, report: LoadReport) -> None:
    try:
        plans = _plans(file)
    except (NotATable, NotAStatement) as skip:
        report.skipped_files.append((str(file), str(skip)))
        return
    except FileRefused as refused:
        report.refused.append(Refusal(refused.file, refused.problem, refused.advice))
        return
    with ThreadPoolExecutor(1) as pool:  # hash while the body is read and loaded
        file_hash = pool.submit(_sha256, file)
        _load_file(con, plans, file, file_hash, report)


def _sha256(file: Path) -> str:
    with file.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _load_file(
    con: duckdb.DuckDBPyConnection,
    plans: list[SheetPlan],
    file: Path,
    file_hash: Future[str],
    report: LoadReport,
) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        loads, cells = _load_plans(con, plans, file, file_hash, report.batch)
    except FileRefused as refused:
        con.execute("ROLLBACK")
        report.refused.append(Refusal(refused.file, refused.problem, refused.advice))
        return
    except BaseException:
        con.execute("ROLLBACK")
        raise
    _record_quarantine(con, report.batch, cells)
    con.execute("COMMIT")
    report.sheets.extend(loads)
    report.quarantine.extend(cells)


def _plans(file: Path) -> list[SheetPlan]:
    sheets = read_sheets(file)
    plans = [plan_sheet(sheet, len(sheets)) for sheet in sheets]
    found = [plan for plan in plans if plan is not None]
    if {MARK_SHEET, INFO_SHEET} <= {sheet.sheet for sheet in sheets}:  # a filled-in template
        found = [replace(plan, strict_ids=True) for plan in found]
    if not found:
        raise FileRefused(
            str(file),
            "文件中没有可识别的数据表（所有工作表都为空或名称无法识别）",
            "请把工作表命名为数据表名，例如“执行案件”“当事人”",
        )
    return found


def _load_plans(
    con: duckdb.DuckDBPyConnection,
    plans: list[SheetPlan],
    file: Path,
    hashing: Future[str],
    batch: int,
) -> tuple[list[SheetLoad], list[QuarantinedCell]]:
    """Load each planned sheet, unless the same bytes were loaded before. The body is read while
    the file is hashed (a wasted read only when a file is given again)."""
    loads: list[SheetLoad] = []
    cells: list[QuarantinedCell] = []
    for plan in plans:
        sheet = plan.sheet.sheet
        reader = plan.sheet.read_loose if plan.layout is not None else None
        body = (reader or plan.sheet.read_below)(plan.header_row)
        file_hash = hashing.result()
        if already_loaded(con, file_hash, sheet):
            loads.append(SheetLoad(str(file), sheet, plan.table.name, skipped_unchanged=True))
            continue
        table, unreadable = body.table, body.unreadable
        notes: list[str] = []
        set_aside = 0
        if plan.layout is not None:
            rows_in_file = table.num_rows + len(unreadable)
            table, notes = _from_statement(plan, table, unreadable)
            set_aside = rows_in_file - table.num_rows
            unreadable = []
        prov = Provenance(str(file), sheet, file_hash, batch)
        load, sheet_cells = load_sheet(con, plan, table, unreadable, prov)
        load.notes.extend(notes)
        load.set_aside = set_aside
        if plan.ignored_headers:
            load.notes.append("未使用的列：" + "、".join(plan.ignored_headers))
        con.execute(
            "INSERT INTO _files VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())",
            [
                file_hash,
                sheet,
                str(file),
                plan.table.name,
                batch,
                load.rows_read,
                load.loaded,
                load.quarantined_rows,
            ],
        )
        loads.append(load)
        cells.extend(sheet_cells)
    return loads, cells


def _from_statement(
    plan: SheetPlan, rows: pa.Table, unsplit: list[tuple[int, str]]
) -> tuple[pa.Table, list[str]]:
    """Map a statement in a bank's own layout onto `transactions`; say what was left out (summary
    and note lines, including lines of a CSV export that are not split into the header's
    columns, such as 合计 or 导出说明 footers)."""
    assert plan.layout is not None
    result = plan.layout.to_contract(
        rows, preamble=plan.sheet.head[: plan.header_row], file_name=plan.sheet.file.name
    )
    notes = [f"按“{plan.layout.name}”流水格式读取（表头在第 {plan.header_row + 1} 行）"]
    accounts = result.table.column("account_no")
    if result.table.num_rows and accounts.null_count == result.table.num_rows:
        notes.append(
            "流水中没有写明本方账号（表头上方、账号列、文件名中都没有）：各行已隔离；"
            "请把账号写进文件名（如 6222021001123456789_工商银行.csv）后重新导入"
        )
    by_reason: dict[str, list[int]] = {}
    unsplit_reason = "不是交易明细的说明/汇总行"
    for row, reason in [*result.dropped, *((row, unsplit_reason) for row, _ in unsplit)]:
        by_reason.setdefault(reason.split("：", 1)[0], []).append(row)
    for reason, rows_ in by_reason.items():
        shown = "、".join(str(r) for r in rows_[:10]) + ("…" if len(rows_) > 10 else "")
        notes.append(f"未作为交易导入（{reason}）：{len(rows_)} 行，第 {shown} 行")
    return result.table, notes


def _record_quarantine(
    con: duckdb.DuckDBPyConnection, batch: int, cells: list[QuarantinedCell]
) -> None:
    if cells:
        con.executemany(
            "INSERT INTO _quarantine VALUES (?, ?, ?, ?, ?, ?, ?)",
            [[batch, c.file, c.sheet, c.row, c.column, c.value, c.reason] for c in cells],
        )


def write_integrity(report: LoadReport, directory: Path) -> Path:
    """Write every statement integrity finding of this load (reported, never fixed)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"integrity-batch{report.batch}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["账号", "问题类型", "文件", "行号", "说明"])
        for issue in report.integrity:
            rows = "、".join(str(r) for r in issue.rows)
            writer.writerow([issue.account_no, issue.label, issue.file, rows, issue.message])
    return path


def write_quarantine(report: LoadReport, directory: Path) -> Path:
    """Write the quarantined cells of this load as a CSV that opens cleanly in Excel."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"quarantine-batch{report.batch}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(QUARANTINE_HEADER)
        for c in report.quarantine:
            writer.writerow([c.file, c.sheet or "", c.row, c.column, c.value or "", c.reason])
    return path
