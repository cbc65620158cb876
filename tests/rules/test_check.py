"""``zhongben rules check``: the built-in library passes; a copied rule passes on its own; each kind
of problem (unportable SQL, unknown column, a broken header, a missing or one-sided test file, a
file that is no rule) is refused with a Chinese message naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhongben.cli.main import app
from zhongben.rules.loader import LIBRARY

RULE = LIBRARY / "restrictions" / "XG-01.sql"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "lib" / "restrictions"
    folder.mkdir(parents=True)
    shutil.copy(RULE, folder / RULE.name)
    shutil.copy(RULE.with_suffix(".test.yaml"), folder / "XG-01.test.yaml")
    return folder / RULE.name


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["rules", "check", *args])
    return result.exit_code, result.output


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_builtin_library_passes() -> None:
    code, out = _run()
    assert code == 0, out
    assert "检查通过：43 条规则" in out


def test_a_copied_rule_and_its_folder_pass(tmp_path: Path) -> None:
    rule = _copy(tmp_path)
    assert _run(str(rule)) == (0, "检查通过：1 条规则（XG-01）\n")
    assert _run(str(tmp_path / "lib"))[0] == 0


def test_unportable_sql_is_refused(tmp_path: Path) -> None:
    rule = _copy(tmp_path)
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace("t.travelled_on >= r.start_on",
                                 "t.travelled_on - r.start_on >= 0"), encoding="utf-8")
    code, out = _run(str(rule))
    assert code == 1
    assert str(rule) in out.replace("\n", "")
    assert "检查未通过" in out


def test_unknown_column_and_broken_header_are_refused(tmp_path: Path) -> None:
    rule = _copy(tmp_path)
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace("t.seat_class,", "t.no_such_column,", 1), encoding="utf-8")
    code, out = _run(str(rule))
    assert code == 1 and "no_such_column" in out
    rule.write_text(text.replace("severity: high", "severity: [", 1), encoding="utf-8")
    code, out = _run(str(rule))
    assert code == 1 and "头部 YAML 无法解析" in out


def test_tests_beside_the_rule_are_required(tmp_path: Path) -> None:
    rule = _copy(tmp_path)
    tests = rule.with_suffix(".test.yaml")
    kept = tests.read_text(encoding="utf-8")
    tests.unlink()
    code, out = _run(str(rule))
    assert code == 1 and "缺少规则旁的 YAML 测试文件" in out
    tests.write_text(kept.replace("kind: near_miss", "kind: positive"), encoding="utf-8")
    code, out = _run(str(rule))
    assert code == 1 and "缺少 near_miss 测试" in out
    tests.write_text("tests: [", encoding="utf-8")
    assert "测试文件无法读取" in _run(str(rule))[1]


def test_not_a_rule(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    code, out = _run(str(other))
    assert code == 1 and "不是规则文件" in out
    (tmp_path / "empty").mkdir()
    assert "文件夹中没有规则文件" in _run(str(tmp_path / "empty"))[1]
