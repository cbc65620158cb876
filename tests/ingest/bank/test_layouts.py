"""Each institution's statement file maps onto the same `transactions` rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest
from tests.ingest.bank.samples import ACCOUNT, SAMPLES, TXNS, read_statement, write_all

from zhongben.ingest.bank import match_layout
from zhongben.ingest.bank.cells import split_sign

ACCOUNTS = {
    "支付宝": "13800001234",
    "微信": "wxid_zhangsan01",
    "微信（财付通调证）": "wxid_zhangsan01",
}
DATE_ONLY = {"工商银行"}
NO_BALANCE = {"支付宝", "微信"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_all(tmp_path_factory.mktemp("statements"))


def yuan(text: str | None) -> Decimal:
    assert text is not None
    _, magnitude = split_sign(text)
    return Decimal(magnitude.replace(",", ""))


@pytest.mark.parametrize("name", list(SAMPLES))
def test_statement_maps_onto_transactions(files: dict[str, Path], name: str) -> None:
    layout, rows, preamble = read_statement(files[name])
    assert layout.name.startswith(name) or layout.bank == name
    result = layout.to_contract(rows, preamble)
    got = [r for r in result.table.to_pylist() if not (r["summary"] or "").startswith("中性交易")]
    assert len(got) == len(TXNS), result.dropped
    for row, txn in zip(got, TXNS, strict=True):
        assert row["account_no"] == ACCOUNTS.get(name, ACCOUNT)
        stamp = txn.at.strftime("%Y-%m-%d") if name in DATE_ONLY else f"{txn.at:%Y-%m-%d %H:%M:%S}"
        assert row["txn_at"] == stamp
        assert yuan(row["amount"]) == Decimal(f"{abs(txn.amount):.2f}")
        assert row["direction"] == ("in" if txn.amount > 0 else "out")
        if txn.cp_name:
            assert row["counterparty_name"] == txn.cp_name
        if name not in NO_BALANCE:
            assert yuan(row["balance"]) == Decimal(f"{txn.balance:.2f}")
    assert result.table.column("_row").type == pa.int64()


def test_rows_keep_their_spreadsheet_numbers(files: dict[str, Path]) -> None:
    layout, rows, preamble = read_statement(files["工商银行"])
    result = layout.to_contract(rows, preamble)
    # three title rows, the header on row 4, data from row 5
    assert result.table.column("_row").to_pylist() == [5, 6, 7, 8]
    assert [r for r, _ in result.dropped] == [9, 10]


@pytest.mark.parametrize(
    ("name", "reasons"),
    [
        ("工商银行", ["汇总/说明行，非交易：合计", "汇总/说明行，非交易：以下空白"]),
        (
            "支付宝",
            [
                "交易未成功（状态：交易关闭），没有资金进出",
                "汇总/说明行，非交易：共6笔记录",
                "汇总/说明行，非交易：导出时间：[2023-07-01 10:00:00]",
            ],
        ),
        ("通用", ["汇总/说明行，非交易：合计"]),
    ],
)
def test_summary_and_non_money_rows_are_dropped_with_a_reason(
    files: dict[str, Path], name: str, reasons: list[str]
) -> None:
    layout, rows, preamble = read_statement(files[name])
    assert [reason for _, reason in layout.to_contract(rows, preamble).dropped] == reasons


def test_neutral_rows_are_movements(files: dict[str, Path]) -> None:
    """支付宝 不计收支 and 微信 "/" rows move money between the user's balances and cards."""
    for name, kind, direction in (("支付宝", "投资理财", "out"), ("微信", "零钱提现", "out")):
        layout, rows, preamble = read_statement(files[name])
        [row] = [r for r in layout.to_contract(rows, preamble).table.to_pylist()
                 if (r["summary"] or "").startswith("中性交易")]
        assert (row["summary"], row["direction"]) == (f"中性交易：{kind}", direction)


def test_ccb_page_totals_are_not_transactions(files: dict[str, Path]) -> None:
    layout, rows, preamble = read_statement(files["建设银行"])
    dropped = layout.to_contract(rows, preamble).dropped
    assert len(dropped) == 1 and "本页收入合计" in dropped[0][1]


def test_account_column_wins_over_title_row() -> None:
    layout = match_layout(["账号", "交易时间", "交易金额", "借贷标志"])
    assert layout is not None and layout.name == "通用"
    rows = pa.table(
        {
            "账号": ["62220001"],
            "交易时间": ["2023-05-12 10:00:00"],
            "交易金额": ["100"],
            "借贷标志": ["D"],
            "_row": [2],
        }
    )
    out = layout.to_contract(rows, [["账号：99999"]]).table.to_pylist()[0]
    assert (out["account_no"], out["direction"], out["txn_at"]) == (
        "62220001",
        "out",
        "2023-05-12 10:00:00",
    )


def test_split_columns_with_both_sides_leave_direction_for_quarantine() -> None:
    layout = match_layout(["交易日期", "收入金额", "支出金额"])
    assert layout is not None
    rows = pa.table(
        {"交易日期": ["2023-05-12"], "收入金额": ["10"], "支出金额": ["20"], "_row": [2]}
    )
    assert layout.to_contract(rows).table.to_pylist()[0]["direction"] is None


def test_unknown_header_is_not_a_statement() -> None:
    assert match_layout(["案号", "立案日期", "执行法院"]) is None
    assert match_layout(["交易日期", "摘要"]) is None  # no amount


def test_signed_amount_forms() -> None:
    assert split_sign("-1,000.00") == (True, "1,000.00")
    assert split_sign("1000.00-") == (True, "1000.00")
    assert split_sign("(1,000.00)") == (True, "1,000.00")
    assert split_sign("+500") == (False, "500")
    assert split_sign("¥-20.00") == (True, "20.00")


def test_the_layouts_page_is_in_step_with_the_catalogue() -> None:
    from zhongben.ingest.bank.catalog_doc import page

    doc = Path(__file__).parents[3] / "docs" / "reference" / "statements.md"
    assert doc.read_text("utf-8") == page(), "run: python -m zhongben.ingest.bank.catalog_doc"
