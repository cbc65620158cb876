"""Older versions of a rule and the version in force on a screening date.

A rule's current version is ``<family folder>/<ID>.sql``; the versions it replaced are kept beside
it as ``<family folder>/versions/<ID>.v<N>.sql`` (each with an optional ``<ID>.v<N>.test.yaml``),
read into ``Rule.history`` oldest first and validated like any rule: same id and family, versions
increasing up to the current one, and every version but the oldest with an ``effective_from``
later than the one before. A screen as of a date runs, per rule, the version in force on that date
(``in_force``); every screening path goes through ``zhongben.rules.screen.screen``, which calls it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from zhongben.rules.problems import Problem
from zhongben.rules.shared import resolve_uses
from zhongben.rules.spec import Basis, Rule, SharedView

ReadRule = Callable[[Path], tuple[Rule | None, list[Problem]]]
VERSIONS = "versions"  # the folder of older versions inside a family folder
VERSION_FILE = re.compile(r"^(?P<id>[A-Z]{2}-\d{2})\.v(?P<version>\d+)$")


def version_paths(rule_path: Path, rule_id: str) -> list[Path]:
    """The files of the older versions of the rule at ``rule_path``, by version number."""
    folder = rule_path.parent / VERSIONS
    found = []
    for path in folder.glob(f"{rule_id}.v*.sql"):
        match = VERSION_FILE.match(path.stem)
        if match and match["id"] == rule_id:
            found.append((int(match["version"]), path))
    return [path for _, path in sorted(found)]


def with_history(
    rules: Mapping[str, Rule], views: Mapping[str, SharedView], everything: Mapping[str, Rule],
    problems: list[Problem], read_rule: ReadRule,
) -> dict[str, Rule]:
    """Each rule of ``rules`` with its older versions read by ``read_rule`` (the loader's), their
    ``uses`` resolved against ``views`` and ``everything`` (problems appended)."""
    out = {}
    for rule_id, rule in rules.items():
        history = []
        for path in version_paths(rule.path, rule_id):
            old, found = read_rule(path)
            problems.extend(found)
            if old is None:
                continue
            used, found = resolve_uses(old.path, old.header.uses, views, everything)
            problems.extend(found)
            history.append(replace(old, used=used))
        problems.extend(history_problems(rule, history))
        out[rule_id] = replace(rule, history=tuple(history))
    return out


def history_problems(rule: Rule, history: list[Rule]) -> list[Problem]:
    """Chinese problems of a rule's versions (oldest first, ``rule`` the current one last)."""
    problems = []
    chain = [*history, rule]
    for old in history:
        if old.id != rule.id or old.header.family != rule.header.family:
            same = f"（{rule.id}，{rule.header.family} 族）"
            problems.append(Problem(old.path, 1, f"旧版本的编号和规则族须与现行版本相同{same}"))
    for before, after in itertools.pairwise(chain):
        if after.version <= before.version:
            problems.append(Problem(after.path, 1, f"版本号须递增：第{after.version}版不能排在"
                                                   f"第{before.version}版之后"))
        start, prior = after.header.effective_from, before.header.effective_from
        if start is None:
            problems.append(Problem(after.path, 1, f"第{after.version}版须写生效日 effective_from"
                                                   f"（只有最早的版本可以不写）"))
        elif prior is not None and start <= prior:
            problems.append(Problem(after.path, 1, f"第{after.version}版的生效日 {start} 须晚于"
                                                   f"第{before.version}版的生效日 {prior}"))
    return problems


@dataclass
class InForce:
    """The rules of a library as of a date: the version in force of each, and the ids skipped
    because none of their versions is in force yet (with why, in Chinese)."""

    rules: dict[str, Rule]
    skipped: dict[str, str] = field(default_factory=dict)


def in_force(library: Mapping[str, Rule], day: dt.date) -> InForce:
    """Per rule id, the version in force on ``day`` (``Rule.in_force``)."""
    result = InForce({})
    for rule_id, rule in library.items():
        chosen = rule.in_force(day)
        if chosen is None:
            first = rule.versions()[0]
            result.skipped[rule_id] = (f"规则 {rule_id} 在 {day} 尚无生效的版本（最早的第"
                                       f"{first.version}版 {first.header.effective_from} "
                                       "起生效），本次未运行")
        else:
            result.rules[rule_id] = chosen
    return result


def record_text(rule: Rule) -> str:
    """中文: who changed this version, when, why, and from when it is in force."""
    h = rule.header
    parts = [f"第{h.version}版", f"{h.effective_from} 起施行" if h.effective_from else "",
             f"作者 {h.author}" if h.author else "", f"{h.changed_on} 修改" if h.changed_on else "",
             f"修改说明：{h.change_note}" if h.change_note else ""]
    return "，".join(p for p in parts if p)


def history_lines(rule: Rule) -> list[str]:
    """Every version of ``rule``, newest first, each with its record."""
    return [record_text(version) for version in reversed(rule.versions())]


def basis_entry(basis: Basis, day: dt.date) -> dict[str, str]:
    """A basis as pages and leads show it on ``day``: text, status and, when the header gives
    its period, the period and its state (现行 / 已修改 / 已废止 / 尚未生效)."""
    entry = {"text": basis.text, "status": basis.status}
    if basis.effective_from or basis.effective_to:
        entry.update(period=basis.period(), state=basis.state(day))
    return entry
