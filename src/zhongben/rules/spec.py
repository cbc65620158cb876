"""What a rule is: its header (typed, validated with pydantic) and its SQL.

The header is YAML in the leading ``/* … */`` comment of ``<RULE_ID>.sql``; see
docs/reference/rule-format.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RULE_ID = re.compile(r"^[A-Z]{2}-\d{2}$")
VIEW_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
PARAM_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# as_of: the screening date; data_until: the date up to which the tables a rule reads the absence
# of (header ``absence_of``) hold data, at most as_of (zhongben.ingest.horizon).
RESERVED_PARAMS = frozenset({"as_of", "data_until"})


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def zh(self) -> str:
        return {"high": "高", "medium": "中", "low": "低"}[self.value]


class Grain(StrEnum):
    """What one lead is about (docs/reference/leads.md)."""

    CASE = "case"  # case_no set, subject_id null
    CASE_SUBJECT = "case_subject"  # both set (case_no may be null for XG-01/XG-03)
    SUBJECT = "subject"  # case_no null, subject_id set


class ParamType(StrEnum):
    INTEGER = "integer"
    NUMBER = "number"
    TEXT = "text"
    DATE = "date"
    TEXT_LIST = "text_list"


class Basis(BaseModel):
    """A legal basis; ``effective_to`` set: the provision was amended or repealed that day
    (``replaced_by``: what took its place, if anything)."""

    model_config = ConfigDict(extra="forbid")
    text: str
    status: str = Field(pattern=r"^[VSU]$")
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None
    replaced_by: str = ""

    @model_validator(mode="after")
    def _period(self) -> Basis:
        if self.effective_from and self.effective_to and self.effective_to <= self.effective_from:
            raise ValueError(f"法律依据 {self.text} 的失效日 {self.effective_to} 须晚于生效日 "
                             f"{self.effective_from}")
        if self.replaced_by and self.effective_to is None:
            raise ValueError(f"法律依据 {self.text} 写了 replaced_by，须同时写失效日 effective_to")
        return self

    def in_force(self, day: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and (
            self.effective_to is None or day < self.effective_to)

    def state(self, day: dt.date) -> str:
        """中文: 现行 / 尚未生效 / 已修改（由…取代） / 已废止, as of ``day``."""
        if self.effective_to is not None and self.effective_to <= day:
            if self.replaced_by:
                return f"已修改（{self.effective_to} 起由 {self.replaced_by} 取代）"
            return f"已废止（{self.effective_to} 起）"
        if self.effective_from is not None and day < self.effective_from:
            return f"尚未生效（{self.effective_from} 起施行）"
        return "现行"

    def period(self) -> str:
        """中文: the period the provision is in force, e.g. 2021-01-01 起 / 至 2024-12-01."""
        start = f"{self.effective_from} 起" if self.effective_from else ""
        end = f"至 {self.effective_to}（不含）" if self.effective_to else ""
        return "，".join(x for x in (start, end) if x) or "施行期间未注明"


class Param(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: ParamType
    default: Any
    label: str  # 中文 meaning
    unit: str = ""
    policy: bool = False  # an office setting, not law

    @model_validator(mode="after")
    def _default_has_type(self) -> Param:
        self.default = coerce_param(self.type, self.default)
        return self


class Header(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=RULE_ID.pattern)
    version: int = Field(ge=1)
    name: str
    family: str = Field(pattern=r"^[A-Z]$")
    severity: Severity
    grain: Grain
    basis: list[Basis] = Field(min_length=1)
    tables: dict[str, list[str]] = Field(min_length=1)
    params: dict[str, Param] = Field(default_factory=dict)
    uses: list[str] = Field(default_factory=list)  # shared views (name) or rules' rows (id)
    # Tables whose *missing* rows make a lead (no search, no action, no payout): the rule measures
    # that absence up to :data_until, the date their data reaches, not beyond.
    absence_of: list[str] = Field(default_factory=list)
    explanation: str
    # The version's record (docs/reference/rule-format.md, 版本): who changed it, when, why, and
    # the date it is in force from (none: from the beginning); older versions are kept in
    # ``<family folder>/versions/<ID>.v<N>.sql``.
    author: str = ""
    changed_on: dt.date | None = None
    change_note: str = ""
    effective_from: dt.date | None = None

    @field_validator("params")
    @classmethod
    def _param_names(cls, value: dict[str, Param]) -> dict[str, Param]:
        for name in value:
            if not PARAM_NAME.match(name) or name in RESERVED_PARAMS:
                raise ValueError(
                    f"参数名 {name!r} 不合法（小写字母、数字、下划线；as_of 为保留名）"
                )
        return value


def coerce_param(kind: ParamType, value: Any) -> Any:
    """A parameter value in its declared type; raises ValueError (Chinese) when it cannot be."""
    try:
        if kind is ParamType.INTEGER:
            if isinstance(value, bool) or int(value) != float(value):
                raise ValueError
            return int(value)
        if kind is ParamType.NUMBER:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        if kind is ParamType.DATE:
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        if kind is ParamType.TEXT_LIST:
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise ValueError
            return [str(v) for v in value]
        if not isinstance(value, str):
            raise ValueError
        return value
    except (TypeError, ValueError):
        raise ValueError(f"参数值 {value!r} 不是 {kind.value} 类型") from None


class ViewHeader(BaseModel):
    """The header of a shared view ``library/_shared/<view>.sql``."""

    model_config = ConfigDict(extra="forbid")
    view: str = Field(pattern=VIEW_NAME.pattern)
    description: str  # 中文: what one row is, which rules use it
    tables: dict[str, list[str]] = Field(min_length=1)
    uses: list[str] = Field(default_factory=list)  # other shared views


@dataclass(frozen=True)
class SharedView:
    """A named SELECT rules can read like a table (``uses:`` in their header)."""

    header: ViewHeader
    sql: str
    path: Path
    sql_line: int

    @property
    def name(self) -> str:
        return self.header.view


@dataclass(frozen=True)
class Used:
    """What a rule reads besides contract tables, inlined as a CTE named ``name``: a shared view,
    or another rule's rows (``rule``: its evidence markers become columns)."""

    name: str
    sql: str
    rule: bool = False
    tables: tuple[tuple[str, tuple[str, ...]], ...] = ()  # what it reads (its header's tables)


@dataclass(frozen=True)
class Rule:
    """A loaded rule: header, SQL text and where it came from."""

    header: Header
    sql: str
    path: Path
    sql_line: int  # file line number of the first line of ``sql``
    used: tuple[Used, ...] = ()  # everything ``uses`` names, with what those use, in order
    history: tuple[Rule, ...] = ()  # the older versions (``versions/``), oldest first

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def version(self) -> int:
        return self.header.version

    def versions(self) -> tuple[Rule, ...]:
        """Every version, oldest first, this one last."""
        return (*self.history, self)

    def in_force(self, day: dt.date) -> Rule | None:
        """The version in force on ``day``: the latest whose ``effective_from`` is on or before
        it (a version without one is in force from the beginning); None before every version."""
        found = None
        for rule in self.versions():
            start = rule.header.effective_from
            if start is None or start <= day:
                found = rule
        return found

    @property
    def test_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.test.yaml")  # versions: <ID>.v<N>.test.yaml

    def defaults(self) -> dict[str, Any]:
        return {name: p.default for name, p in self.header.params.items()}

    def resolve_params(self, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """Defaults with ``overrides`` applied; unknown names or wrong types raise ValueError."""
        values = self.defaults()
        for name, value in (overrides or {}).items():
            if name not in self.header.params:
                raise ValueError(f"规则 {self.id} 没有参数 {name}")
            values[name] = coerce_param(self.header.params[name].type, value)
        return values
