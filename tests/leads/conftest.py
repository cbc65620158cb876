from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from zhongben.rules.testing import insert_rows
from zhongben.workspace import ensure_schema

AS_OF = dt.date(2024, 12, 31)
DEBTOR = "330683199001012222"


def world(con: duckdb.DuckDBPyConnection) -> None:
    """Two 终本 cases: one closed too early (ZB-01), one whose debtor kept a car (DC-01)."""
    insert_rows(con, "cases", [
        {"case_no": "(2024)浙0683执1号", "court": "嵊州市人民法院", "court_code": "浙0683",
         "case_type": "执", "filed_on": dt.date(2024, 1, 10), "closed_on": dt.date(2024, 2, 10),
         "close_method": "终结本次执行程序", "cause": "追索劳动报酬纠纷",
         "claim_amount": 50000, "paid_amount": 0},
        {"case_no": "(2024)浙0602执2号", "court": "越城区人民法院", "court_code": "浙0602",
         "case_type": "执", "filed_on": dt.date(2024, 1, 10), "closed_on": dt.date(2024, 8, 1),
         "close_method": "终结本次执行程序", "cause": "民间借贷纠纷",
         "claim_amount": 1000000, "paid_amount": 100000},
    ])  # fmt: skip
    insert_rows(con, "parties", [
        {"case_no": "(2024)浙0602执2号", "role": "被执行人", "name": "张三", "id_no": DEBTOR},
    ])  # fmt: skip
    insert_rows(con, "vehicles", [
        {"plate": "浙D12345", "owner_id": DEBTOR, "registered_on": dt.date(2020, 5, 1)},
    ])  # fmt: skip


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    ensure_schema(connection)
    world(connection)
    yield connection
    connection.close()


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "ws.duckdb")
    connection = duckdb.connect(path)
    ensure_schema(connection)
    world(connection)
    connection.close()
    return path
