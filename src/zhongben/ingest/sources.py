"""Readers: a file on disk → sheets of raw text cells.

Every reader yields ``RawSheet``s: the first rows (to find the header and the table), and a way to
read all rows below a chosen header row as an Arrow table of strings with ``_row``, the row number
a user sees in a spreadsheet or editor (header row = its own number, first data row after it).
Nothing is interpreted here: types and formats are the normalisers' job.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from zhongben.ingest.arrays import string_array
from zhongben.ingest.errors import FileRefused
from zhongben.ingest.sheets import Body, RawSheet, unique_names

PEEK_ROWS = 60  # 支付宝 puts its header on line 25, after the export notes
_ENCODINGS = ("utf-8-sig", "gb18030")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def read_sheets(path: Path) -> list[RawSheet]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise FileRefused(str(path), "文件不存在", "请检查路径是否正确")
    if suffix in EXCEL_SUFFIXES:
        return _excel_sheets(path)
    if suffix == ".parquet":
        return [_parquet_sheet(path)]
    if suffix == ".pdf":
        from zhongben.ingest.pdf_statement import pdf_statement

        return [pdf_statement(path)]
    return [_csv_sheet(path)]


# --- CSV ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvDialect:
    encoding: str
    delimiter: str


def sniff_csv(path: Path) -> CsvDialect:
    """Detect the encoding (UTF-8 with or without BOM, else GB18030) and the delimiter."""
    with path.open("rb") as handle:
        sample = handle.read(1 << 16)
    encoding = _detect_encoding(path, sample)
    text = sample.decode(encoding, errors="ignore")
    lines = [line for line in text.splitlines()[:PEEK_ROWS] if line.strip()]
    tabs = sum(line.count("\t") for line in lines)
    commas = sum(line.count(",") for line in lines)
    return CsvDialect(encoding=encoding, delimiter="\t" if tabs > commas else ",")


def _detect_encoding(path: Path, sample: bytes) -> str:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        return "utf-16"
    for encoding in _ENCODINGS:
        try:
            sample.decode(encoding)
            return encoding
        except UnicodeDecodeError as error:
            # a multi-byte character cut by the sample's end (positions exclude a stripped BOM)
            if error.start > len(error.object) - 4:
                return encoding
    raise FileRefused(
        str(path),
        "无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）",
        "请用 Excel 或记事本另存为 UTF-8 编码的 CSV 后重新导入",
    )


def _csv_sheet(path: Path) -> RawSheet:
    dialect = sniff_csv(path)
    with path.open(encoding=dialect.encoding, newline="") as handle:
        head = [
            row
            for _, row in zip(
                range(PEEK_ROWS), csv.reader(handle, delimiter=dialect.delimiter), strict=False
            )
        ]

    def read_below(header: int) -> Body:
        return _read_csv_body(path, dialect, header, head[header] if head else [])

    def read_loose(header: int) -> Body:
        return _read_csv_loose(path, dialect, header, head[header] if head else [])

    return RawSheet(file=path, sheet=None, head=head, read_below=read_below,
                    read_loose=read_loose)


def _read_csv_loose(path: Path, dialect: CsvDialect, header: int, names: list[str]) -> Body:
    """Every row below the header, cut or padded to the header's width (extra cells that are not
    empty get columns of their own); ``_row`` is the line number in the file."""
    width = len(names)
    rows: list[list[str]] = []
    numbers: list[int] = []
    with path.open(encoding=dialect.encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=dialect.delimiter)
        for index, row in enumerate(reader):
            if index > header:
                rows.append(row)
                numbers.append(reader.line_num)
    width = max([width, *(_used(r) for r in rows)])
    names = unique_names(names + [""] * (width - len(names)))
    columns = {n: string_array([r[i] if i < len(r) else "" for r in rows])
               for i, n in enumerate(names)}
    table = pa.table(columns) if columns else pa.table({"_empty": string_array([])})
    return Body(table.append_column("_row", _int32_array(numbers)), [])


def _used(row: list[str]) -> int:
    """The width of a row without its trailing empty cells."""
    width = len(row)
    while width and not row[width - 1].strip():
        width -= 1
    return width


# Arrow's threaded reader first finds the record boundaries on one thread (quoted cells may hold
# newlines), then parses blocks in parallel: a third more CPU in all. On two cores, where the file
# is hashed meanwhile, reading on one thread is as fast and leaves the other core to the hash.
THREADED_READ = (os.cpu_count() or 1) > 2


def _read_csv_body(path: Path, dialect: CsvDialect, header: int, names: list[str]) -> Body:
    bad: list[tuple[int, str]] = []
    try:
        table = _arrow_csv(path, dialect, header, names, threads=THREADED_READ, bad=bad)
        if table is None:  # a bad row: re-read on one thread, which knows the row numbers
            bad.clear()
            table = _arrow_csv(path, dialect, header, names, threads=False, bad=bad)
    except (pa.ArrowInvalid, UnicodeDecodeError) as error:
        raise FileRefused(
            str(path), f"文件内容无法按 CSV 读取（{error}）", "请确认文件是逗号或制表符分隔的文本"
        ) from error
    assert table is not None
    if not bad:
        return Body(_with_row_numbers(table, first=header + 2), [])
    return Body(_number_around(table, header, bad), bad)


def _arrow_csv(
    path: Path,
    dialect: CsvDialect,
    header: int,
    names: list[str],
    *,
    threads: bool,
    bad: list[tuple[int, str]],
) -> pa.Table | None:
    """Read with Arrow; on a threaded read, None when a row has the wrong number of fields."""
    names = unique_names(names)
    encoding = "utf8" if dialect.encoding.startswith("utf-8") else dialect.encoding
    found_bad = False

    def on_bad_row(row: pacsv.InvalidRow) -> str:
        nonlocal found_bad
        found_bad = True
        if row.number is not None:
            bad.append(
                (row.number, f"该行有 {row.actual_columns} 列，表头有 {row.expected_columns} 列")
            )
        return "skip"

    read = pacsv.ReadOptions(
        skip_rows=header + 1,
        column_names=names,
        encoding=encoding,
        block_size=1 << 20,  # cache-sized blocks: a third less CPU than 16 MB ones
        use_threads=threads,
    )
    parse = pacsv.ParseOptions(
        delimiter=dialect.delimiter, invalid_row_handler=on_bad_row, newlines_in_values=True
    )
    convert = pacsv.ConvertOptions(
        column_types={n: pa.string() for n in names},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    table = pacsv.read_csv(
        str(path), read_options=read, parse_options=parse, convert_options=convert
    )
    return None if threads and found_bad else table


def _number_around(table: pa.Table, header: int, bad: list[tuple[int, str]]) -> pa.Table:
    """Row numbers for a body from which the rows in ``bad`` (file row numbers) were skipped."""

    skipped = {number for number, _ in bad}
    numbers: list[int] = []
    candidate = header + 2
    while len(numbers) < table.num_rows:
        if candidate not in skipped:
            numbers.append(candidate)
        candidate += 1
    return table.append_column("_row", _int32_array(numbers))


# --- Excel ---------------------------------------------------------------------------------------


def _excel_sheets(path: Path) -> list[RawSheet]:
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
    except Exception as error:  # fastexcel raises its own error types for unreadable workbooks
        raise FileRefused(
            str(path),
            f"无法打开工作簿（{error}）",
            "请确认文件是有效的 Excel 文件（.xlsx/.xls），未加密且未损坏",
        ) from error
    return [_excel_sheet(path, reader, name) for name in reader.sheet_names]


def _excel_sheet(path: Path, reader: object, name: str) -> RawSheet:
    """A worksheet parsed once: calamine reads the whole sheet even for its first rows, so the
    rows that find the header and the body below it come from the same parse."""
    load = reader.load_sheet  # type: ignore[attr-defined]
    whole = load(name, header_row=None, dtypes="string").to_arrow()
    head = _rows_of(whole.slice(0, PEEK_ROWS))

    def read_below(header: int) -> Body:
        table = whole.slice(header + 1)
        names = unique_names(head[header] + [""] * max(0, table.num_columns - len(head[header])))
        table = pa.table(table.columns, names=names[: table.num_columns])
        table = table.cast(pa.schema([(n, pa.string()) for n in table.column_names]))
        return Body(_with_row_numbers(table, first=header + 2), [])

    return RawSheet(file=path, sheet=name, head=head, read_below=read_below)


def _rows_of(batch: pa.RecordBatch | pa.Table) -> list[list[str]]:
    columns = [col.to_pylist() for col in batch.columns]
    return [[("" if v is None else str(v)) for v in row] for row in zip(*columns, strict=True)]


# --- Parquet -------------------------------------------------------------------------------------


def _parquet_sheet(path: Path) -> RawSheet:
    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as error:
        raise FileRefused(
            str(path), f"无法读取 Parquet 文件（{error}）", "请确认文件完整且为 Parquet 格式"
        ) from error
    head = [list(table.column_names)]
    table = table.cast(pa.schema([(n, pa.string()) for n in table.column_names]))

    def read_below(header: int) -> Body:
        return Body(_with_row_numbers(table, first=2), [])

    return RawSheet(file=path, sheet=None, head=head, read_below=read_below)


# --- helpers ------------------------------------------------------------------------------------


def _with_row_numbers(table: pa.Table, first: int) -> pa.Table:
    import numpy as np

    return table.append_column("_row", _int32_array(np.arange(first, first + table.num_rows)))


def _int32_array(values: object) -> pa.Array:
    """An int32 Arrow array from a NumPy array without pyarrow's pandas probe (which imports
    pandas, seconds at start-up)."""
    import numpy as np

    data = np.ascontiguousarray(values, dtype=np.int32)
    return pa.Array.from_buffers(pa.int32(), len(data), [None, pa.py_buffer(data.tobytes())])

