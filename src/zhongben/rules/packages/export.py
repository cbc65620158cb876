"""``zhongben models export``: rules of a workspace's library written as one package.

What a rule uses travels with it: the shared views (``rules/_shared/``), and the rules whose rows
it reads when they are exported too; a used built-in rule is not carried but required
(``requires_rules``: the importing side must have it in the same version); a used local rule left
out refuses the export. A rule is exported only when its own tests pass. A built-in rule can be
exported under a new id (``renames``), the way to share an office's variant of it: a built-in id
is refused on import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import zhongben
from zhongben.rules.families import BY_CODE
from zhongben.rules.loader import LIBRARY, load_views
from zhongben.rules.local import Library, combined_views
from zhongben.rules.packages.archive import PackageRefused, repeated, write_zip
from zhongben.rules.packages.manifest import (
    MANIFEST,
    README,
    Manifest,
    PackagedRule,
    content_hash,
    manifest_json,
    reads_of,
    rule_file,
    view_file,
)
from zhongben.rules.packages.readme import readme
from zhongben.rules.spec import RULE_ID, Rule, SharedView
from zhongben.rules.testing import run_tests


@dataclass(frozen=True)
class ExportRequest:
    ids: list[str]
    out: Path
    name: str
    renames: dict[str, str]
    office: str = ""
    local: Path | None = None  # the workspace's local library folder


@dataclass(frozen=True)
class Exported:
    manifest: Manifest
    path: Path
    warnings: list[str]


def export_package(library: Library, request: ExportRequest) -> Exported:
    """Write the package; raises ``PackageRefused`` with every reason."""
    _check_request(library, request)
    views = _views(request.local)
    needed_views, requires = _dependencies(library, request, views)
    files: dict[str, bytes] = {}
    entries, packaged = [], {}
    for rule_id in request.ids:
        rule = library.rules[rule_id]
        new_id = request.renames.get(rule_id, rule_id)
        folder = BY_CODE[rule.header.family].folder
        files[rule_file(folder, new_id)] = _renamed_sql(rule, new_id).encode("utf-8")
        files[rule_file(folder, new_id, ".test.yaml")] = _renamed_tests(rule, new_id).encode()
        entries.append(_entry(rule, new_id, folder))
        packaged[new_id] = _with_id(rule, new_id)
    for name in needed_views:
        files[view_file(name)] = views[name].path.read_bytes()
    manifest = Manifest(
        name=request.name, created_at=dt.datetime.now().isoformat(timespec="seconds"),
        zhongben_version=zhongben.__version__, office=request.office, rules=entries,
        views=needed_views, requires_rules=requires, tables=_union(entries))
    files[README] = readme(manifest, packaged).encode("utf-8")
    manifest.content_hash = content_hash(manifest, files)
    files[MANIFEST] = manifest_json(manifest)
    write_zip(request.out, files)
    return Exported(manifest, request.out, _warnings(library, request))


def _check_request(library: Library, request: ExportRequest) -> None:
    reasons = [f"工作区规则库中没有规则 {i}：请用 zhongben rules list 查看编号"
               for i in request.ids if i not in library.rules]
    if not request.ids:
        reasons.append("请给出要导出的规则编号，如 ZB-01,DC-04")
    for old, new in request.renames.items():
        if old not in request.ids:
            reasons.append(f"改编号 {old}={new}：{old} 不在导出的规则中")
        elif not RULE_ID.match(new):
            reasons.append(f"新编号 {new} 格式不对：应为两个大写字母-两位数字，如 LC-01")
        elif new in library.rules:
            reasons.append(f"新编号 {new} 已被本工作区的规则占用：请换一个编号")
    targets = [request.renames.get(i, i) for i in request.ids]
    reasons += [f"导出后编号 {t} 重复" for t in repeated(targets)]
    if reasons:
        raise PackageRefused(reasons)
    for rule_id in request.ids:
        reasons += _test_problems(library.rules[rule_id])
    if reasons:
        raise PackageRefused(reasons)


def _test_problems(rule: Rule) -> list[str]:
    if not rule.test_path.exists():
        return [f"规则 {rule.id} 没有测试文件 {rule.test_path.name}：模型包须带测试，请先补写"]
    failed = [o for o in run_tests(rule) if not o.passed]
    return [f"规则 {rule.id} 的测试「{o.case.name}」未通过（{'；'.join(o.failures)}）："
            "请先修正规则或测试再导出" for o in failed]


def _views(local: Path | None) -> dict[str, SharedView]:
    if local is not None and local.is_dir():
        return combined_views(local)[0]
    return load_views(LIBRARY)[0]


def _dependencies(
    library: Library, request: ExportRequest, views: dict[str, SharedView]
) -> tuple[list[str], dict[str, int]]:
    """The shared views to carry, the built-in rules to require; refuses what cannot travel."""
    carried: set[str] = set()
    requires: dict[str, int] = {}
    reasons: list[str] = []

    def visit(user: str, name: str) -> None:
        if name in views:
            carried.add(name)
            for inner in views[name].header.uses:
                visit(name, inner)
        elif name in request.ids:
            if name in request.renames:
                reasons.append(f"规则 {user} 使用规则 {name} 的结果：被使用的规则不能改编号导出")
        elif library.origins.get(name) is not None and library.origins[name].kind == "builtin":
            requires[name] = library.rules[name].header.version
        else:
            reasons.append(f"规则 {user} 使用本地规则 {name} 的结果：请把 {name} 一并导出")

    for rule_id in request.ids:
        for name in library.rules[rule_id].header.uses:
            visit(rule_id, name)
    if reasons:
        raise PackageRefused(sorted(set(reasons)))
    return sorted(carried), dict(sorted(requires.items()))


def _entry(rule: Rule, new_id: str, folder: str) -> PackagedRule:
    h = rule.header
    params = {n: p.model_dump(mode="json") for n, p in h.params.items()}
    return PackagedRule(id=new_id, version=h.version, name=h.name, family=h.family,
                        folder=folder, severity=h.severity.value, params=params, uses=h.uses,
                        reads=reads_of(rule), renamed_from="" if new_id == rule.id else rule.id)


def _renamed_sql(rule: Rule, new_id: str) -> str:
    text = rule.path.read_text(encoding="utf-8")
    return text if new_id == rule.id else _replace_key(text, "id", rule.id, new_id, rule.path)


def _renamed_tests(rule: Rule, new_id: str) -> str:
    text = rule.test_path.read_text(encoding="utf-8")
    return text if new_id == rule.id else _replace_key(text, "rule", rule.id, new_id,
                                                       rule.test_path)


def _replace_key(text: str, key: str, old: str, new: str, path: Path) -> str:
    pattern = re.compile(rf"(?m)^({key}:[ \t]*){re.escape(old)}[ \t]*$")
    out, count = pattern.subn(rf"\g<1>{new}", text, count=1)
    if count != 1:
        raise PackageRefused([f"{path.name} 中找不到 “{key}: {old}” 一行，无法改编号"])
    return out


def _with_id(rule: Rule, new_id: str) -> Rule:
    from dataclasses import replace

    return replace(rule, header=rule.header.model_copy(update={"id": new_id}))


def _union(entries: list[PackagedRule]) -> dict[str, list[str]]:
    tables: dict[str, set[str]] = {}
    for entry in entries:
        for table, columns in entry.reads.items():
            tables.setdefault(table, set()).update(columns)
    return {t: sorted(c) for t, c in sorted(tables.items())}


def _warnings(library: Library, request: ExportRequest) -> list[str]:
    return [f"{i} 是内置规则：导入方已有同编号内置规则时会拒绝导入；分享本院改写的版本请用 "
            f"--rename {i}=新编号" for i in request.ids
            if library.origins[i].kind == "builtin" and i not in request.renames]
