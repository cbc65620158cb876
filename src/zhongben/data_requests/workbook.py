"""Write one agency's template: the letter (函), the list of people asked about (查询名单), one
sheet per contract table (named as ``ingest`` recognises it, the Chinese headers in row 1, data
validation on every column), the 填写说明 (each column's meaning, format and example) and a
hidden 模版信息 sheet that marks the workbook as a template when it comes back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from zhongben.contracts import TABLES, Column, Kind, Table
from zhongben.data_requests.sources import (
    FORMATS,
    INFO_SHEET,
    LETTER_SHEET,
    MARK_SHEET,
    SUBJECTS_SHEET,
    VERSION,
    Agency,
    letter,
)
from zhongben.identifiers.id_card import check_digit
from zhongben.identifiers.uscc import CHARSET, WEIGHTS, check_char
from zhongben.protect.cells import new_workbook

ROWS = 5000  # rows prepared with validation below the header
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
EXAMPLES = {Kind.PERSON_ID: "33068319900101123" + check_digit("33068319900101123"),
            Kind.USCC: "91330683MA2D12345" + check_char("91330683MA2D12345")}


def write_template(agency: Agency, path: Path, office: str | None = None) -> None:
    book = new_workbook(str(path))
    formats = _formats(book)
    _names(book)
    _letter(book, agency, office, formats)
    _subjects(book, formats)
    for name in agency.tables:
        _data_sheet(book, TABLES[name], formats)
    _instructions(book, agency, formats)
    info = book.add_worksheet(INFO_SHEET)
    info.write_row(0, 0, ["模版", agency.key, "版本", VERSION])
    info.hide()
    book.close()


def _formats(book: Workbook) -> dict[str, Any]:
    return {
        "title": book.add_format({"bold": True, "font_size": 16, "align": "center"}),
        "text": book.add_format({"text_wrap": True, "valign": "top"}),
        "head": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "required": book.add_format({"bold": True, "bg_color": "#FCE4D6", "font_color": "#C00000",
                                     "border": 1}),
        "id": book.add_format({"num_format": "@"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "timestamp": book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
        "amount": book.add_format({"num_format": "0.00"}),
    }


def _names(book: Workbook) -> None:
    """Defined names the check-digit validations use (array constants are not allowed there)."""
    helper = book.add_worksheet("校验参数")
    helper.write_column(0, 0, ID_WEIGHTS)
    helper.write_column(0, 1, WEIGHTS)
    helper.hide()
    book.define_name("身份证权数", "=校验参数!$A$1:$A$17")
    book.define_name("信用代码权数", "=校验参数!$B$1:$B$17")
    book.define_name("信用代码字符", f'="{CHARSET}"')


def _letter(book: Workbook, agency: Agency, office: str | None, f: dict[str, Any]) -> None:
    sheet = book.add_worksheet(LETTER_SHEET)
    sheet.set_column(0, 0, 100)
    paragraphs = letter(agency, office) if office else letter(agency)
    for row, text in enumerate(paragraphs):
        sheet.write_string(row, 0, text, f["title"] if row in (0, 1) else f["text"])


def _subjects(book: Workbook, f: dict[str, Any]) -> None:
    sheet = book.add_worksheet(SUBJECTS_SHEET)
    sheet.write_row(0, 0, ["姓名或名称", "证件号码", "查询期间起", "查询期间止", "备注"], f["head"])
    sheet.set_column(0, 4, 22)
    sheet.set_column(1, 1, 22, f["id"])
    _validate(sheet, 1, Column("id_no", "证件号码", Kind.PARTY_ID))


def _data_sheet(book: Workbook, table: Table, f: dict[str, Any]) -> None:
    sheet = book.add_worksheet(table.zh)
    sheet.freeze_panes(1, 0)
    for i, column in enumerate(table.columns):
        sheet.write_string(0, i, column.zh, f["required"] if column.required else f["head"])
        sheet.write_comment(0, i, _describe(column))
        sheet.set_column(i, i, max(12, 2 * len(column.zh) + 2), _cell_format(column, f))
        _validate(sheet, i, column)


def _cell_format(column: Column, f: dict[str, Any]) -> Any:
    if column.kind in (Kind.PERSON_ID, Kind.USCC, Kind.PARTY_ID, Kind.CODE, Kind.CASE_NO,
                       Kind.MONTH):
        return f["id"]  # text: Excel must not turn an 18-digit number into 3.3E+17
    return {Kind.DATE: f["date"], Kind.TIMESTAMP: f["timestamp"],
            Kind.AMOUNT: f["amount"]}.get(column.kind)


def _describe(column: Column) -> str:
    fmt, _ = FORMATS[column.kind]
    values = f"可选：{'、'.join(column.values)}" if column.values else ""
    parts = ["必填" if column.required else "选填", fmt, values, column.doc]
    return "；".join(p for p in parts if p)


def _validate(sheet: Worksheet, col: int, column: Column) -> None:
    rule = _rule(column, xlsxwriter.utility.xl_rowcol_to_cell(1, col))
    if rule is not None:
        sheet.data_validation(1, col, ROWS, col, {
            **rule, "error_title": f"{column.zh}填写有误",
            "error_message": f"{column.zh}：{_describe(column)}"[:255],
            "input_title": column.zh[:32], "input_message": _describe(column)[:255]})


def _rule(column: Column, cell: str) -> dict[str, Any] | None:
    kind = column.kind
    if kind in (Kind.DATE, Kind.TIMESTAMP):
        return {"validate": "date", "criteria": "between", "minimum": _date("1900-01-01"),
                "maximum": _date("2100-12-31")}
    if kind in (Kind.AMOUNT, Kind.NUMBER):
        return {"validate": "decimal", "criteria": ">=", "value": -1e12}
    if kind is Kind.INTEGER:
        return {"validate": "integer", "criteria": ">=", "value": 0}
    if kind is Kind.MONTH:
        return {"validate": "custom", "value": f'=AND(LEN({cell})=7,MID({cell},5,1)="-")'}
    if kind is Kind.ENUM and column.values and len("，".join(column.values)) < 250:
        style = "warning" if column.open_values else "stop"
        return {"validate": "list", "source": list(column.values), "error_type": style}
    if kind in (Kind.PERSON_ID, Kind.USCC, Kind.PARTY_ID):
        return {"validate": "custom", "value": _id_formula(kind, cell)}
    return None


def _id_formula(kind: Kind, c: str) -> str:
    person = (f'AND(LEN({c})=18,MID("10X98765432",MOD(SUMPRODUCT(--MID({c},'
              f'ROW(INDIRECT("1:17")),1),身份证权数),11)+1,1)=UPPER(RIGHT({c},1)))')
    uscc = (f'AND(LEN({c})=18,MID(信用代码字符,MOD(31-MOD(SUMPRODUCT((FIND(MID({c},'
            f'ROW(INDIRECT("1:17")),1),信用代码字符)-1)*信用代码权数),31),31)+1,1)=RIGHT({c},1))')
    if kind is Kind.PERSON_ID:
        return f"=OR({c}=\"\",{person})"
    if kind is Kind.USCC:
        return f"=OR({c}=\"\",{uscc})"
    return f"=OR({c}=\"\",ISERROR({person}),{person},ISERROR({uscc}),{uscc})"


def _date(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


def _instructions(book: Workbook, agency: Agency, f: dict[str, Any]) -> None:
    sheet = book.add_worksheet(MARK_SHEET)
    sheet.set_column(0, 1, 18)
    sheet.set_column(2, 2, 8)
    sheet.set_column(3, 5, 40, f["text"])
    titles = ["数据表（工作表）", "列名", "是否必填", "含义", "格式", "示例"]
    sheet.write_row(0, 0, titles, f["head"])
    row = 1
    for name in agency.tables:
        table = TABLES[name]
        for column in table.columns:
            fmt, example = FORMATS[column.kind]
            if column.values:
                fmt = f"{fmt}：{'、'.join(column.values)}"
            sample = EXAMPLES.get(column.kind, column.values[0] if column.values else example)
            sheet.write_row(row, 0, [table.zh, column.zh, "必填" if column.required else "选填",
                                     column.doc or table.doc or column.zh, fmt, sample or "—"])
            row += 1
    sheet.write_string(row + 1, 0, "说明：红色表头为必填列；工作表名称和表头请勿改动；证件号码"
                                   "请按文本填写（末位校验码须正确，错误的行将被退回核对）。",
                       f["text"])
