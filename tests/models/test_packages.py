"""Model packages end to end through the command line: a package exported from one workspace and
imported into another finds the same leads there as the exported rules did at home; a package
that was tampered with, whose own tests fail, whose SQL is not portable, that needs a table the
workspace lacks, that reuses a built-in id, or that carries a ``../`` name is refused in Chinese
with nothing installed; the built-in library never changes."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import duckdb
import pytest
from tests.models.package_kit import RENAMES, cli, copy_workspace, library_digest, repack

from zhongben.rules.local import library_of, local_library_dir, workspace_library
from zhongben.rules.problems import RuleError
from zhongben.workspace import Workspace

AS_OF = dt.date(2026, 6, 30)


def found(workspace: Path, rules: list[str]) -> list[tuple[str | None, str | None, dict]]:
    """The leads of ``rules`` on ``workspace`` (stored, as a screen does), without the rule id."""
    from zhongben.rules.config import ScreenConfig

    result = Workspace(workspace).screen(AS_OF, ScreenConfig(rules=rules))
    return sorted(((lead.case_no, lead.subject_id, lead.facts) for lead in result.leads),
                  key=repr)


def test_an_imported_package_finds_what_the_exported_rules_found(
    template: Path, package: Path, tmp_path: Path
) -> None:
    before = library_digest()
    home = copy_workspace(template, tmp_path / "嵊州.duckdb")
    there = copy_workspace(template, tmp_path / "新昌.duckdb")
    done = cli("models", "import", package, "--db", there)
    assert done.exit_code == 0, done.output
    assert "已导入模型包 嵊州院模型：LC-04、LK-06" in done.output
    assert not local_library_dir(home).exists()
    at_home = found(home, list(RENAMES))
    assert len(at_home) == 2
    assert found(there, list(RENAMES.values())) == at_home
    origins = library_of(there).origins
    assert origins["LC-04"].label.startswith("导入：嵊州院模型（哈希 ")
    assert "来自 嵊州市人民检察院" in origins["LK-06"].label
    assert origins["DC-04"].label == "内置"
    from zhongben.leads.output.labels import params_text

    assert params_text("LC-04", {"months": 3}) == ["终本后仍缴社保的最少月数 3 个月"]
    assert library_digest() == before  # the built-in library is never written to
    again = cli("models", "import", package, "--db", there)
    assert again.exit_code == 0 and "已导入过（内容相同）" in again.output


def test_a_local_rule_is_exported_on_with_its_shared_view(
    template: Path, package: Path, tmp_path: Path
) -> None:
    first = copy_workspace(template, tmp_path / "a.duckdb")
    assert cli("models", "import", package, "--db", first).exit_code == 0
    onward = tmp_path / "转发.zip"
    done = cli("models", "export", "LK-06", "--db", first, "--out", onward)
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(onward) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert "rules/_shared/fund_moves.sql" in names and manifest["views"] == ["fund_moves"]
    assert manifest["rules"][0]["reads"]["transactions"]  # columns derived from the SQL
    second = copy_workspace(template, tmp_path / "b.duckdb")
    assert cli("models", "import", onward, "--db", second).exit_code == 0
    assert found(second, ["LK-06"]) == found(first, ["LK-06"])
    assert library_of(second).origins["LK-06"].package == "转发"


def _refused(package: Path, workspace: Path, *words: str) -> str:
    done = cli("models", "import", package, "--db", workspace)
    assert done.exit_code == 1, done.output
    assert "拒绝导入模型包" in done.output and "未改动" in done.output
    for word in words:
        assert word in done.output, done.output
    assert "Error" not in done.output and "Traceback" not in done.output
    assert not local_library_dir(workspace).exists()
    assert not list(workspace.parent.glob(".*staging*"))  # nothing half-installed
    return done.output


def _sql_name(files: dict[str, bytes]) -> str:
    return next(n for n in files if n.endswith("LC-04.sql"))


def test_a_tampered_package_is_refused(template: Path, package: Path, tmp_path: Path) -> None:
    def one_byte(files: dict[str, bytes]) -> None:
        name = _sql_name(files)
        at = files[name].index(b">= :months")
        files[name] = files[name][:at] + b"<" + files[name][at + 1:]  # >= becomes <=

    tampered = repack(package, tmp_path / "改过.zip", one_byte, rehash=False)
    _refused(tampered, copy_workspace(template, tmp_path / "ws.duckdb"), "内容哈希不符")


def test_a_package_whose_tests_fail_is_refused(
    template: Path, package: Path, tmp_path: Path
) -> None:
    def wrong_threshold(files: dict[str, bytes]) -> None:  # hash recomputed: a careless exporter
        name = _sql_name(files)
        files[name] = files[name].replace(b"default: 3,", b"default: 2,")

    broken = repack(package, tmp_path / "错.zip", wrong_threshold)
    _refused(broken, copy_workspace(template, tmp_path / "ws.duckdb"), "LC-04 的测试",
             "未通过", "多出线索")


def test_unportable_sql_in_a_package_is_refused(
    template: Path, package: Path, tmp_path: Path
) -> None:
    def interval(files: dict[str, bytes]) -> None:
        name = _sql_name(files)
        files[name] = files[name].replace(b"s.month > d.closed_on",
                                          b"s.month > d.closed_on + INTERVAL 1 DAY")

    _refused(repack(package, tmp_path / "不可移植.zip", interval),
             copy_workspace(template, tmp_path / "ws.duckdb"), "不可移植的写法", "INTERVAL")


@pytest.mark.parametrize("drop", ["DROP TABLE social_insurance",
                                  "ALTER TABLE companies DROP COLUMN address"])
def test_a_package_needing_what_the_workspace_lacks_is_refused(
    template: Path, package: Path, tmp_path: Path, drop: str
) -> None:
    workspace = copy_workspace(template, tmp_path / "旧.duckdb")
    with duckdb.connect(str(workspace)) as con:  # a workspace of an older version
        con.execute(drop)
    missing = "social_insurance" if "social" in drop else "address"
    _refused(package, workspace, missing, "LC-04")


def test_a_built_in_id_is_refused(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "内置.zip"
    done = cli("models", "export", "DC-04", "--db", template, "--out", out)
    assert done.exit_code == 0 and "--rename DC-04=新编号" in done.output
    _refused(out, copy_workspace(template, tmp_path / "ws.duckdb"), "DC-04", "内置")


def test_names_leaving_the_package_are_refused(
    template: Path, package: Path, tmp_path: Path
) -> None:
    def escape(files: dict[str, bytes]) -> None:
        files["../../逃逸.sql"] = b"SELECT 1"

    bad = repack(package, tmp_path / "sub" / "逃逸.zip", escape)
    workspace = copy_workspace(template, tmp_path / "ws.duckdb")
    _refused(bad, workspace, "../../逃逸.sql", "指向包外")
    assert not (tmp_path / "逃逸.sql").exists()
    odd = repack(package, tmp_path / "多余.zip", lambda f: f.update({"run.sh": b"rm -rf /"}))
    _refused(odd, workspace, "run.sh", "不属于模型包格式")
    not_zip = tmp_path / "假.zip"
    not_zip.write_bytes(b"PK not really")
    _refused(not_zip, workspace, "不是有效的 zip 文件")


def test_a_local_rule_may_not_reuse_a_built_in_id(template: Path, tmp_path: Path) -> None:
    from zhongben.rules.loader import load_library

    workspace = copy_workspace(template, tmp_path / "ws.duckdb")
    folder = local_library_dir(workspace) / "with_property"
    folder.mkdir(parents=True)
    (folder / "DC-04.sql").write_bytes(load_library()["DC-04"].path.read_bytes())
    with pytest.raises(RuleError, match="本地规则编号 DC-04 与内置规则相同"):
        workspace_library(workspace)
    done = cli("screen", "--db", workspace, "--as-of", "2026-06-30", "--no-publish")
    assert done.exit_code == 2 and "本地规则编号 DC-04" in done.output


def test_export_refusals_are_chinese(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.zip"
    unknown = cli("models", "export", "QQ-99", "--db", template, "--out", out)
    assert unknown.exit_code == 1 and "没有规则 QQ-99" in unknown.output
    taken = cli("models", "export", "DC-04", "--db", template, "--out", out,
                "--rename", "DC-04=DC-05")
    assert taken.exit_code == 1 and "新编号 DC-05 已被本工作区的规则占用" in taken.output
    bad = cli("models", "export", "DC-04", "--db", template, "--out", out, "--rename", "DC-04")
    assert bad.exit_code == 2 and "旧编号=新编号" in bad.output
    for missing in (("models", "export", "DC-04"), ("models", "import")):
        done = cli(*missing)
        assert done.exit_code == 2 and "请给出" in done.output and "Missing" not in done.output
    assert not out.exists()


def _renamed_package(files: dict[str, bytes]) -> None:
    manifest = json.loads(files["manifest.json"])
    manifest["name"] = "另一个包"
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()


def test_a_package_of_the_same_name_replaces_its_rules_another_may_not(
    template: Path, package: Path, tmp_path: Path
) -> None:
    workspace = copy_workspace(template, tmp_path / "ws.duckdb")
    assert cli("models", "import", package, "--db", workspace).exit_code == 0
    first = library_of(workspace).origins["LC-04"].content_hash

    def new_readme(files: dict[str, bytes]) -> None:
        files["README.md"] += "第二版说明\n".encode()

    newer = repack(package, tmp_path / "新版.zip", new_readme)
    done = cli("models", "import", newer, "--db", workspace)
    assert done.exit_code == 0 and "替换此前导入的 LC-04、LK-06" in done.output, done.output
    assert library_of(workspace).origins["LC-04"].content_hash != first
    other = repack(package, tmp_path / "别的.zip", _renamed_package)
    refused = cli("models", "import", other, "--db", workspace)
    assert refused.exit_code == 1 and "LC-04 已在本工作区本地规则库中" in refused.output
    assert found(workspace, ["LC-04"])  # the installed rules still run


def test_reads_come_from_the_sql_and_stay_within_the_header() -> None:
    from zhongben.rules.loader import load_library
    from zhongben.rules.packages.manifest import reads_of

    for rule_id, rule in load_library().items():
        reads = reads_of(rule)
        assert reads, rule_id
        for table, columns in reads.items():
            assert set(columns) <= set(rule.header.tables[table]), (rule_id, table)
    dc04 = reads_of(load_library()["DC-04"])
    assert dc04["social_insurance"] == ["employer_uscc_entity", "month", "person_id_entity"]


def test_a_refusal_after_staging_leaves_an_installed_library_as_it_was(
    template: Path, package: Path, tmp_path: Path
) -> None:
    workspace = copy_workspace(template, tmp_path / "ws.duckdb")
    assert cli("models", "import", package, "--db", workspace).exit_code == 0
    library = local_library_dir(workspace)
    before = library_digest(library)

    def failing(files: dict[str, bytes]) -> None:  # reaches the tests, run in the staging folder
        _renamed_package(files)
        for name in [n for n in files if "/LC-04." in n or "/LK-06." in n]:
            files[name.replace("LC-04", "LC-44").replace("LK-06", "LK-66")] = files.pop(name)
        manifest = json.loads(files["manifest.json"])
        for entry in manifest["rules"]:
            entry["id"] = {"LC-04": "LC-44", "LK-06": "LK-66"}[entry["id"]]
        files["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
        for name in [n for n in files if n.endswith(".sql") or n.endswith(".yaml")]:
            text = files[name].replace(b"LC-04", b"LC-44").replace(b"LK-06", b"LK-66")
            files[name] = text.replace(b"default: 3,", b"default: 2,")

    done = cli("models", "import", repack(package, tmp_path / "坏.zip", failing), "--db", workspace)
    assert done.exit_code == 1 and "LC-44 的测试" in done.output, done.output
    assert library_digest(library) == before
    assert not list(tmp_path.glob(".*staging*")) and not list(tmp_path.glob(".*.old-*"))
    assert "LC-44" not in library_of(workspace).rules
