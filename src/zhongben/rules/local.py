"""A workspace's local model library, and the library a workspace screens with.

Built-in rules ship in ``rules/library/``; models an office imports (``zhongben models import``) or
builds without code (the web rule builder) go into the workspace's own library, a folder beside the
workspace file named ``<workspace stem>.models/`` with the same family sub-folders
(``preconditions/``, ``assets/`` …) and its own ``_shared/`` views. The built-in library is never
written to.

``workspace_library(workspace)`` is what every screening path of a workspace reads: the built-in
rules and the local ones, each with its origin (``origins``): 内置, 导入 (an ``<ID>.origin.json``
beside the rule, written by the import: package, content hash, date, exporting office) or 自建 (a
local rule without that record). A local rule may not reuse a built-in id, and a local shared view
may not redefine a built-in one (same name, other SQL): the library refuses to load, in Chinese.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from zhongben.rules.loader import LIBRARY, load_library, load_views, read_rule
from zhongben.rules.problems import Problem, RuleError
from zhongben.rules.shared import SHARED, resolve_uses
from zhongben.rules.spec import Rule, SharedView
from zhongben.rules.versions import VERSIONS, with_history

ORIGIN_SUFFIX = ".origin.json"


def local_library_dir(workspace: Path) -> Path:
    """``/data/县院.duckdb`` → ``/data/县院.models``; the folder may not exist yet."""
    return workspace.with_name(f"{workspace.stem}.models")


@dataclass(frozen=True)
class Origin:
    """Where a rule of a workspace's library comes from."""

    kind: Literal["builtin", "imported", "local"]
    package: str = ""
    content_hash: str = ""
    imported_at: str = ""
    office: str = ""

    @property
    def label(self) -> str:
        """中文: 内置 / 导入：包名（哈希前 12 位，日期，来自 某院） / 自建."""
        if self.kind == "builtin":
            return "内置"
        if self.kind == "local":
            return "自建"
        details = [f"哈希 {self.content_hash[:12]}", self.imported_at[:10]]
        if self.office:
            details.append(f"来自 {self.office}")
        return f"导入：{self.package}（{'，'.join(d for d in details if d)}）"


BUILTIN = Origin("builtin")


@dataclass(frozen=True)
class Library:
    """The rules a workspace screens with, by id, and where each comes from."""

    rules: dict[str, Rule]
    origins: dict[str, Origin]


def workspace_library(workspace: str | Path | None) -> dict[str, Rule]:
    """Built-in and local rules of ``workspace`` (built-in only when None), validated; raises
    ``RuleError`` listing every problem of the local library."""
    return library_of(workspace).rules


def library_of(workspace: str | Path | None) -> Library:
    """The rules and their origins (see the module doc)."""
    root = local_library_dir(Path(workspace)) if workspace else None
    return load_combined(root)


def load_combined(local: Path | None) -> Library:
    """The built-in library with the rules of the local library folder ``local`` (if any)."""
    builtin = load_library()
    if local is None or not local.is_dir():
        return Library(builtin, dict.fromkeys(builtin, BUILTIN))
    found = _load_local(local, _signature(local) + _signature(LIBRARY))
    _SEEN.update({rule_id: found.rules[rule_id] for rule_id in found.rules.keys() - builtin})
    return Library(dict(found.rules), dict(found.origins))


_SEEN: dict[str, Rule] = {}  # local rules loaded by this process, for labels of stored leads


def seen_local_rules() -> Mapping[str, Rule]:
    """Every local rule this process has loaded (the newest of an id wins), read-only: lead
    pages and workbooks show their Chinese labels without being told the workspace."""
    return MappingProxyType(_SEEN)


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    paths = sorted([*root.glob("*/*.sql"), *root.glob(f"*/*{ORIGIN_SUFFIX}"),
                    *root.glob(f"*/{VERSIONS}/*.sql")])
    stats = ((p, p.stat()) for p in paths)
    return tuple((str(p), s.st_mtime_ns, s.st_size) for p, s in stats)


@lru_cache(maxsize=8)
def _load_local(local: Path, signature: tuple[tuple[str, int, int], ...]) -> Library:
    del signature  # part of the cache key only
    builtin = load_library()
    views, problems = combined_views(local)
    own = _local_rules(local, builtin, problems)
    everything = {**builtin, **own}
    for rule_id, rule in own.items():
        used, found = resolve_uses(rule.path, rule.header.uses, views, everything)
        problems.extend(found)
        own[rule_id] = replace(rule, used=used)
    own = with_history(own, views, {**builtin, **own}, problems, read_rule)
    _validate(local, views, own, problems)
    if problems:
        raise RuleError(problems)
    rules = dict(sorted({**builtin, **own}.items()))
    origins = {rule_id: BUILTIN if rule_id in builtin else read_origin(rules[rule_id])
               for rule_id in rules}
    return Library(rules, origins)


def combined_views(local: Path) -> tuple[dict[str, SharedView], list[Problem]]:
    """Built-in shared views with the local library's; a local view may repeat a built-in one
    only word for word."""
    builtin, _ = load_views(LIBRARY)
    own, problems = load_views(local)
    for name, view in own.items():
        if name in builtin and builtin[name].sql.strip() != view.sql.strip():
            problems.append(Problem(view.path, 1, f"本地共用视图 {name} 与内置共用视图同名但内容"
                                                  "不同：请改名后再用"))
    return {**builtin, **own}, problems


def _local_rules(local: Path, builtin: dict[str, Rule], problems: list[Problem]) -> dict[str, Rule]:
    own: dict[str, Rule] = {}
    for path in sorted(local.glob("*/*.sql")):
        if path.parent.name == SHARED:
            continue
        rule, found = read_rule(path)
        problems.extend(found)
        if rule is None:
            continue
        if rule.id in builtin:
            problems.append(Problem(path, 1, f"本地规则编号 {rule.id} 与内置规则相同：本地规则"
                                             "不能使用内置规则的编号，请改用新编号"))
        elif rule.id in own:
            again = f"规则编号 {rule.id} 重复（另见 {own[rule.id].path}）"
            problems.append(Problem(path, 1, again))
        else:
            own[rule.id] = rule
    return own


def _validate(
    local: Path, views: dict[str, SharedView], own: dict[str, Rule], problems: list[Problem]
) -> None:
    from zhongben.rules.validate import validate_rule, validate_view

    for view in views.values():
        if view.path.is_relative_to(local):
            problems.extend(validate_view(view, views))
    for rule in own.values():
        problems.extend(p for version in rule.versions() for p in validate_rule(version))


def origin_path(rule: Rule) -> Path:
    return rule.path.with_name(f"{rule.id}{ORIGIN_SUFFIX}")


def read_origin(rule: Rule) -> Origin:
    """An imported rule's record beside it; a local rule without one was built here (自建)."""
    path = origin_path(rule)
    if not path.exists():
        return Origin("local")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Origin("imported", str(data.get("package", "")), str(data.get("content_hash", "")),
                  str(data.get("imported_at", "")), str(data.get("office", "")))
