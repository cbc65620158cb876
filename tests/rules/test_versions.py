"""Rule versions with effective dates (issue 18 part 1): a workspace's local rule LC-04 in two
versions (different SQL and explanation, v2 in force from 2025-02-01, v1 from 2025-01-01) is
screened as of dates before, between and after; the lead keeps the version and date that first
found it through re-screens and publication; bad histories are refused in Chinese."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from tests.engine.conftest import spark  # noqa: F401  the one local[2] session
from tests.models.package_kit import build_workspace

from zhongben.rules.check import check_paths
from zhongben.rules.config import ScreenConfig
from zhongben.rules.loader import LIBRARY, load_rule
from zhongben.rules.local import local_library_dir, workspace_library
from zhongben.rules.problems import RuleError
from zhongben.store.db import open_database
from zhongben.store.models import Lead
from zhongben.store.publish import publish
from zhongben.workspace import Workspace

BEFORE, BETWEEN, AFTER = dt.date(2024, 12, 31), dt.date(2025, 1, 31), dt.date(2025, 3, 1)
SOURCE = LIBRARY / "with_property" / "DC-04.sql"


def rule_text(version: int, effective: str | None, marker: str = "") -> str:
    """DC-04 as LC-04 version ``version``; v2 reads a further (always true) condition."""
    text = SOURCE.read_text(encoding="utf-8").replace("id: DC-04", "id: LC-04")
    text = text.replace("version: 2", f"version: {version}\nauthor: 测试员\n"
                        f"change_note: 第{version}版{marker}")
    if effective:
        text = text.replace("family: C", f"family: C\neffective_from: {effective}")
    text = text.replace("此后{signal}。", f"此后{{signal}}。（第{version}版）")
    if version >= 2:
        text = text.replace("HAVING COUNT(DISTINCT x.month) >= :months",
                            "HAVING COUNT(DISTINCT x.month) >= :months AND COUNT(*) > 0")
    return text


def write_versions(folder: Path, versions: list[tuple[int, str | None]]) -> Path:
    """The rule in ``folder`` (a library root): the last of ``versions`` current, the others
    in ``with_property/versions/``."""
    family = folder / "with_property"
    (family / "versions").mkdir(parents=True, exist_ok=True)
    *older, (current, start) = versions
    for version, effective in older:
        (family / "versions" / f"LC-04.v{version}.sql").write_text(
            rule_text(version, effective), encoding="utf-8")
    path = family / "LC-04.sql"
    path.write_text(rule_text(current, start), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_workspace(tmp_path_factory.mktemp("versions") / "template.duckdb", ("DC-04",))


@pytest.fixture
def workspace(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws.duckdb"
    target.write_bytes(template.read_bytes())
    write_versions(local_library_dir(target), [(1, "2025-01-01"), (2, "2025-02-01")])
    return target


def _leads(workspace: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(workspace), read_only=True) as con:
        return con.execute("SELECT rule_version, as_of, found_version, found_as_of, versions, "
                           "explanation FROM leads WHERE rule_id = 'LC-04'").fetchall()


def test_the_history_is_loaded_oldest_first(workspace: Path) -> None:
    rule = workspace_library(workspace)["LC-04"]
    assert [r.version for r in rule.versions()] == [1, 2]
    assert rule.header.author == "测试员" and rule.history[0].header.change_note == "第1版"
    assert rule.in_force(BEFORE) is None
    assert rule.in_force(BETWEEN) is rule.history[0] and rule.in_force(AFTER) is rule


def test_a_screen_runs_the_version_in_force_on_its_date(workspace: Path) -> None:
    ws = Workspace(workspace)
    config = {"rules": ["LC-04"]}
    early = ws.screen(BEFORE, ScreenConfig(**config))
    assert early.rules == [] and "LC-04" in early.skipped and "尚无生效的版本" in early.skipped[
        "LC-04"]
    first = ws.screen(BETWEEN, ScreenConfig(**config))
    assert first.versions == {"LC-04": 1} and [x.rule_version for x in first.leads] == [1]
    assert "（第1版）" in first.leads[0].explanation
    second = ws.screen(AFTER, ScreenConfig(**config))
    assert second.versions == {"LC-04": 2} and [x.rule_version for x in second.leads] == [2]
    ((version, as_of, found, found_on, versions, explanation),) = _leads(workspace)
    assert (version, as_of, found, found_on) == (2, AFTER, 1, BETWEEN)
    assert json.loads(versions) == [1, 2] and "（第2版）" in explanation  # shown with version 2
    with duckdb.connect(str(workspace), read_only=True) as con:
        runs = con.execute("SELECT rule_versions FROM screen_runs ORDER BY run_id").fetchall()
    assert [json.loads(r[0]) for r in runs] == [{}, {"LC-04": 1}, {"LC-04": 2}]


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_publication_keeps_what_first_found_a_lead(workspace: Path, tmp_path: Path) -> None:
    ws, config = Workspace(workspace), ScreenConfig(rules=["LC-04"])
    sessions = open_database(tmp_path / "app.sqlite")
    ws.screen(BETWEEN, config)
    publish(workspace, sessions)
    ws.screen(AFTER, config)
    with duckdb.connect(str(workspace)) as con:  # a workspace that lost its record: still v1
        con.execute("UPDATE leads SET found_version = 2, found_as_of = as_of")
    publish(workspace, sessions)
    with sessions() as session:
        (lead,) = session.query(Lead).filter(Lead.rule_id == "LC-04").all()
        assert (lead.rule_version, lead.as_of) == (2, AFTER)
        assert (lead.found_version, lead.found_as_of, lead.versions) == (1, BETWEEN, [1, 2])
    sessions.kw["bind"].dispose()


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_an_old_workspace_without_the_columns_opens_and_publishes(
    workspace: Path, tmp_path: Path
) -> None:
    Workspace(workspace).screen(BETWEEN, ScreenConfig(rules=["LC-04"]))
    with duckdb.connect(str(workspace)) as con:
        for column in ("found_version", "found_as_of", "versions"):
            con.execute(f"ALTER TABLE leads DROP COLUMN {column}")
        con.execute("ALTER TABLE screen_runs DROP COLUMN rule_versions")
    sessions = open_database(tmp_path / "app.sqlite")
    assert publish(workspace, sessions).inserted == 1
    with sessions() as session:
        (lead,) = session.query(Lead).filter(Lead.rule_id == "LC-04").all()
        assert (lead.found_version, lead.found_as_of, lead.versions) == (1, BETWEEN, [1])
    sessions.kw["bind"].dispose()
    Workspace(workspace).screen(AFTER, ScreenConfig(rules=["LC-04"]))  # backfilled, then kept
    ((version, _, found, found_on, versions, _),) = _leads(workspace)
    assert (version, found, found_on, json.loads(versions)) == (2, 1, BETWEEN, [1, 2])


@pytest.mark.parametrize(("versions", "message"), [
    ([(2, "2025-01-01"), (2, "2025-02-01")], "版本号须递增"),
    ([(3, "2025-01-01"), (2, "2025-02-01")], "版本号须递增"),
    ([(1, "2025-02-01"), (2, "2025-01-01")], "须晚于第1版的生效日"),
    ([(1, None), (2, None)], "第2版须写生效日"),
])
def test_a_bad_history_is_refused_in_chinese(
    tmp_path: Path, versions: list[tuple[int, str | None]], message: str
) -> None:
    path = write_versions(tmp_path / "lib", versions)
    with pytest.raises(RuleError) as caught:
        load_rule(path)
    assert message in str(caught.value)
    assert any(message in str(p) for p in check_paths([tmp_path / "lib"]).problems)


def test_bad_dates_are_refused_in_chinese(tmp_path: Path) -> None:
    path = write_versions(tmp_path / "lib", [(2, "2025-02-30")])
    with pytest.raises(RuleError) as caught:
        load_rule(path)
    assert "头部中的日期不合法" in str(caught.value)
    text = path.read_text(encoding="utf-8").replace("2025-02-30", "2025-02-28").replace(
        "  - {text: 拒执解释 第3条, status: V}",
        "  - {text: 拒执解释 第3条, status: V, effective_from: 2024-12-01, "
        "effective_to: 2024-01-01}")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rule(path)
    assert "失效日 2024-01-01 须晚于生效日" in str(caught.value)


def test_a_version_file_is_checked_alone(tmp_path: Path) -> None:
    write_versions(tmp_path / "lib", [(1, None), (2, "2025-02-01")])
    old = tmp_path / "lib" / "with_property" / "versions" / "LC-04.v1.sql"
    assert load_rule(old).version == 1
    wrong = old.with_name("LC-04.v3.sql")
    old.rename(wrong)
    with pytest.raises(RuleError) as caught:
        load_rule(wrong)
    assert "文件名须为 LC-04.v1.sql" in str(caught.value)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.usefixtures("spark")
def test_spark_runs_the_same_version(workspace: Path) -> None:
    config = ScreenConfig(rules=["LC-04"])
    for day, version in ((BETWEEN, 1), (AFTER, 2)):
        on_spark = Workspace(workspace).screen(day, config, engine="spark",
                                               spark_master="local[2]")
        on_duckdb = Workspace(workspace).screen(day, config)
        assert on_spark.versions == on_duckdb.versions == {"LC-04": version}
        assert [dataclasses.asdict(x) for x in on_spark.leads] == [
            dataclasses.asdict(x) for x in on_duckdb.leads]
    assert Workspace(workspace).screen(BEFORE, config, engine="spark",
                                       spark_master="local[2]").skipped
    ((_, _, found, found_on, _, _),) = _leads(workspace)
    assert (found, found_on) == (1, BETWEEN)


def test_rules_show_and_the_rules_page_give_versions_and_periods(workspace: Path) -> None:
    from typer.testing import CliRunner

    from zhongben.cli.main import app
    from zhongben.web.rules_page import _from_library

    current = local_library_dir(workspace) / "with_property" / "LC-04.sql"
    current.write_text(current.read_text(encoding="utf-8").replace(
        "  - {text: 拒执解释 第3条, status: V}",
        "  - {text: 拒执解释 第3条, status: V, effective_to: 2025-02-15, "
        "replaced_by: 拒执解释 第4条}"), encoding="utf-8")
    shown = CliRunner().invoke(app, ["rules", "show", "LC-04", "--db", str(workspace),
                                     "--as-of", "2025-03-01"])
    assert shown.exit_code == 0, shown.output
    text = shown.output.replace("\n", "")
    assert "第2版，2025-02-01 起施行，作者 测试员，修改说明：第2版" in text
    assert "第1版，2025-01-01 起施行" in text
    assert "已修改（2025-02-15 起由 拒执解释 第4条 取代）" in text
    older = CliRunner().invoke(app, ["rules", "show", "LC-04", "--db", str(workspace),
                                     "--as-of", "2025-01-15"])
    assert "2025-01-15 生效的是第1版；现行为第2版" in older.output
    assert "（第1版）" in older.output and "现行" in older.output.replace("\n", "")
    entry = _from_library(str(workspace))["LC-04"]
    assert entry.history[0].startswith("第2版") and entry.history[1].startswith("第1版")
    assert entry.basis[1]["state"].startswith("已修改")  # shown as of today


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_an_old_version_s_own_tests_run_and_are_checked(workspace: Path) -> None:
    tests = (LIBRARY / "with_property" / "DC-04.test.yaml").read_text(encoding="utf-8")
    family = local_library_dir(workspace) / "with_property"
    (family / "LC-04.test.yaml").write_text(tests.replace("rule: DC-04", "rule: LC-04"),
                                            encoding="utf-8")
    (family / "versions" / "LC-04.v1.test.yaml").write_text(
        tests.replace("rule: DC-04", "rule: LC-04"), encoding="utf-8")
    outcomes = Workspace(workspace).test_rules(["LC-04"])
    assert set(outcomes) == {"LC-04", "LC-04 第1版"}
    assert all(o.passed for found in outcomes.values() for o in found)
    (family / "versions" / "LC-04.v1.test.yaml").write_text("rule: [", encoding="utf-8")
    problems = check_paths([local_library_dir(workspace)]).problems
    assert [p.path.name for p in problems] == ["LC-04.v1.test.yaml"]


def test_the_screen_command_says_which_versions_ran(workspace: Path) -> None:
    from typer.testing import CliRunner

    from zhongben.cli.main import app

    early = CliRunner().invoke(app, ["screen", "--db", str(workspace), "--as-of", "2024-12-31",
                                     "--rules", "LC-04", "--format", "json"])
    assert early.exit_code == 0, early.output
    assert "规则 LC-04 在 2024-12-31 尚无生效的版本" in early.output
    later = CliRunner().invoke(app, ["screen", "--db", str(workspace), "--as-of", "2025-03-01",
                                     "--rules", "LC-04", "--format", "json"])
    body = json.loads(later.stdout)
    assert body["rule_versions"] == {"LC-04": 2} and body["skipped"] == {}
