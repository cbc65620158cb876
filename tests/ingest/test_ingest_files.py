"""Ingest of messy, real-looking files: encodings, headers, units, dates, IDs, quarantine,
refusal and idempotence — through the Workspace façade, on a real DuckDB file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from zhongben.identifiers import id_card, uscc
from zhongben.workspace import Workspace


def person_id(first17: str) -> str:
    return first17 + id_card.check_digit(first17)


def company_id(first17: str) -> str:
    return first17 + uscc.check_char(first17)


DEBTOR = person_id("33068319800101123")
COMPANY = company_id("91330683MA2BX1234")
BAD_ID = DEBTOR[:-1] + ("0" if DEBTOR[-1] != "0" else "1")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def rows(ws: Workspace, sql: str) -> list[tuple]:
    with ws.connect() as con:
        return con.execute(sql).fetchall()


def test_gbk_csv_with_chinese_headers_units_and_title_rows(
    workspace: Workspace, tmp_path: Path
) -> None:
    text = (
        "嵊州市人民法院 执行案件台账\n"
        "案号,立案日期,结案日期,结案方式,申请执行标的金额（万元）,实际执行到位金额(元),案由\n"
        '（２０２３）浙０６８３执１２３４号,2023年5月12日,二〇二三年九月二十日,09_05080-5,12.5,"1,234.50",民间借贷纠纷\n'
        "(2023)浙0683执恢12号,2023/5/13,,,¥3000,0,追索劳动报酬纠纷\n"
    )
    write(tmp_path / "in" / "执行案件.csv", text, "gb18030")
    report = workspace.ingest([tmp_path / "in"])
    assert report.ok and report.by_table()["cases"]["loaded"] == 2
    got = rows(
        workspace,
        "SELECT case_no, filed_on, closed_on, close_method, claim_amount, "
        "paid_amount, court_code, case_year, case_type, court, _row "
        "FROM cases ORDER BY _row",
    )
    assert got[0] == (
        "(2023)浙0683执1234号",
        dt.date(2023, 5, 12),
        dt.date(2023, 9, 20),
        "终结本次执行程序",
        Decimal("125000.00"),
        Decimal("1234.50"),
        "浙0683",
        2023,
        "执",
        "嵊州市人民法院",
        3,
    )
    assert got[1][0] == "(2023)浙0683执恢12号" and got[1][8] == "执恢"
    assert got[1][4] == Decimal("30000000.00")  # 3000 in a 万元 column (no unit of its own)


def test_excel_serial_dates_tab_csv_and_multi_sheet_workbook(
    workspace: Workspace, tmp_path: Path
) -> None:
    book = xlsxwriter.Workbook(tmp_path / "court.xlsx")
    cases = book.add_worksheet("执行案件")
    cases.write_row(0, 0, ["案号", "立案日期", "承办人"])
    cases.write_row(1, 0, ["(2024)浙0683执1号"])
    cases.write_number(1, 1, 45292)  # 2024-01-01 as an Excel serial
    cases.write(1, 2, "王五")
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    cases.write_row(2, 0, ["(2024)浙0683执2号"])
    cases.write_datetime(2, 1, dt.datetime(2024, 2, 3), date_format)
    parties = book.add_worksheet("当事人")
    parties.write_row(0, 0, ["案号", "诉讼地位", "姓名或名称", "证件号码"])
    parties.write_row(1, 0, ["(2024)浙0683执1号", "被执行人", "张三", DEBTOR])
    parties.write_row(2, 0, ["(2024)浙0683执1号", "被执行人", "某某公司", COMPANY])
    parties.write_row(3, 0, ["(2024)浙0683执1号", "申请执行人", "李四", BAD_ID])
    book.add_worksheet("说明").write(0, 0, "本表由系统导出")
    book.close()
    write(tmp_path / "actions.tsv", "案号\t措施\t日期\n(2024)浙0683执1号\t限高\t2024-03-01\n")
    report = workspace.ingest([tmp_path / "court.xlsx", tmp_path / "actions.tsv"])
    assert report.ok
    assert rows(workspace, "SELECT filed_on FROM cases ORDER BY case_no") == [
        (dt.date(2024, 1, 1),),
        (dt.date(2024, 2, 3),),
    ]
    assert rows(workspace, "SELECT action FROM actions") == [("限制消费",)]
    ids = rows(workspace, "SELECT name, id_no, id_no_invalid FROM parties ORDER BY _row")
    assert ids == [("张三", DEBTOR, None), ("某某公司", COMPANY, None), ("李四", None, BAD_ID)]
    assert report.by_table()["parties"]["invalid_ids"] == 1


def test_bad_rows_are_quarantined_and_the_rest_loads(workspace: Workspace, tmp_path: Path) -> None:
    text = (
        "case_no,filed_on,claim_amount\n"
        "(2023)浙0683执1号,2023-01-01,100\n"
        "(2023)浙0683执2号,2023-02-30,100\n"
        "(2023)浙0683执3号,2023-01-03,一百元\n"
        ",2023-01-04,5\n"
        "(2023)浙0683执5号,2023-01-05\n"
    )
    write(tmp_path / "cases.csv", text)
    report = workspace.ingest([tmp_path / "cases.csv"], quarantine_dir=tmp_path / "q")
    assert report.ok
    assert rows(workspace, "SELECT case_no, _row FROM cases") == [("(2023)浙0683执1号", 2)]
    by_row = {cell.row: cell for cell in report.quarantine}
    assert set(by_row) == {3, 4, 5, 6}
    assert by_row[3].column == "立案日期（filed_on）" and by_row[3].value == "2023-02-30"
    assert by_row[4].column.startswith("申请执行标的金额")
    assert by_row[5].reason == "必填字段为空"
    assert "列" in by_row[6].reason
    quarantine = (tmp_path / "q" / f"quarantine-batch{report.batch}.csv").read_text("utf-8-sig")
    assert quarantine.splitlines()[0] == "文件,工作表,行号,列,原值,原因"
    assert len(quarantine.splitlines()) == 5


def test_refused_file_loads_nothing_and_others_load(workspace: Workspace, tmp_path: Path) -> None:
    write(tmp_path / "in" / "cases.csv", "case_no,filed_on\n(2023)浙0683执1号,2023-01-01\n")
    write(tmp_path / "in" / "parties.csv", "case_no,name\n(2023)浙0683执1号,张三\n")
    write(tmp_path / "in" / "unknown_table.csv", "a,b\n1,2\n")
    report = workspace.ingest([tmp_path / "in"])
    assert not report.ok
    problems = {Path(r.file).name: r.problem for r in report.refused}
    assert "诉讼地位" in problems["parties.csv"]
    assert "unknown_table" in problems["unknown_table.csv"]
    assert rows(workspace, "SELECT count(*) FROM cases") == [(1,)]
    assert rows(workspace, "SELECT count(*) FROM parties") == [(0,)]


def test_loading_twice_changes_nothing_and_keys_replace(
    workspace: Workspace, tmp_path: Path
) -> None:
    first = write(
        tmp_path / "a" / "cases.csv",
        "case_no,filed_on,judge\n(2023)浙0683执1号,2023-01-01,王五\n"
        "(2023)浙0683执1号,2023-01-01,王五\n(2023)浙0683执2号,2023-01-02,赵六\n",
    )
    report = workspace.ingest([first])
    assert report.by_table()["cases"]["duplicates"] == 1
    before = rows(workspace, "SELECT * FROM cases ORDER BY case_no")
    again = workspace.ingest([first])
    assert again.by_table()["cases"]["unchanged"] == 1
    assert rows(workspace, "SELECT * FROM cases ORDER BY case_no") == before
    update = write(
        tmp_path / "b" / "cases.csv",
        "case_no,filed_on,judge\n(2023)浙0683执2号,2023-01-02,孙七\n"
        "(2023)浙0683执1号,2023-01-01,王五\n",
    )
    report = workspace.ingest([update])
    totals = report.by_table()["cases"]
    assert (totals["loaded"], totals["replaced"], totals["duplicates"]) == (1, 1, 1)
    assert rows(workspace, "SELECT case_no, judge, _batch FROM cases ORDER BY case_no") == [
        ("(2023)浙0683执1号", "王五", 1),
        ("(2023)浙0683执2号", "孙七", 3),
    ]


def test_provenance_is_kept(workspace: Workspace, tmp_path: Path) -> None:
    path = write(
        tmp_path / "vehicles.csv", f"plate,owner_id,registered_on\n浙d 12345,{DEBTOR},2020-01-01\n"
    )
    report = workspace.ingest([path])
    ((plate, file, row, batch, digest),) = rows(
        workspace, "SELECT plate, _file, _row, _batch, _file_hash FROM vehicles"
    )
    assert (plate, file, row, batch) == ("浙D12345", str(path), 2, report.batch)
    assert len(digest) == 64


def test_rows_whose_key_has_a_bad_id_do_not_collide(workspace: Workspace, tmp_path: Path) -> None:
    other_bad = person_id("33068319900101123")[:-1] + "0"
    if id_card.is_valid(other_bad):
        other_bad = other_bad[:-1] + "1"
    path = write(
        tmp_path / "housing_fund.csv",
        f"person_id,balance,as_of\n{BAD_ID},100,2024-01-01\n{other_bad},200,2024-01-01\n"
        f"{DEBTOR},300,2024-01-01\n{DEBTOR},400,2024-01-01\n",
    )
    report = workspace.ingest([path])
    assert report.by_table()["housing_fund"]["loaded"] == 3
    assert [cell.row for cell in report.quarantine] == [5]
    assert "主键重复" in report.quarantine[0].reason
    assert rows(workspace, "SELECT count(*) FROM housing_fund WHERE person_id IS NULL") == [(2,)]
    # rows suspected of a problem (a required value missing) that prove fine keep their number
    assert rows(workspace, "SELECT _row FROM housing_fund ORDER BY _row") == [(2,), (3,), (4,)]


def test_excel_unicode_text_export_utf16_tab(workspace: Workspace, tmp_path: Path) -> None:
    text = "案号\t立案日期\r\n(2024)浙0683执7号\t2024-01-05\r\n"
    path = tmp_path / "执行案件.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    report = workspace.ingest([path])
    assert report.ok
    assert rows(workspace, "SELECT case_no, filed_on FROM cases") == [
        ("(2024)浙0683执7号", dt.date(2024, 1, 5))
    ]


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_exact_repeats_without_a_natural_key(workspace: Workspace, tmp_path: Path) -> None:
    """A table without a natural key (parties), and keyed rows whose key holds a bad ID: an exact
    repeat, in the file or of a stored row, is counted and not stored again."""
    line = f"(2023)浙0683执1号,被执行人,张三,{DEBTOR}\n"
    first = write(tmp_path / "a" / "parties.csv", "案号,诉讼地位,姓名,证件号码\n" + line * 2)
    totals = workspace.ingest([first]).by_table()["parties"]
    assert (totals["loaded"], totals["duplicates"]) == (1, 1)
    other = f"(2023)浙0683执1号,申请执行人,李四,{BAD_ID}\n"
    second = write(tmp_path / "b" / "parties.csv", "案号,诉讼地位,姓名,证件号码\n" + line + other)
    totals = workspace.ingest([second]).by_table()["parties"]
    assert (totals["loaded"], totals["duplicates"], totals["invalid_ids"]) == (1, 1, 1)
    assert rows(workspace, "SELECT count(*) FROM parties") == [(2,)]
    fund = write(
        tmp_path / "housing_fund.csv",
        f"person_id,balance,as_of\n{BAD_ID},100,2024-01-01\n{BAD_ID},100,2024-01-01\n",
    )
    totals = workspace.ingest([fund]).by_table()["housing_fund"]
    assert (totals["loaded"], totals["duplicates"], totals["quarantined_rows"]) == (1, 1, 0)


def test_blank_cells_are_empty_and_only_unreadable_ones_quarantined(
    workspace: Workspace, tmp_path: Path
) -> None:
    """A cell of blanks reads as empty (NULL, not a problem); a unit column scales its values;
    only the cell that cannot be read is quarantined, also when the file is otherwise clean."""
    write(
        tmp_path / "cases.csv",
        "案号,立案日期,结案日期,申请执行标的金额(万元)\n"
        "(2023)浙0683执1号,2023-01-01,\u3000 ,1.5\n"
        "(2023)浙0683执2号,2023-01-02,,2\n"
        "(2023)浙0683执3号,2023-01-03,2023-13-01,3\n",
    )
    report = workspace.ingest([tmp_path / "cases.csv"])
    assert [(c.row, c.value) for c in report.quarantine] == [(4, "2023-13-01")]
    assert rows(workspace, "SELECT case_no, closed_on, claim_amount FROM cases ORDER BY 1") == [
        ("(2023)浙0683执1号", None, Decimal("15000.00")),
        ("(2023)浙0683执2号", None, Decimal("20000.00")),
    ]
    clean = write(
        tmp_path / "b" / "cases.csv", "案号,立案日期,结案日期\n(2023)浙0683执9号,2023-01-09,\n"
    )
    assert workspace.ingest([clean]).by_table()["cases"]["loaded"] == 1


def test_a_column_default_fills_empty_cells_and_bad_values_are_quarantined(
    workspace: Workspace, tmp_path: Path
) -> None:
    write(
        tmp_path / "auctions.csv",
        "案号,标的编号,拍卖轮次,方式\n"
        "(2023)浙0683执1号,A1,一拍,\n"
        "(2023)浙0683执1号,A1,二拍,线下\n"
        "(2023)浙0683执1号,A2,一拍,抽签\n",
    )
    report = workspace.ingest([tmp_path / "auctions.csv"])
    assert [(c.row, c.value) for c in report.quarantine] == [(4, "抽签")]
    assert rows(workspace, "SELECT round, channel FROM auctions ORDER BY round") == [
        ("一拍", "网络"),
        ("二拍", "传统"),
    ]
