"""Every table in the app can be exported to Excel (.xlsx) as a prosecutor filters it: amounts are
numbers shown ``#,##0.00``, dates and times are Excel dates (times in Beijing time), yes/no is
是/否, the header row is frozen with an autofilter, columns are as wide as their content, and a
说明 sheet says what the columns and rules mean."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi.responses import Response
from xlsxwriter.worksheet import Worksheet

from zhongben.leads.output.labels import value_text
from zhongben.protect.cells import new_workbook
from zhongben.protect.mark import ExportMark
from zhongben.protect.stamp import stamp_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_WIDTH, MIN_WIDTH, WRAP_AT = 60, 8, 40
NOTES_TITLE = "说明"


def display_width(text: str) -> int:
    """Columns a text takes: CJK characters count two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


class _Book:
    def __init__(self, buffer: io.BytesIO) -> None:
        self.book = new_workbook(buffer, {"in_memory": True})
        add = self.book.add_format
        self.head = add({"bold": True, "bg_color": "#DDE6F0", "border": 1, "text_wrap": True,
                         "valign": "top"})
        self.formats = {"money": add({"num_format": "#,##0.00", "valign": "top"}),
                        "float": add({"num_format": "0.00", "valign": "top"}),
                        "int": add({"num_format": "0", "valign": "top"}),
                        "date": add({"num_format": "yyyy-mm-dd", "valign": "top"}),
                        "datetime": add({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"}),
                        "text": add({"valign": "top"}),
                        "wrap": add({"text_wrap": True, "valign": "top"})}

    def write(self, sheet: Worksheet, r: int, c: int, value: Any) -> int:
        """Write one typed cell; returns the display width it needs."""
        f = self.formats
        if value is None:
            return 0
        if isinstance(value, bool):
            sheet.write_string(r, c, "是" if value else "否", f["text"])
            return 2
        if isinstance(value, Decimal):
            sheet.write_number(r, c, float(value), f["money"])
            return len(f"{value:,.2f}")
        if isinstance(value, int):
            sheet.write_number(r, c, value, f["int"])
            return len(str(value))
        if isinstance(value, float):
            sheet.write_number(r, c, value, f["float"])
            return len(f"{value:.2f}")
        if isinstance(value, dt.datetime):
            local = value.astimezone(SHANGHAI).replace(tzinfo=None)
            sheet.write_datetime(r, c, local, f["datetime"])
            return 16
        if isinstance(value, dt.date):
            sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), f["date"])
            return 10
        text = value_text(value) if isinstance(value, list | dict) else str(value)
        wide = display_width(max(text.splitlines() or [""], key=display_width))
        sheet.write_string(r, c, text, f["wrap"] if wide > WRAP_AT or "\n" in text else f["text"])
        return wide


def _table(book: _Book, sheet: Worksheet, headers: Sequence[str],
           rows: Iterable[Sequence[Any]]) -> None:
    widths = [display_width(h) for h in headers]
    count = 0
    for index, header in enumerate(headers):
        sheet.write_string(0, index, header, book.head)
    for count, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            widths[index] = max(widths[index], book.write(sheet, count, index, value))
    for index, width in enumerate(widths):
        sheet.set_column(index, index, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
    sheet.autofilter(0, 0, max(count, 1), len(headers) - 1)
    sheet.freeze_panes(1, 0)


def xlsx_bytes(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
               mark: ExportMark | None = None, notes: Sequence[tuple[str, Any]] = ()) -> bytes:
    """One sheet of ``rows`` and a 说明 sheet: when and what was exported, units, and
    ``notes`` (项目, 说明) — for leads each rule's explanation and legal basis."""
    buffer = io.BytesIO()
    book = _Book(buffer)
    _table(book, book.book.add_worksheet(title[:31]), headers, rows)
    explained = [("导出时间（北京时间）", dt.datetime.now()), ("表格", title),
                 ("金额", "单位为元，数值格式，保留两位小数"),
                 ("日期与时间", "Excel 日期格式，时间为北京时间"),
                 ("筛选", "第一行可筛选、已冻结"), *notes]
    _table(book, book.book.add_worksheet(NOTES_TITLE), ("项目", "说明"), explained)
    if mark is not None:
        stamp_xlsx(book.book, mark)
    book.book.close()
    return buffer.getvalue()


def xlsx_response(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                  mark: ExportMark | None = None,
                  notes: Sequence[tuple[str, Any]] = ()) -> Response:
    name = quote(f"{title}-{dt.date.today().isoformat()}.xlsx")
    return Response(xlsx_bytes(title, headers, rows, mark, notes), media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})
