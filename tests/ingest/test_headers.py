from zhongben.contracts import table
from zhongben.ingest.headers import find_header_row, map_headers, parse_header, table_for_name


def test_header_units_and_width_are_folded() -> None:
    assert parse_header("申请执行标的金额（万元）").name == "申请执行标的金额"
    assert parse_header("申请执行标的金额（万元）").unit == "万"
    assert parse_header("金额(元)").unit == "元"
    assert parse_header("金额/万元").unit == "万"
    assert parse_header(" 案　号 ").name == "案号"
    assert parse_header("ＣＡＳＥ＿ＮＯ").name == "case_no"


def test_headers_map_by_synonym_first_wins() -> None:
    mapped = map_headers(table("cases"), ["执行案号", "立案时间", "案号", "备注"])
    names = {i: c.name for i, (c, _) in mapped.items()}
    assert names == {0: "case_no", 1: "filed_on"}


def test_table_names_canonical_chinese_and_suffixed() -> None:
    assert table_for_name("cases").name == "cases"
    assert table_for_name("执行案件").name == "cases"
    assert table_for_name("当事人（2024）").name == "parties"
    assert table_for_name("vehicle_sightings").name == "vehicle_sightings"
    assert table_for_name("vehicles_2023").name == "vehicles"
    assert table_for_name("卡口过车记录").name == "vehicle_sightings"
    assert table_for_name("说明") is None


def test_header_row_found_below_title_rows() -> None:
    rows = [
        ["嵊州市人民法院执行案件台账"],
        ["导出日期：2024-01-01"],
        ["案号", "立案日期", "结案日期"],
        ["(2023)浙0683执1号", "2023-01-01", ""],
    ]
    assert find_header_row(table("cases"), rows) == 2
    assert find_header_row(table("cases"), [["foo", "bar"]]) is None
