"""``zhongben models import``: a package checked, then installed into a workspace's local library.

In order, each step refusing (``PackageRefused``, Chinese reasons) before anything is written to
the library: the zip read safely (``archive``), the manifest, the content hash, the files against
the manifest, built-in ids and required built-in rules, the data contract and the workspace's
tables (``checks``); then the local library is copied to a staging folder beside it with the
package added, loaded and validated as a whole (header, SQL, portable subset, no clash with what
is installed), the package's own YAML tests run on DuckDB, and only then the staging folder
replaces the library by rename. Re-importing a package of the same name replaces its rules.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from zhongben.engine.duckdb import stored_columns
from zhongben.engine.opener import WorkspaceError, open_read
from zhongben.rules.loader import LIBRARY, load_library, load_views
from zhongben.rules.local import Library, library_of, load_combined, local_library_dir
from zhongben.rules.packages import checks
from zhongben.rules.packages.archive import PackageRefused, read_zip
from zhongben.rules.packages.manifest import RULES_DIR, Manifest, reads_of
from zhongben.rules.problems import RuleError
from zhongben.rules.shared import SHARED
from zhongben.rules.spec import Rule
from zhongben.rules.testing import coverage_problems, read_tests, run_tests


@dataclass(frozen=True)
class Installed:
    manifest: Manifest
    library: Path
    tests_passed: int
    replaced: list[str]
    unchanged: bool = False


def install_package(workspace: Path, package: Path) -> Installed:
    """Check ``package`` and install it into ``workspace``'s local library (see the module doc)."""
    files = read_zip(package)
    manifest = checks.parse_manifest(files)
    _refuse(checks.check_hash(manifest, files))
    _refuse(checks.check_contents(manifest, files))
    builtin = load_library()
    _refuse(checks.check_builtin_ids(manifest, builtin) + checks.check_requires(manifest, builtin))
    _refuse(checks.check_contract(manifest, _stored(workspace)))
    current = _current(workspace)
    previous = [i for i, o in current.origins.items() if o.kind == "imported"
                and o.package == manifest.name]
    target = local_library_dir(workspace)
    if sorted(previous) == sorted(e.id for e in manifest.rules) and all(
            current.origins[i].content_hash == manifest.content_hash for i in previous):
        return Installed(manifest, target, 0, previous, unchanged=True)
    _refuse([f"规则编号 {e.id} 已在本工作区本地规则库中（来源：{current.origins[e.id].label}）："
             "请导出方改用其他编号" for e in manifest.rules
             if e.id in current.rules and e.id not in previous])
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
    try:
        passed = _stage_and_check(staging, target, files, manifest, [current.rules[i]
                                                                      for i in previous])
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Installed(manifest, target, passed, sorted(previous))


def _refuse(reasons: list[str]) -> None:
    if reasons:
        raise PackageRefused(reasons)


def _stored(workspace: Path) -> dict[str, set[str]]:
    try:
        with open_read(workspace) as con:
            return stored_columns(con)
    except WorkspaceError as exc:
        raise PackageRefused([str(exc)]) from None


def _current(workspace: Path) -> Library:
    try:
        return library_of(workspace)
    except RuleError as exc:
        raise PackageRefused([f"本工作区现有的本地规则库有误，须先修正：{exc}"]) from None


def _stage_and_check(
    staging: Path, target: Path, files: dict[str, bytes], manifest: Manifest,
    previous: list[Rule],
) -> int:
    """The library with the package added, in ``staging``; the number of test cases passed."""
    if target.is_dir():
        shutil.copytree(target, staging, dirs_exist_ok=True)
    for rule in previous:  # an earlier import of this package: replaced as a whole
        for path in (rule.path, rule.test_path, rule.path.with_name(f"{rule.id}.origin.json")):
            (staging / path.relative_to(target)).unlink(missing_ok=True)
    _refuse(_write_files(staging, files))
    try:
        staged = load_combined(staging)
    except RuleError as exc:
        raise PackageRefused([f"{p.path.relative_to(staging)} 第 {p.line} 行：{p.message}"
                              for p in exc.problems]) from None
    _drop_builtin_copies(staging)
    _refuse(_reads_differ(manifest, staged))
    passed = _run_package_tests(manifest, staged)
    _write_origins(staging, manifest)
    return passed


def _write_files(staging: Path, files: dict[str, bytes]) -> list[str]:
    reasons = []
    for name, data in sorted(files.items()):
        if not name.startswith(f"{RULES_DIR}/"):
            continue
        path = staging / name.removeprefix(f"{RULES_DIR}/")
        if path.parent.name == SHARED and path.exists() and path.read_bytes() != data:
            reasons.append(f"本地规则库已有共用视图 {path.stem}，内容与包中的不同：两个模型包的"
                           "同名视图互相冲突，请导出方改名")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return reasons


def _drop_builtin_copies(staging: Path) -> None:
    """A carried view that is word for word a built-in one: the built-in is used."""
    builtin, _ = load_views(LIBRARY)
    shared = staging / SHARED
    for path in shared.glob("*.sql"):
        if path.stem in builtin:
            path.unlink()
    if shared.is_dir() and not any(shared.iterdir()):
        shared.rmdir()


def _reads_differ(manifest: Manifest, staged: Library) -> list[str]:
    return [f"清单中规则 {e.id} 读取的表与列和规则 SQL 不符：模型包不完整或被改动，请重新导出"
            for e in manifest.rules if reads_of(staged.rules[e.id]) != e.reads]


def _run_package_tests(manifest: Manifest, staged: Library) -> int:
    reasons, passed = [], 0
    for entry in manifest.rules:
        rule = staged.rules[entry.id]
        tests = read_tests(rule.test_path)
        if tests.rule != rule.id:
            reasons.append(f"{rule.test_path.name} 测试的是规则 {tests.rule}，不是 {rule.id}")
            continue
        reasons += [f"规则 {rule.id} 的测试{p}：模型包须带正例与近似反例测试"
                    for p in coverage_problems(tests)]
        for outcome in run_tests(rule, tests):
            if outcome.passed:
                passed += 1
            else:
                reasons.append(f"规则 {rule.id} 的测试「{outcome.case.name}」在本工作区未通过："
                               f"{'；'.join(outcome.failures)}")
    _refuse(reasons)
    return passed


def _write_origins(staging: Path, manifest: Manifest) -> None:
    record = {"package": manifest.name, "content_hash": manifest.content_hash,
              "imported_at": dt.datetime.now().isoformat(timespec="seconds"),
              "exported_at": manifest.created_at, "office": manifest.office,
              "zhongben_version": manifest.zhongben_version}
    for entry in manifest.rules:
        path = staging / entry.folder / f"{entry.id}.origin.json"
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def _swap(staging: Path, target: Path) -> None:
    """``staging`` becomes ``target``: the old library is moved aside, then removed."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}-{time.time_ns()}")
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
