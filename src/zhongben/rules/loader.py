"""Read rule files: ``library/<family folder>/<RULE_ID>.sql`` with a YAML header in a leading
``/* … */`` comment, then one SELECT. Every problem of every file is collected and raised once."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from zhongben.rules.families import BY_CODE
from zhongben.rules.problems import Problem, RuleError
from zhongben.rules.shared import SHARED, resolve_uses
from zhongben.rules.spec import Header, Rule, SharedView, ViewHeader
from zhongben.rules.versions import VERSIONS, version_paths, with_history

LIBRARY = Path(__file__).parent / "library"


def load_library(root: Path = LIBRARY, validate: bool = True) -> dict[str, Rule]:
    """Every rule under ``root`` by id, validated; raises RuleError listing all problems.

    Cached per process while no rule file under ``root`` changes."""
    return dict(_load_cached(root, validate, _signature(root)))


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    paths = sorted([*root.glob("*/*.sql"), *root.glob(f"*/{VERSIONS}/*.sql")])
    stats = ((p, p.stat()) for p in paths)
    return tuple((str(p), s.st_mtime_ns, s.st_size) for p, s in stats)


@lru_cache(maxsize=8)
def _load_cached(
    root: Path, validate: bool, signature: tuple[tuple[str, int, int], ...]
) -> dict[str, Rule]:
    del signature  # part of the cache key only
    rules: dict[str, Rule] = {}
    views, problems = load_views(root)
    for path in sorted(root.glob("*/*.sql")):
        if path.parent.name == SHARED:
            continue
        rule, found = read_rule(path)
        problems.extend(found)
        if rule is None:
            continue
        if rule.id in rules:
            problems.append(
                Problem(path, 1, f"规则编号 {rule.id} 重复（另见 {rules[rule.id].path}）")
            )
        rules[rule.id] = rule
    rules = with_used(rules, views, problems)
    rules = with_history(rules, views, rules, problems, read_rule)
    if validate:
        from zhongben.rules.validate import validate_rule, validate_view

        for view in views.values():
            problems.extend(validate_view(view, views))
        for rule in rules.values():
            problems.extend(p for version in rule.versions() for p in validate_rule(version))
    if problems:
        raise RuleError(problems)
    return dict(sorted(rules.items()))


def load_views(root: Path = LIBRARY) -> tuple[dict[str, SharedView], list[Problem]]:
    """The shared views under ``root/_shared`` by name, and the problems of their headers."""
    views: dict[str, SharedView] = {}
    problems: list[Problem] = []
    for path in sorted((root / SHARED).glob("*.sql")):
        parts, found = _split(path)
        problems.extend(found)
        if parts is None:
            continue
        header_text, header_line, sql, sql_line = parts
        header, found = _parse_header(path, header_text, header_line, ViewHeader)
        problems.extend(found)
        if isinstance(header, ViewHeader):
            if path.stem != header.view:
                problems.append(Problem(path, 1, f"文件名须为 {header.view}.sql"))
            views[header.view] = SharedView(header, sql, path, sql_line)
    return views, problems


def with_used(
    rules: dict[str, Rule], views: dict[str, SharedView], problems: list[Problem]
) -> dict[str, Rule]:
    """Each rule with what its ``uses`` names resolved (problems appended)."""
    out = {}
    for rule_id, rule in rules.items():
        used, found = resolve_uses(rule.path, rule.header.uses, views, rules)
        problems.extend(found)
        out[rule_id] = replace(rule, used=used)
    return out


def load_rule(path: Path, validate: bool = True) -> Rule:
    """One rule file (a current version with its older versions, or one older version); raises
    RuleError listing all its problems. What it ``uses`` is looked up in the library the file
    sits in."""
    rule, problems = read_rule(path)
    versioned = path.parent.name == VERSIONS
    history = [] if versioned or rule is None else version_paths(path, rule.id)
    if rule is not None and (rule.header.uses or history):
        root = path.parents[2] if versioned else path.parent.parent
        views, found = load_views(root)
        problems.extend(found)
        found_rules = (read_rule(p)[0] for p in root.glob("*/*.sql") if p.parent.name != SHARED)
        everything = {**{r.id: r for r in found_rules if r is not None}, rule.id: rule}
        used, found = resolve_uses(rule.path, rule.header.uses, views, everything)
        problems.extend(found)
        rule = replace(rule, used=used)
        if history:
            rule = with_history({rule.id: rule}, views, everything, problems, read_rule)[rule.id]
    if rule is not None and validate:
        from zhongben.rules.validate import validate_rule

        problems.extend(p for version in rule.versions() for p in validate_rule(version))
    if problems or rule is None:
        raise RuleError(problems)
    return rule


def read_rule(path: Path) -> tuple[Rule | None, list[Problem]]:
    """Parse header and SQL of one file (no SQL validation)."""
    parts, problems = _split(path)
    if parts is None:
        return None, problems
    header_text, header_line, sql, sql_line = parts
    header, problems = _parse_header(path, header_text, header_line, Header)
    if not isinstance(header, Header):
        return None, problems
    problems.extend(_check_place(path, header))
    if not sql.strip():
        problems.append(Problem(path, sql_line, "头部之后缺少 SELECT 语句"))
    return Rule(header=header, sql=sql, path=path, sql_line=sql_line), problems


def _split(path: Path) -> tuple[tuple[str, int, str, int] | None, list[Problem]]:
    """(header text, its first line, SQL, its first line) of a file with a leading comment."""
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if not stripped.startswith("/*") or "*/" not in stripped:
        return None, [Problem(path, 1, "规则文件须以 /* … */ 注释中的 YAML 头部开始")]
    lead = len(text) - len(stripped)
    end = text.index("*/", lead)
    header_line = text[: lead + 2].count("\n") + 1
    sql_line = text[: end + 2].count("\n") + 1
    return (text[lead + 2 : end], header_line, text[end + 2 :], sql_line), []


def _parse_header(
    path: Path, text: str, first_line: int, model: type[Header] | type[ViewHeader]
) -> tuple[Header | ViewHeader | None, list[Problem]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        return None, [Problem(path, line, f"头部 YAML 无法解析：{exc}")]
    except ValueError as exc:  # a date YAML reads as one but no calendar has (2025-02-30)
        return None, [Problem(path, first_line, f"头部中的日期不合法：{exc}（须为真实的 "
                                                "YYYY-MM-DD 日期）")]
    if not isinstance(data, dict):
        return None, [Problem(path, first_line, "头部须为 YAML 映射（键: 值）")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            where = ".".join(str(part) for part in err["loc"])
            line = _key_line(text, key, first_line)
            problems.append(Problem(path, line, f"头部字段 {where}：{err['msg']}"))
        return None, problems


def _key_line(text: str, key: str, first_line: int) -> int:
    for offset, line in enumerate(text.splitlines()):
        if key and line.startswith(f"{key}:"):
            return first_line + offset
    return first_line


def _check_place(path: Path, header: Header) -> list[Problem]:
    """The file's name and folder match its id and family; an older version lives in the family
    folder's ``versions/`` as ``<ID>.v<N>.sql``."""
    problems = []
    versioned = path.parent.name == VERSIONS
    stem = f"{header.id}.v{header.version}" if versioned else header.id
    if path.stem != stem:
        problems.append(Problem(path, 1, f"文件名须为 {stem}.sql"))
    family = BY_CODE.get(header.family)
    folder = path.parent.parent if versioned else path.parent
    if family is None:
        problems.append(Problem(path, 1, f"未知的规则族 {header.family}"))
    elif folder.name != family.folder:
        where = f"{family.folder}/{VERSIONS}" if versioned else family.folder
        problems.append(Problem(path, 1, f"{family.code} 族规则须放在 library/{where}/ 下"))
    return problems
