"""A CTE read twice is split off to be stored once on Spark; the query reads the stored rows."""

from __future__ import annotations

import duckdb

from zhongben.engine.spark_steps import STEP_PREFIX, split_shared

SQL = """
WITH base AS (SELECT x FROM t WHERE x > 0 GROUP BY x),
once AS (SELECT x FROM base WHERE x < 5),
pairs AS (SELECT a.x AS a, b.x AS b FROM base AS a JOIN once AS b ON a.x <= b.x)
SELECT p.a, p.b FROM pairs AS p JOIN base AS c ON c.x = p.a ORDER BY p.a, p.b
"""


def test_a_cte_read_twice_becomes_a_step_and_the_query_reads_it() -> None:
    steps, query = split_shared(SQL)
    assert [name.rsplit("_", 1)[-1] for name, _ in steps] == ["base"]
    name, step = steps[0]
    assert name.startswith(STEP_PREFIX) and "FROM t" in step
    assert "base AS (" not in query and query.count(name) == 3


def test_the_steps_and_the_query_give_the_rows_of_the_whole_query() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT * FROM range(-3, 9) AS r(x)")
    steps, query = split_shared(SQL)
    for name, step in steps:
        con.execute(f"CREATE TEMP TABLE {name} AS {step}")
    assert con.execute(query).fetchall() == con.execute(SQL).fetchall()


def test_a_query_without_shared_ctes_is_left_as_it_is() -> None:
    plain = "WITH a AS (SELECT 1 AS x) SELECT x FROM a"
    assert split_shared(plain) == ([], plain)


def test_a_cte_picking_columns_and_rows_of_one_table_stays_inlined() -> None:
    """Storing it would copy the table; reading the table twice is cheaper."""
    scan = ("WITH a AS (SELECT x, x + 1 AS y FROM t WHERE x > 0) "
            "SELECT a.x FROM a JOIN a AS b ON a.y = b.x")
    assert split_shared(scan) == ([], scan)
    grouped = scan.replace("WHERE x > 0", "WHERE x > 0 GROUP BY x")
    assert len(split_shared(grouped)[0]) == 1
