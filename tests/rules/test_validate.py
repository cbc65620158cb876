"""Validation at load: every problem of a rule file reported at once, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhongben.rules.loader import load_library, load_rule
from zhongben.rules.problems import RuleError

HEADER = """/*
id: ZB-99
version: 1
name: 测试规则
family: A
severity: low
grain: case
basis:
  - {text: 测试依据, status: U}
tables:
  cases: [case_no, filed_on, closed_on, close_method]
params:
  days: {type: integer, default: 10, label: 天数, unit: 天}
explanation: 案件{case_no}。
*/
"""


def write(tmp_path: Path, sql: str, header: str = HEADER) -> Path:
    folder = tmp_path / "preconditions"
    folder.mkdir(exist_ok=True)
    path = folder / "ZB-99.sql"
    path.write_text(header + sql, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(RuleError) as info:
        load_rule(path)
    return [str(p) for p in info.value.problems]


GOOD = """SELECT c.case_no, CAST(NULL AS VARCHAR) AS subject_id,
  zb_evidence(c, case_no)
FROM cases AS c
WHERE zb_days_between(c.filed_on, c.closed_on) > :days
"""


def test_a_good_rule_loads(tmp_path: Path) -> None:
    rule = load_rule(write(tmp_path, GOOD))
    assert rule.id == "ZB-99"
    assert rule.sql_line == 15  # the line of "*/"; SELECT is on line 16


def test_unknown_table_and_column_are_reported_together_with_lines(tmp_path: Path) -> None:
    sql = GOOD.replace("zb_evidence(c, case_no)", "c.bogus,\n  zb_evidence(c, case_no)")
    sql = sql.replace(
        "FROM cases AS c", "FROM cases AS c\nJOIN nowhere AS n ON n.case_no = c.case_no"
    )
    found = problems(write(tmp_path, sql))
    assert any(":17: 列 bogus 不在表 cases 中" in p for p in found), found
    assert any(":20: 表 nowhere 不在数据契约中" in p for p in found), found
    assert all(p.startswith(str(tmp_path)) for p in found)


def test_column_not_declared_in_header(tmp_path: Path) -> None:
    sql = GOOD.replace("zb_evidence(c, case_no)", "c.judge,\n  zb_evidence(c, case_no)")
    assert any("列 cases.judge 未在头部 tables 中声明" in p for p in problems(write(tmp_path, sql)))


@pytest.mark.parametrize(
    ("fragment", "reason"),
    [
        ("c.closed_on - c.filed_on > 10", "日期加减"),
        ("c.closed_on > c.filed_on + INTERVAL 3 MONTH", "INTERVAL"),
        ("date_diff('month', c.filed_on, c.closed_on) > 3", "日期运算"),
        ("TRY(c.case_no) IS NULL", "TRY()"),
        ("regexp_replace(c.case_no, 'a', 'b') = 'x'", "regexp_replace"),
        ("levenshtein_x(c.case_no) > 1", "未知或不可移植的函数"),
    ],
)
def test_unportable_constructs_are_refused(tmp_path: Path, fragment: str, reason: str) -> None:
    sql = GOOD.replace(
        "zb_days_between(c.filed_on, c.closed_on) > :days", f"{fragment} AND :days > 0"
    )
    found = problems(write(tmp_path, sql))
    assert any(reason in p and ":19:" in p for p in found), found


def test_asof_join_union_by_name_and_distinct_window_are_refused(tmp_path: Path) -> None:
    sql = """SELECT c.case_no, CAST(NULL AS VARCHAR) AS subject_id,
  count(DISTINCT c.filed_on) OVER (PARTITION BY c.case_no) AS n
FROM cases AS c ASOF JOIN cases AS d ON c.filed_on >= d.filed_on
WHERE :days > 0 AND c.case_no IN (SELECT case_no FROM cases UNION BY NAME SELECT case_no FROM cases)
"""
    found = " ".join(problems(write(tmp_path, sql)))
    for reason in ("ASOF JOIN", "UNION BY NAME", "count(DISTINCT"):
        assert reason in found


def test_undeclared_and_unused_parameters(tmp_path: Path) -> None:
    sql = GOOD.replace(":days", ":months")
    found = " ".join(problems(write(tmp_path, sql)))
    assert "参数 :months 未在头部 params 中声明" in found
    assert "头部声明的参数 days 未在 SQL 中使用" in found


def test_lead_columns_and_template_fields(tmp_path: Path) -> None:
    sql = GOOD.replace("CAST(NULL AS VARCHAR) AS subject_id,", "")
    header = HEADER.replace("案件{case_no}。", "案件{case_no}{missing}。")
    found = " ".join(problems(write(tmp_path, sql, header)))
    assert "须返回列 subject_id" in found
    assert "{missing}" in found


def test_header_errors_name_the_line(tmp_path: Path) -> None:
    header = HEADER.replace("severity: low", "severity: extreme")
    found = problems(write(tmp_path, GOOD, header))
    assert any(":6: 头部字段 severity" in p for p in found), found


def test_folder_must_match_family(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    moved = tmp_path / "fraud" / path.name
    moved.parent.mkdir()
    path.rename(moved)
    with pytest.raises(RuleError) as info:
        load_library(tmp_path)
    assert "library/preconditions/" in str(info.value)
