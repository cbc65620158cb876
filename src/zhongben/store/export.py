"""Every table in the app can be exported to Excel (.xlsx)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import xlsxwriter
from fastapi.responses import Response

from zhongben.protect.mark import ExportMark
from zhongben.protect.stamp import stamp_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return str(value)
    return value


def xlsx_bytes(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
               mark: ExportMark | None = None) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(title[:31])
    bold = book.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1})
    sheet.write_row(0, 0, list(headers), bold)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [_cell(v) for v in row])
    sheet.set_column(0, len(headers) - 1, 16)
    sheet.freeze_panes(1, 0)
    if mark is not None:
        stamp_xlsx(book, mark)
    book.close()
    return buffer.getvalue()


def xlsx_response(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                  mark: ExportMark | None = None) -> Response:
    name = quote(f"{title}-{date.today().isoformat()}.xlsx")
    return Response(xlsx_bytes(title, headers, rows, mark), media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})
