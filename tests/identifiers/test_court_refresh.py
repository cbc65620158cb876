"""``zhongben ids courts-refresh``: the court table rebuilt from 民政部 division lists."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import xlsxwriter
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.identifiers.court_refresh import RefreshError, read_division_list

LIST_2015 = """330000 浙江省
330600 绍兴市
330602 越城区
330683 嵊州市
330185 临安市
510000 四川省
510100 成都市
510104 锦江区
110000 北京市
110105 朝阳区
"""
LIST_2024 = LIST_2015.replace("330185 临安市\n", "330112 临安区\n")
CURATED = """# test exceptions
action,code,name,level,special,division,parent,procuratorate,current,basis
add,最高法,最高人民法院,supreme,,110101,,最高人民检察院,1,published
add,京03,北京市第三中级人民法院,intermediate,,110000,京,北京市人民检察院第三分院,1,published
set,京0105,,,,,京03,,,structure
"""


def _rows(path: Path) -> dict[str, dict[str, str]]:
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {row["code"]: row for row in csv.DictReader(lines)}


def _excel_list(path: Path, text: str) -> None:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["2024年中华人民共和国县以上行政区划代码"])
    sheet.write_row(2, 0, ["行政区划代码", "单位名称"])
    for i, line in enumerate(text.splitlines(), start=3):
        code, name = line.split()
        sheet.write_number(i, 0, int(code))  # the published sheets store the codes as numbers
        sheet.write_string(i, 1, name)
    sheet.write_row(len(text.splitlines()) + 4, 0, ["注：台湾省的资料暂缺"])
    book.close()


def test_refresh_from_text_and_excel_lists(tmp_path: Path) -> None:
    (tmp_path / "2015.txt").write_text(LIST_2015, "gb18030")
    _excel_list(tmp_path / "2024年行政区划代码.xlsx", LIST_2024)
    (tmp_path / "curated.csv").write_text(CURATED, "utf-8")
    out = tmp_path / "courts.csv"
    result = CliRunner().invoke(app, ["ids", "courts-refresh", str(tmp_path / "2015.txt"),
                                      str(tmp_path / "2024年行政区划代码.xlsx"),
                                      "--curated", str(tmp_path / "curated.csv"),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    assert rows["浙0683"]["name"] == "嵊州市人民法院"
    assert rows["浙0683"]["parent"] == "浙06"
    assert rows["浙0602"]["name"] == "绍兴市越城区人民法院"
    assert rows["浙0185"]["current"] == "0" and rows["浙0112"]["current"] == "1"
    assert rows["京0105"]["parent"] == "京03" and rows["京0105"]["source"] == "rule+structure"
    assert rows["川01"]["procuratorate"] == "成都市人民检察院"
    assert "京01" not in rows  # a municipality's intermediate courts come from the curated list
    assert out.read_text("utf-8").startswith("# 全国法院代字表")


def test_a_file_that_is_no_division_list(tmp_path: Path) -> None:
    path = tmp_path / "2024.txt"
    path.write_text("名称 代码\n浙江 33\n", "utf-8")
    with pytest.raises(RefreshError, match="6位代码"):
        read_division_list(path)
    result = CliRunner().invoke(app, ["ids", "courts-refresh", str(tmp_path / "list.txt")])
    assert result.exit_code == 2
