"""The package format: which files a package holds, its ``manifest.json`` and its content hash.

A package is a zip of ``manifest.json``, ``README.md`` (the rules' documentation, in Chinese) and
``rules/<family folder>/<ID>.sql`` with ``<ID>.test.yaml`` beside it, plus the shared views the
rules use in ``rules/_shared/<view>.sql``. ``content_hash`` is the SHA-256 of the manifest
without that field (canonical JSON) followed by every other file in name order, each as
``name NUL size NUL bytes``: changing any byte of any file, or of the manifest, changes it.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from zhongben.contracts import TABLES
from zhongben.contracts.storage import PROVENANCE
from zhongben.rules.aliases import table_of_alias
from zhongben.rules.compile import evidence_alias, evidence_calls
from zhongben.rules.families import BY_FOLDER
from zhongben.rules.macros import EVIDENCE
from zhongben.rules.shared import SHARED, _parse
from zhongben.rules.spec import RULE_ID, VIEW_NAME, Rule

FORMAT = "zhongben-model-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "README.md"
RULES_DIR = "rules"
PROVENANCE_NAMES = frozenset(name for name, _ in PROVENANCE)


class PackagedRule(BaseModel):
    """One rule of a package as the manifest lists it."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=RULE_ID.pattern)
    version: int
    name: str
    family: str
    folder: str
    severity: str
    params: dict[str, dict[str, Any]] = Field(default_factory=dict)
    uses: list[str] = Field(default_factory=list)
    reads: dict[str, list[str]]  # contract table → columns, from the SQLGlot trees
    renamed_from: str = ""


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    name: str = Field(min_length=1, max_length=80)
    created_at: str
    zhongben_version: str
    office: str = ""  # the exporting office, when configured
    rules: list[PackagedRule] = Field(min_length=1)
    views: list[str] = Field(default_factory=list)  # shared views carried in rules/_shared/
    requires_rules: dict[str, int] = Field(default_factory=dict)  # built-in rules used: version
    tables: dict[str, list[str]] = Field(default_factory=dict)  # union of the rules' reads
    content_hash: str = ""


def rule_file(folder: str, rule_id: str, suffix: str = ".sql") -> str:
    return f"{RULES_DIR}/{folder}/{rule_id}{suffix}"


def view_file(name: str) -> str:
    return f"{RULES_DIR}/{SHARED}/{name}.sql"


_ALLOWED = re.compile(
    rf"^{RULES_DIR}/(?:(?P<folder>[a-z_]+)/(?P<id>[A-Z]{{2}}-\d{{2}})(?:\.sql|\.test\.yaml)"
    rf"|{SHARED}/(?P<view>[a-z][a-z0-9_]*)\.sql)$"
)


def allowed_name(name: str) -> bool:
    """Only the file names a package may hold (anything else is refused)."""
    if name in (MANIFEST, README):
        return True
    match = _ALLOWED.match(name)
    if match is None:
        return False
    if match.group("view"):
        return bool(VIEW_NAME.match(match.group("view")))
    return match.group("folder") in BY_FOLDER


def content_hash(manifest: Manifest, files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    head = manifest.model_dump(mode="json", exclude={"content_hash"})
    digest.update(json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    for name in sorted(files):
        if name == MANIFEST:
            continue
        data = files[name]
        digest.update(b"\0" + name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


def manifest_json(manifest: Manifest) -> bytes:
    return json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=1).encode()


def reads_of(rule: Rule) -> dict[str, list[str]]:
    """The contract tables and columns ``rule`` reads, itself and through what it uses, from
    the SQLGlot trees (provenance columns left out: every table has them)."""
    found: dict[str, set[str]] = {}
    for sql in [rule.sql, *(item.sql for item in rule.used)]:
        for table, columns in _reads(_parse(sql)).items():
            found.setdefault(table, set()).update(columns)
    return {table: sorted(columns - PROVENANCE_NAMES) for table, columns in sorted(found.items())}


def _reads(tree: exp.Expr) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {
        t.name: set() for t in tree.find_all(exp.Table) if t.name in TABLES
    }
    for scope in traverse_scope(tree):
        for column in scope.columns:
            marker = column.find_ancestor(exp.Anonymous)
            if marker is not None and str(marker.name).lower() == EVIDENCE:
                continue  # the alias and fields of zb_evidence: read below
            table = _table_of(scope, column)
            if table:
                found.setdefault(table, set()).add(column.name)
    for call in evidence_calls(tree):
        table = table_of_alias(tree, evidence_alias(call))
        for arg in call.expressions[1:] if table else []:
            if isinstance(arg, exp.Column):
                found.setdefault(table or "", set()).add(arg.name)
    return found


def _table_of(scope: Scope, column: exp.Column) -> str | None:
    if not column.table:
        tables = [s for _node, s in scope.selected_sources.values() if isinstance(s, exp.Table)]
        one = len(tables) == 1 and len(scope.selected_sources) == 1 and tables[0].name in TABLES
        return tables[0].name if one else None
    current: Scope | None = scope
    while current is not None:
        source = current.sources.get(column.table)
        if isinstance(source, exp.Table):
            return source.name if source.name in TABLES else None
        if source is not None:
            return None
        current = current.parent
    return None
