"""The statement fixtures (tests/fixtures/statements/files: every layout as the bank or platform
exports it) load from the repository with the right rows, signs, dates and balances."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from zhongben.ingest.report import LoadReport
from zhongben.workspace import Workspace

FIXTURES = Path(__file__).parents[1] / "fixtures" / "statements"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, LoadReport]:
    workspace = Workspace(tmp_path_factory.mktemp("statements") / "ws.duckdb")
    return workspace, workspace.ingest([FIXTURES / "files"])


def test_every_file_loads_with_its_layout(loaded: tuple[Workspace, LoadReport]) -> None:
    _, report = loaded
    assert report.ok, [r.message for r in report.refused]
    assert not report.quarantine, report.quarantine[:5]
    assert not report.integrity, [i.message for i in report.integrity]
    by_file = {Path(load.file).name: load for load in report.sheets}
    assert set(by_file) == set(EXPECTED)
    for name, load in by_file.items():
        assert load.notes[0].startswith(f"按“{EXPECTED[name]['layout']}”流水格式读取"), load.notes
    assert len({EXPECTED[name]["layout"] for name in EXPECTED}) >= 24


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rows_signs_dates_and_balances(loaded: tuple[Workspace, LoadReport], name: str) -> None:
    workspace, report = loaded
    want = EXPECTED[name]
    with workspace.connect() as con:
        rows = con.execute(
            "SELECT account_no, txn_at, amount, direction, balance, summary FROM transactions "
            "WHERE _file LIKE ? ORDER BY txn_at, _row", [f"%{name}"]).fetchall()
    assert len(rows) == want["rows"]
    assert {r[0] for r in rows} == {want["account"]}
    ins = [r[2] for r in rows if r[3] == "in"]
    outs = [r[2] for r in rows if r[3] == "out"]
    assert (len(ins), len(outs)) == (want["in"], want["out"])
    assert (sum(ins), sum(outs)) == (Decimal(want["sum_in"]), Decimal(want["sum_out"]))
    stamp = "%Y-%m-%d" if len(want["first"]) == 10 else "%Y-%m-%d %H:%M:%S"
    assert (rows[0][1].strftime(stamp), rows[-1][1].strftime(stamp)) == (want["first"],
                                                                         want["last"])
    if want["last_balance"] is None:
        assert all(r[4] is None for r in rows)
    else:
        assert rows[-1][4] == Decimal(want["last_balance"])
    neutral = [r for r in rows if (r[5] or "").startswith("中性交易")]
    assert len(neutral) == want.get("neutral", 0)
    load = next(x for x in report.sheets if x.file.endswith(name))
    assert (load.loaded, load.set_aside) == (want["rows"], want["dropped"])


def test_wechat_neutral_rows_are_the_movements_fund_tracing_follows(
    loaded: tuple[Workspace, LoadReport],
) -> None:
    workspace, _ = loaded
    with workspace.connect() as con:
        found = con.execute(
            "SELECT summary, direction, counterparty_name FROM transactions "
            "WHERE _file LIKE '%微信支付账单(20240301%' AND summary LIKE '中性交易%' "
            "ORDER BY txn_at").fetchall()
    assert found == [
        ("中性交易:零钱提现", "out", "招商银行(1234)"),
        ("中性交易:信用卡还款", "out", "建设银行信用卡还款"),
        ("中性交易:购买理财通", "out", "理财通"),
        ("中性交易:转入零钱通-来自工商银行(9876)", "in", None),
    ]


def test_loading_the_folder_again_changes_nothing(loaded: tuple[Workspace, LoadReport]) -> None:
    workspace, _ = loaded
    again = workspace.ingest([FIXTURES / "files"])
    assert all(load.skipped_unchanged for load in again.sheets)
