"""Ingest speed: a 1,000,000-row `cases` ledger as CSV and as XLSX, with every normalisation.

Prints rows/s for zhongben's ingest and, measured in the same run on the same file, the ratio
against DuckDB's own ``read_csv`` (the floor: no normalisation) and against pandas ``read_csv``
plus the equivalent normalisation an analyst would write.

    .venv/bin/python benchmarks/ingest_bench.py [--rows 1000000] [--xlsx-rows 1000000] [--repeat 3]

Every figure is the best of ``--repeat`` runs (pandas on the workbook: one run); the first run and
the median are printed beside it.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from zhongben.workspace import Workspace

HEADER = [
    "案号",
    "执行法院",
    "立案日期",
    "结案日期",
    "结案方式",
    "原案号",
    "执行依据文号",
    "案由",
    "申请执行标的金额(元)",
    "实际执行到位金额(元)",
    "承办人",
    "终本理由",
    "执行通知书送达日期",
    "报告财产令送达日期",
    "告知申请执行人日期",
]
CSV_TARGET, XLSX_TARGET = 500_000, 100_000
COURTS = ["浙0683", "浙0602", "浙0102", "浙0106", "浙0381", "浙1002", "浙0702", "浙0523"]
METHODS = ["终结本次执行程序", "执行完毕", "终结执行", "09_05080-5", "和解长期履行", ""]
CAUSES = [
    "民间借贷纠纷",
    "买卖合同纠纷",
    "金融借款合同纠纷",
    "追索劳动报酬纠纷",
    "机动车交通事故责任纠纷",
]


def make_ledger(n: int, seed: int = 7) -> pa.Table:
    rng = np.random.default_rng(seed)
    year = rng.integers(2018, 2025, n)
    court = np.array(COURTS)[rng.integers(0, len(COURTS), n)]
    seq = np.arange(1, n + 1)
    case_no = np.char.add(
        np.char.add(np.char.add(np.char.add("(", year.astype(str)), ")"), court),
        np.char.add(np.char.add("执", seq.astype(str)), "号"),
    )
    filed = np.datetime64("2018-01-01") + rng.integers(0, 2500, n).astype("timedelta64[D]")
    closed = filed + rng.integers(90, 700, n).astype("timedelta64[D]")
    amount = np.round(np.exp(rng.normal(11, 1.2, n)), 2)
    cols = {
        "案号": case_no,
        "执行法院": np.full(n, ""),
        "立案日期": _mixed_dates(filed, rng),
        "结案日期": _mixed_dates(closed, rng),
        "结案方式": np.array(METHODS)[rng.integers(0, len(METHODS), n)],
        "原案号": np.full(n, ""),
        "执行依据文号": np.full(n, ""),
        "案由": np.array(CAUSES)[rng.integers(0, len(CAUSES), n)],
        "申请执行标的金额(元)": np.array([f"{a:,.2f}" for a in amount]),
        "实际执行到位金额(元)": np.round(amount * rng.random(n), 2).astype(str),
        "承办人": np.full(n, "王法官"),
        "终本理由": np.full(n, "经网络查控未发现可供执行财产"),
        "执行通知书送达日期": _mixed_dates(filed + 3, rng),
        "报告财产令送达日期": _mixed_dates(filed + 3, rng),
        "告知申请执行人日期": _mixed_dates(closed - 5, rng),
    }
    return pa.table({k: pa.array(v.astype(str)) for k, v in cols.items()})


def _mixed_dates(days: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    iso = np.datetime_as_string(days, unit="D")
    slash = np.char.replace(iso, "-", "/")
    compact = np.char.replace(iso, "-", "")
    chinese = np.char.add(
        np.char.add(
            np.char.replace(
                np.char.replace(np.char.replace(iso, "-", "年", count=1), "-", "月"), "年0", "年"
            ),
            "",
        ),
        "日",
    )
    pick = rng.integers(0, 10, len(days))
    return np.where(pick < 6, iso, np.where(pick < 8, slash, np.where(pick < 9, compact, chinese)))


def timed(label: str, rows: int, fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Best of ``repeat`` runs of ``fn(attempt)``; the first (cold: page cache, fresh memory)
    and the median are printed too."""
    times = []
    for attempt in range(repeat):
        start = time.perf_counter()
        fn(attempt)
        times.append(time.perf_counter() - start)
    best = min(times)
    spread = f"(first {times[0]:.2f}, median {statistics.median(times):.2f})" if repeat > 1 else ""
    print(f"  {label:<46} {best:8.2f} s  {rows / best:>12,.0f} rows/s  {spread}")
    return best


def pandas_equivalent(path: Path) -> None:
    import pandas as pd

    normalise_frame(pd.read_csv(path, dtype=str, keep_default_na=False))


def pandas_excel_equivalent(path: Path) -> None:
    import pandas as pd

    frame = pd.read_excel(path, engine="calamine", dtype=str, keep_default_na=False)
    normalise_frame(frame)


def normalise_frame(df):  # type: ignore[no-untyped-def]
    import pandas as pd

    width = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})
    df["案号"] = df["案号"].str.translate(width).str.strip()
    parts = df["案号"].str.extract(r"^\((\d{4})\)([^\d]+\d*)([^\d]+)(\d+)号$")
    df["case_year"], df["court_code"], df["case_type"] = parts[0], parts[1], parts[2]
    for col in [
        "立案日期",
        "结案日期",
        "执行通知书送达日期",
        "报告财产令送达日期",
        "告知申请执行人日期",
    ]:
        text = df[col].str.replace(r"[年月/.]", "-", regex=True).str.replace("日", "")
        df[col] = pd.to_datetime(text, errors="coerce", format="mixed")
    for col in ["申请执行标的金额(元)", "实际执行到位金额(元)"]:
        df[col] = pd.to_numeric(df[col].str.replace(r"[,¥￥元]", "", regex=True), errors="coerce")
    df["结案方式"] = df["结案方式"].replace({"09_05080-5": "终结本次执行程序"})
    return df


def fastexcel_floor(path: Path) -> None:
    import fastexcel

    reader = fastexcel.read_excel(str(path))
    reader.load_sheet(reader.sheet_names[0], dtypes="string").to_arrow()


def verdict(seconds: float, rows: int, target: int) -> None:
    rate = rows / seconds
    print(f"  target ≥ {target:,} rows/s: {'met' if rate >= target else 'NOT met'} ({rate:,.0f})")


def write_xlsx(table: pa.Table, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("执行案件")
    sheet.write_row(0, 0, table.column_names)
    for i, row in enumerate(zip(*(c.to_pylist() for c in table.columns), strict=True), start=1):
        sheet.write_row(i, 0, row)
    book.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for every measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ledger = make_ledger(args.rows)
        csv_path = work / "执行案件.csv"
        pacsv.write_csv(ledger, csv_path)
        print(f"cases CSV: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.0f} MB")
        ours = timed(
            "zhongben ingest (all normalisation)",
            args.rows,
            lambda i: _ingest(work / f"csv{i}.duckdb", csv_path),
            args.repeat,
        )
        floor = timed(
            "DuckDB read_csv (no normalisation)",
            args.rows,
            lambda i: duckdb.sql(
                f"CREATE TABLE t{i} AS FROM read_csv('{csv_path}', all_varchar=true)"
            ),
            args.repeat,
        )
        pandas = timed(
            "pandas read_csv + equivalent normalisation",
            args.rows,
            lambda i: pandas_equivalent(csv_path),
            args.repeat,
        )
        verdict(ours, args.rows, CSV_TARGET)
        print(
            f"  ratio vs DuckDB read_csv: {ours / floor:.2f}× slower; "
            f"vs pandas: {pandas / ours:.1f}× faster"
        )
        if args.xlsx_rows:
            xlsx_path = work / "执行案件.xlsx"
            write_xlsx(ledger.slice(0, args.xlsx_rows), xlsx_path)
            print(f"cases XLSX: {args.xlsx_rows:,} rows, {xlsx_path.stat().st_size / 1e6:.0f} MB")
            ours = timed(
                "zhongben ingest XLSX (all normalisation)",
                args.xlsx_rows,
                lambda i: _ingest(work / f"xlsx{i}.duckdb", xlsx_path),
                args.repeat,
            )
            floor = timed(
                "fastexcel read alone (no normalisation)",
                args.xlsx_rows,
                lambda i: fastexcel_floor(xlsx_path),
                args.repeat,
            )
            pandas = timed(
                "pandas read_excel (calamine) + normalisation",
                args.xlsx_rows,
                lambda i: pandas_excel_equivalent(xlsx_path),
                1,  # tens of seconds a run
            )
            verdict(ours, args.xlsx_rows, XLSX_TARGET)
            print(
                f"  ratio vs fastexcel read: {ours / floor:.2f}× slower; "
                f"vs pandas: {pandas / ours:.1f}× faster"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")


def _ingest(db: Path, path: Path) -> None:
    report = Workspace(db).ingest([path])
    quarantined = report.by_table()["cases"]["quarantined_rows"]
    assert report.ok and quarantined == 0, (report.refused, quarantined, report.reasons())


if __name__ == "__main__":
    main()
