"""``zhongben ids case-no / id-no / uscc``: one JSON line per value."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.identifiers.id_card import check_digit
from zhongben.identifiers.uscc import check_char


def _run(*args: str, stdin: str | None = None) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(app, ["ids", *args], input=stdin)
    return result.exit_code, [json.loads(line) for line in result.output.splitlines()]


def test_case_numbers_name_their_courts_across_china() -> None:
    code, lines = _run("case-no", "(2023)京0105执1234号", "（2024）川0104执恢56号",
                       "(2022)粤0304执789号")
    assert code == 0
    assert [(x["court"], x["court_level"], x["region"]) for x in lines] == [
        ("北京市朝阳区人民法院", "基层", "北京市朝阳区"),
        ("成都市锦江区人民法院", "基层", "四川省成都市锦江区"),
        ("深圳市福田区人民法院", "基层", "广东省深圳市福田区"),
    ]
    assert [(x["year"], x["type_code"], x["type"], x["serial"]) for x in lines] == [
        (2023, "执", "首次执行", 1234),
        (2024, "执恢", "恢复执行", 56),
        (2022, "执", "首次执行", 789),
    ]
    assert lines[0]["procuratorate"] == "北京市朝阳区人民检察院"
    assert lines[0]["parent_court"] == "北京市第三中级人民法院"


def test_enforcement_type_codes() -> None:
    codes = ["执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他", "执配", "执破"]
    _, lines = _run("case-no", *(f"(2024)浙06{c}{i}号" for i, c in enumerate(codes, 1)))
    assert [x["type_code"] for x in lines] == codes
    assert all(x["enforcement"] and x["type"] and x["court"] == "绍兴市中级人民法院"
               for x in lines)


def test_legacy_numbers_and_bad_input() -> None:
    code, lines = _run("case-no", "(2015)绍嵊执民字第123号", "(2014)朝民初字第5号", "不是案号")
    assert code == 1  # one value was not a case number
    assert lines[0]["court"] == "嵊州市人民法院" and lines[0]["scheme"] == "旧"
    assert lines[1]["court"] is None and "北京市朝阳区人民法院" in lines[1]["court_candidates"]
    assert lines[2] == {"input": "不是案号", "valid": False, "error": "无法识别的案号：不是案号",
                        "folded": "不是案号"}
    _, [hinted] = _run("case-no", "--province", "京", "(2014)朝民初字第5号")
    assert hinted["court"] == "北京市朝阳区人民法院"


def test_id_numbers_from_stdin() -> None:
    body = "11010519491231002"
    good, bad = body + check_digit(body), body + ("0" if check_digit(body) != "0" else "1")
    code, lines = _run("id-no", stdin=f"{good}\n{bad}\n330683900101123\n")
    assert code == 1
    assert lines[0]["valid"] and lines[0]["region"] == "北京市朝阳区" and lines[0]["sex"] == "女"
    assert not lines[1]["valid"] and "第18位应为" in str(lines[1]["error"])
    assert lines[2]["upgraded_from_15"] and lines[2]["birth_date"] == "1990-01-01"


def test_uscc() -> None:
    body = "91330683MA2D1234"
    body += "5"
    good = body + check_char(body)
    code, [line] = _run("uscc", good)
    assert code == 0
    assert (line["authority"], line["org_type"], line["region"]) == (
        "工商（市场监管）", "企业", "浙江省绍兴市嵊州市")
