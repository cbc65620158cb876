"""The no-code builder: each condition kind → rule SQL that the ordinary loader accepts and that
finds exactly the planted leads; bad values refused in Chinese; tests made from marked rows
pass; saving is atomic and refuses an existing id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.rules.builder_world import AS_OF, COURT, DA, DB, DC, A, B, C, world
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.rules.builder.library import (
    Marked,
    check_tests,
    checked_rule,
    make_tests,
    next_id,
    preview,
    save,
)
from zhongben.rules.builder.spec import BuilderError, parse_spec
from zhongben.rules.loader import load_library
from zhongben.rules.testing import load_rows, read_tests, run_on_rows, run_tests


def spec_of(*conditions: dict[str, Any], courts: list[str] | None = None) -> dict[str, Any]:
    return {"name": "测试规则", "population": {"courts": [COURT] if courts is None else courts},
            "conditions": list(conditions)}


def found(data: dict[str, Any]) -> set[tuple[str | None, str | None]]:
    rule, _ = checked_rule(parse_spec(data))
    return {(lead.case_no, lead.subject_id) for lead in run_on_rows(rule, world(), AS_OF)}


ASSET = {"kind": "asset_after_termination", "source": "vehicles_new"}


@pytest.mark.parametrize(("condition", "expected"), [
    (ASSET, {(A, DA)}),
    ({"kind": "asset_after_termination", "source": "vehicles_held"}, {(A, DA)}),
    ({"kind": "payment_over", "source": "bank_out", "amount": "50000"}, {(B, DB)}),
    ({"kind": "payment_over", "source": "bank_out", "amount": "80000.01"}, set()),
    ({"kind": "travel_in_window", "mode": "任意", "days": 30}, {(C, DC)}),
    ({"kind": "travel_in_window", "mode": "任意", "days": 200}, {(A, DA), (C, DC)}),
    ({"kind": "travel_in_window", "mode": "铁路", "days": 200}, {(A, DA)}),
    ({"kind": "travel_in_window", "mode": "任意", "window": "restricted"}, {(A, DA)}),
    ({"kind": "travel_in_window", "mode": "航班", "window": "restricted"}, set()),
    ({"kind": "missing_step", "step": "网络查控"}, {(C, DC)}),
])
def test_each_condition_kind_finds_what_was_planted(condition: dict[str, Any],
                                                    expected: set[Any]) -> None:
    assert found(spec_of(condition)) == expected


def test_population_court_and_period() -> None:
    assert found(spec_of(ASSET, courts=[])) == {(A, DA), ("(2023)浙0683执103号", DA)}
    late = spec_of(ASSET)
    late["population"]["closed_from"] = "2023-07-01"
    assert found(late) == set()


def test_conditions_combine_with_and() -> None:
    both = spec_of(ASSET, {"kind": "missing_step", "step": "现场调查"})
    assert found(both) == {(A, DA)}
    assert found(spec_of(ASSET, {"kind": "missing_step", "step": "网络查控"})) == set()


@pytest.mark.parametrize(("data", "message"), [
    (spec_of({"kind": "payment_over", "source": "bank_out", "amount": "-5"}),
     "条件1·金额：须大于 0"),
    (spec_of({"kind": "payment_over", "source": "bank_out", "amount": "很多"}),
     "条件1·金额：须为数字"),
    (spec_of({"kind": "payment_over", "source": "x; DROP TABLE cases", "amount": "5"}),
     "资金来源不在可选范围内"),
    (spec_of({"kind": "travel_in_window", "days": 9999}), "条件1·天数：须不大于 1825"),
    (spec_of({"kind": "missing_step", "step": "'; SELECT 1 --"}), "措施不在可选范围内"),
    (spec_of({"kind": "travel_in_window", "window": "always"}), "出行时段不在可选范围内"),
    (spec_of({"kind": "sql", "text": "SELECT 1"}), "条件1：类型不在可选范围内"),
    (spec_of(), "条件：至少须有一项"),
    ({**spec_of(ASSET), "name": "x */ SELECT"}, "规则名称须为 1–40 个字"),
    ({**spec_of(ASSET), "population": {"closed_from": "2024-13-01"}}, "终本起日：须为日期"),
])
def test_bad_values_are_refused_in_chinese(data: dict[str, Any], message: str) -> None:
    with pytest.raises(BuilderError) as refused:
        parse_spec(data)
    assert any(message in problem for problem in refused.value.problems), refused.value.problems


def test_user_title_is_only_a_quoted_yaml_string() -> None:
    data = {**spec_of(ASSET), "name": "车辆: {x} 'y' #z \"q\""}
    rule, generated = checked_rule(parse_spec(data))
    assert rule.header.name == "车辆: {x} 'y' #z \"q\""
    assert "车辆: {x}" not in generated.sql


def workspace_engine() -> DuckDBEngine:
    engine = DuckDBEngine.in_memory()
    load_rows(engine, world())
    return engine


def test_preview_marks_make_tests_that_pass_and_a_saved_file_the_loader_reads(
        tmp_path: Path) -> None:
    spec = parse_spec(spec_of({"kind": "travel_in_window", "mode": "任意", "days": 200}))
    local = tmp_path / "ws.models"
    rule_id = next_id(local)
    assert rule_id == "ZD-01"
    rule, _ = checked_rule(spec, rule_id)
    engine = workspace_engine()
    leads = preview(engine, rule, AS_OF)
    assert [(x.case_no, x.subject_id) for x in leads] == [(A, DA), (C, DC)]
    tests = make_tests(engine, rule, spec, AS_OF, [Marked(C, DC, "right")])
    check_tests(rule, tests)
    path = save(local, spec, rule_id, tests)
    assert path == local / "after_termination" / "ZD-01.sql"
    saved = load_library(local)["ZD-01"]
    outcomes = run_tests(saved, read_tests(saved.test_path))
    text = saved.test_path.read_text(encoding="utf-8")
    for original in (C, DC, "王五"):  # pseudonymised: no real case number, ID or name
        assert original not in text
    assert "2023-07-20" in text and "航班" in text  # dates and categories kept
    assert [o.case.kind for o in outcomes] == ["positive", "near_miss"]
    assert all(o.passed for o in outcomes)
    assert sorted(p.name for p in local.rglob("*")) == ["ZD-01.sql", "ZD-01.test.yaml",
                                                        "after_termination"]  # no temp file
    checked = CliRunner().invoke(app, ["rules", "check", str(path), str(local)])
    assert checked.exit_code == 0 and "检查通过：2 条规则" in checked.stdout, checked.output
    with pytest.raises(BuilderError, match="已有规则 ZD-01"):
        save(local, spec, "ZD-01", tests)
    assert next_id(local) == "ZD-02"


def test_a_lead_marked_wrong_that_still_hits_refuses_the_save() -> None:
    spec = parse_spec(spec_of({"kind": "travel_in_window", "mode": "任意", "days": 200}))
    rule, _ = checked_rule(spec)
    engine = workspace_engine()
    tests = make_tests(engine, rule, spec, AS_OF, [Marked(C, DC, "right"), Marked(A, DA, "wrong")])
    with pytest.raises(BuilderError) as refused:
        check_tests(rule, tests)
    assert "多出线索" in refused.value.problems[0]
    narrower = parse_spec(spec_of({"kind": "travel_in_window", "mode": "航班", "days": 200}))
    rule, _ = checked_rule(narrower)
    tests = make_tests(engine, rule, narrower, AS_OF,
                       [Marked(C, DC, "right"), Marked(A, DA, "wrong")])
    check_tests(rule, tests)
    assert [t["kind"] for t in tests["tests"]] == ["positive", "near_miss", "negative"]
    assert yaml.safe_load(yaml.safe_dump(tests, allow_unicode=True))["tests"][2]["expect"] == []


def test_near_miss_of_a_missing_step_takes_the_step() -> None:
    spec = parse_spec(spec_of({"kind": "missing_step", "step": "网络查控"}))
    rule, _ = checked_rule(spec)
    tests = make_tests(workspace_engine(), rule, spec, AS_OF, [Marked(C, DC, "right")])
    check_tests(rule, tests)
    case = tests["tests"][0]["input"]["cases"][0]
    assert {"case_no": case["case_no"], "action": "网络查控",
            "acted_on": case["closed_on"]} in tests["tests"][1]["input"]["actions"]


def test_no_right_mark_no_tests() -> None:
    spec = parse_spec(spec_of(ASSET))
    rule, _ = checked_rule(spec)
    with pytest.raises(BuilderError, match="至少将一条线索标为“对”"):
        make_tests(workspace_engine(), rule, spec, AS_OF, [Marked(A, DA, "wrong")])
