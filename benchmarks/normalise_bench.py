"""Throughput of the SQL normalisation fast path on a synthetic 1M-row raw ``cases`` file.

Run: ``.venv/bin/python benchmarks/normalise_bench.py [rows] [threads]``. Per date style it prints
the seconds and rows/s of the expressions of every ``cases`` column (value, error, invalid)
evaluated (``eval``: aggregated, nothing stored) and materialised with CREATE TABLE AS (``table``),
and the ratio to a plain copy of the raw table measured in the same run (``× copy``).
"""

from __future__ import annotations

import sys
import time

import duckdb

from zhongben.contracts import table
from zhongben.ingest.normalise.sql import column_sql, register

# How each raw column is generated (SQL over i = row number); dates per style below.
DATE_STYLES = {
    "iso": "strftime(DATE '2015-01-01' + CAST(i % 3000 AS INTEGER), '%Y-%m-%d')",
    "slash": "strftime(DATE '2015-01-01' + CAST(i % 3000 AS INTEGER), '%Y/%-m/%-d')",
    "excel": "CAST(42005 + i % 3000 AS VARCHAR)",
    "timestamp": "strftime(DATE '2015-01-01' + CAST(i % 3000 AS INTEGER), '%Y-%m-%d 00:00:00')",
    "chinese": "strftime(DATE '2015-01-01' + CAST(i % 3000 AS INTEGER), '%Y年%-m月%-d日')",
}
RAW = {
    "case_no": "'(' || (2015 + i % 9) || ')浙0683执' || (i % 20000 + 1) || '号'",
    "court": "'嵊州市人民法院'",
    "close_method": "CASE i % 3 WHEN 0 THEN '终结本次执行程序' WHEN 1 THEN '执行完毕' "
    "ELSE '终本' END",
    "original_case_no": "CASE WHEN i % 10 = 0 THEN '(2019)浙0683执' || (i % 999 + 1) || '号' END",
    "basis_no": "'(' || (2014 + i % 9) || ')浙0683民初' || (i % 9999 + 1) || '号'",
    "cause": "'民间借贷纠纷'",
    "claim_amount": "CAST(round((i % 100000) * 13.37, 2) AS VARCHAR)",
    "paid_amount": "format('{:,}', i % 100000) || '.00'",
    "judge": "'张三'",
    "close_reason": "'经网络查控未发现可供执行的财产'",
}


def build_raw(con: duckdb.DuckDBPyConnection, rows: int, date_expr: str) -> None:
    cols = [f'{expr} AS "{name}"' for name, expr in RAW.items()]
    for column in table("cases").columns:
        if column.name not in RAW:
            cols.append(f'{date_expr} AS "{column.name}"')
    con.execute(f"CREATE OR REPLACE TABLE raw AS SELECT {', '.join(cols)} FROM range({rows}) r(i)")


def normalise_select() -> tuple[str, int]:
    exprs = []
    for column in table("cases").columns:
        sql = column_sql(column, f'"{column.name}"')
        exprs.append(f'{sql.value} AS "{column.name}"')
        exprs.append(f'{sql.error} AS "{column.name}__error"')
        if sql.invalid is not None:
            exprs.append(f'{sql.invalid} AS "{column.name}__invalid"')
    return f"SELECT {', '.join(exprs)} FROM raw", len(exprs)


def timed(con: duckdb.DuckDBPyConnection, query: str) -> float:
    start = time.perf_counter()
    con.execute(query).fetchall()
    return time.perf_counter() - start


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    register(con)
    select, width = normalise_select()
    counted = "SELECT " + ", ".join(f"count(#{i + 1})" for i in range(width)) + f" FROM ({select})"
    for style, date_expr in DATE_STYLES.items():
        build_raw(con, rows if style != "chinese" else rows // 10, date_expr)
        n = con.execute("SELECT count(*) FROM raw").fetchone()[0]  # type: ignore[index]
        copy = timed(con, "CREATE OR REPLACE TABLE copy AS SELECT * FROM raw")
        evaluated = timed(con, counted)
        stored = timed(con, f"CREATE OR REPLACE TABLE out AS {select}")
        print(
            f"{style:10} {n:>9} rows  eval {evaluated:6.2f} s {n / evaluated:>10,.0f} rows/s  "
            f"table {stored:6.2f} s {n / stored:>10,.0f} rows/s  {stored / copy:4.1f}× copy"
        )


if __name__ == "__main__":
    main()
