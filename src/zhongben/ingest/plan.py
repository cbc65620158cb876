"""Decide what a sheet is: which contract table, which row is the header, which cell is which
column. A sheet that cannot be placed is refused with the reason and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zhongben.contracts import TABLES, Column, Table
from zhongben.ingest.bank import BankLayout, locate_header
from zhongben.ingest.bank.layout import OUTPUT_COLUMNS
from zhongben.ingest.bank.unknown import looks_like_statement, unknown_statement
from zhongben.ingest.errors import FileRefused
from zhongben.ingest.headers import find_header_row, fold_text, map_headers, table_for_name
from zhongben.ingest.sources import RawSheet, unique_names

TRUTH_HEADER = ["rule_id", "case_no", "subject_id"]
_DEFAULT_SHEET_NAMES = ("sheet", "工作表", "sheet1", "sheet0", "工作表1")


@dataclass(frozen=True)
class MappedColumn:
    column: Column
    source: str | None  # the body column holding it, None when the file lacks it
    unit: str | None  # "万" when the header says the values are in 万元


@dataclass(frozen=True)
class SheetPlan:
    sheet: RawSheet
    table: Table
    header_row: int  # index into sheet.head
    columns: tuple[MappedColumn, ...]
    ignored_headers: tuple[str, ...]  # header cells that name no column of the table
    layout: BankLayout | None = None  # a bank/payment statement mapped onto transactions
    strict_ids: bool = False  # a data-request template: a failed check digit is quarantined


class NotATable(Exception):
    """A file the product knows but which is not data (e.g. an evaluation truth file)."""


def plan_sheet(sheet: RawSheet, sheet_count: int) -> SheetPlan | None:
    """The plan for one sheet; None for an empty sheet or an unnamed extra sheet of a workbook."""
    if not any(any(cell.strip() for cell in row) for row in sheet.head):
        return None
    if [fold_text(c) for c in sheet.head[0][:3]] == TRUTH_HEADER:
        raise NotATable("评估用真值文件（rule_id,case_no,subject_id），不是数据表，已跳过")
    table = _table_of(sheet, sheet_count)
    if table is None or table.name == "transactions":
        statement = _statement_plan(sheet, table)
        if statement is not None:
            return statement
    if table is None:
        if sheet.sheet is not None and sheet_count > 1:
            return None
        statement_header = looks_like_statement(sheet.head)
        if statement_header is not None:
            raise FileRefused(sheet.label, *unknown_statement(statement_header))
        raise FileRefused(
            sheet.label,
            f"无法确定对应的数据表：名称“{_stem(sheet)}”不是任何数据表的表名",
            "请把文件或工作表命名为数据表的英文名或中文名，例如 cases.csv、执行案件.xlsx、"
            "当事人.csv（全部表名见 docs/reference/data-contract.md）",
        )
    header = find_header_row(table, sheet.head)
    if header is None:
        raise FileRefused(
            sheet.label,
            f"找不到“{table.zh}”的表头行（前 {len(sheet.head)} 行中没有任何必填列的列名）",
            _required_advice(table),
        )
    return _mapped_plan(sheet, table, header)


def _mapped_plan(sheet: RawSheet, table: Table, header: int) -> SheetPlan:
    headers = sheet.head[header]
    mapped = map_headers(table, headers)
    by_column = {column.name: (i, unit) for i, (column, unit) in mapped.items()}
    missing = [c for c in table.required if c.name not in by_column]
    if missing:
        listed = "、".join(f"{c.zh}（{c.name}）" for c in missing)
        raise FileRefused(sheet.label, f"“{table.zh}”缺少必填列：{listed}", _required_advice(table))
    names = unique_names(headers)  # the body's column names, as the readers give them
    columns = tuple(
        MappedColumn(column, names[by_column[column.name][0]], by_column[column.name][1])
        if column.name in by_column
        else MappedColumn(column, None, None)
        for column in table.columns
    )
    ignored = tuple(h for i, h in enumerate(headers) if i not in mapped and h.strip())
    return SheetPlan(sheet, table, header, columns, ignored)


def _statement_plan(sheet: RawSheet, named: Table | None) -> SheetPlan | None:
    """A bank or payment-platform statement in its own layout (split 收入/支出 columns, signed
    amounts, 借/贷 flags, title rows …), recognised by its header; None when the sheet is a
    `transactions` table in the contract's own shape, or no statement at all."""
    transactions = TABLES["transactions"]
    if named is not None:
        header = find_header_row(transactions, sheet.head)
        mapped = map_headers(transactions, sheet.head[header]) if header is not None else {}
        if {c.name for c, _ in mapped.values()} >= {c.name for c in transactions.required}:
            return None
    found = locate_header(sheet.head)
    if found is None:
        return None
    header, layout = found
    columns = tuple(
        MappedColumn(c, c.name if c.name in OUTPUT_COLUMNS else None, None)
        for c in transactions.columns
    )
    return SheetPlan(sheet, transactions, header, columns, (), layout)


def _table_of(sheet: RawSheet, sheet_count: int) -> Table | None:
    if sheet.sheet is not None:
        table = table_for_name(sheet.sheet)
        if table is not None:
            return table
        if sheet_count > 1 and fold_text(sheet.sheet) not in _DEFAULT_SHEET_NAMES:
            return None
    return table_for_name(Path(sheet.file).stem)


def _stem(sheet: RawSheet) -> str:
    """The name that failed to designate a table: a meaningful sheet name, else the file's."""
    if sheet.sheet and fold_text(sheet.sheet) not in _DEFAULT_SHEET_NAMES:
        return sheet.sheet
    return sheet.file.stem


def _required_advice(table: Table) -> str:
    names = "、".join(f"{c.zh}（{c.name}）" for c in table.required)
    return f"“{table.zh}”（{table.name}）的必填列是：{names}；请补齐列名后重新导入"
