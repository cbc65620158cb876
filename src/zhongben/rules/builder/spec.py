"""What the no-code builder holds: the population (终本 cases of some courts in a period) and the
conditions chosen from the catalogue, typed and bounded; every refusal in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from zhongben.rules.builder.catalogue import (
    ASSET_SOURCES,
    PAYMENT_SOURCES,
    STEPS,
    TRAVEL_MODES,
    TRAVEL_WINDOWS,
)
from zhongben.rules.families import BY_CODE

MAX_CONDITIONS = 5
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]|\*/|/\*")


class BuilderError(ValueError):
    """Why a builder spec cannot be used: one Chinese message per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


def _plain(value: str, what: str, longest: int) -> str:
    value = value.strip()
    if not value or len(value) > longest or _UNSAFE.search(value):
        raise ValueError(f"{what}须为 1–{longest} 个字，不含控制字符或注释符号")
    return value


class AssetAfter(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["asset_after_termination"] = "asset_after_termination"
    source: str

    @field_validator("source")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in ASSET_SOURCES:
            raise ValueError("财产类别不在可选范围内")
        return value


class PaymentOver(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["payment_over"] = "payment_over"
    source: str
    amount: Decimal = Field(gt=0, le=Decimal("10000000000"), decimal_places=2)

    @field_validator("source")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in PAYMENT_SOURCES:
            raise ValueError("资金来源不在可选范围内")
        return value


class TravelInWindow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["travel_in_window"] = "travel_in_window"
    mode: str = "任意"
    window: str = "after"  # TRAVEL_WINDOWS: N days after 终本, or while restricted (days unused)
    days: int = Field(default=90, ge=1, le=1825)

    @field_validator("mode")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in TRAVEL_MODES:
            raise ValueError("出行方式不在可选范围内")
        return value

    @field_validator("window")
    @classmethod
    def _window(cls, value: str) -> str:
        if value not in TRAVEL_WINDOWS:
            raise ValueError("出行时段不在可选范围内")
        return value


class MissingStep(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["missing_step"] = "missing_step"
    step: str

    @field_validator("step")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in STEPS:
            raise ValueError("措施不在可选范围内")
        return value


Condition = Annotated[AssetAfter | PaymentOver | TravelInWindow | MissingStep,
                      Field(discriminator="kind")]
KIND_NAMES = {
    "asset_after_termination": "终本后名下财产",
    "payment_over": "终本后大额资金",
    "travel_in_window": "终本后出行",
    "missing_step": "终本前缺少措施",
}


class Population(BaseModel):
    model_config = ConfigDict(extra="forbid")
    courts: list[str] = Field(default_factory=list, max_length=50)
    closed_from: dt.date | None = None
    closed_until: dt.date | None = None

    @field_validator("courts")
    @classmethod
    def _courts(cls, value: list[str]) -> list[str]:
        return [_plain(v, "法院名称", 40) for v in value]

    @model_validator(mode="after")
    def _period(self) -> Population:
        if self.closed_from and self.closed_until and self.closed_from > self.closed_until:
            raise ValueError("终本日期的起日晚于止日")
        return self


class BuilderSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    family: str = "D"
    severity: Literal["high", "medium", "low"] = "medium"
    basis: str = ""
    population: Population = Field(default_factory=Population)
    conditions: list[Condition] = Field(min_length=1, max_length=MAX_CONDITIONS)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _plain(value, "规则名称", 40)

    @field_validator("basis")
    @classmethod
    def _basis(cls, value: str) -> str:
        return _plain(value, "法律依据", 60) if value.strip() else ""

    @field_validator("family")
    @classmethod
    def _family(cls, value: str) -> str:
        if value not in BY_CODE:
            raise ValueError("模型（规则族）不在可选范围内")
        return value


FIELD_ZH = {"name": "规则名称", "family": "模型", "severity": "风险等级", "basis": "法律依据",
            "courts": "法院", "closed_from": "终本起日", "closed_until": "终本止日",
            "source": "来源", "amount": "金额", "days": "天数", "mode": "出行方式",
            "step": "措施", "window": "出行时段", "conditions": "条件", "kind": "条件类型",
            "population": "范围"}
TYPE_ZH = {
    "missing": "必填", "greater_than": "须大于 {gt}", "less_than_equal": "须不大于 {le}",
    "greater_than_equal": "须不小于 {ge}", "decimal_parsing": "须为数字",
    "decimal_max_places": "最多两位小数", "int_parsing": "须为整数", "int_from_float": "须为整数",
    "date_from_datetime_parsing": "须为日期（年-月-日）", "date_parsing": "须为日期（年-月-日）",
    "too_short": "至少须有一项", "too_long": "项数过多", "literal_error": "不在可选范围内",
    "union_tag_invalid": "类型不在可选范围内", "extra_forbidden": "不是可填写的项",
}


def parse_spec(data: dict[str, Any]) -> BuilderSpec:
    """The spec in ``data``; raises BuilderError with Chinese messages."""
    try:
        return BuilderSpec.model_validate(data)
    except ValidationError as exc:
        raise BuilderError([_message(err) for err in exc.errors()]) from None


def _message(err: Any) -> str:
    loc = [part for part in err["loc"] if not str(part).startswith("function-")]
    where = []
    for index, part in enumerate(loc):
        if part == "conditions" and index + 1 < len(loc) and isinstance(loc[index + 1], int):
            where.append(f"条件{loc[index + 1] + 1}")
        elif isinstance(part, str) and part in FIELD_ZH and part not in KIND_NAMES:
            where.append(FIELD_ZH[part])
    if err["type"] == "value_error":
        text = str(err["msg"]).removeprefix("Value error, ")
    else:
        text = TYPE_ZH.get(err["type"], "取值不合法").format(**(err.get("ctx") or {}))
    return f"{'·'.join(dict.fromkeys(where)) or '规则'}：{text}"
