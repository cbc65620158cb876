"""A screen's settings: which rules, which scope, which parameter values (a province office's own
thresholds), from a YAML config file and/or command-line overrides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from zhongben.leads.scope import Scope


class ScreenConfig(BaseModel):
    """``rules``: ids to run (empty = all); ``params``: {rule_id: {name: value}}."""

    model_config = ConfigDict(extra="forbid")
    rules: list[str] = []
    scope: Scope = Scope()
    params: dict[str, dict[str, Any]] = {}


class ConfigError(ValueError):
    pass


def read_config(path: Path) -> ScreenConfig:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return ScreenConfig.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"配置文件 {path} 无法使用：{exc}") from exc


def parse_param_overrides(items: list[str]) -> dict[str, dict[str, Any]]:
    """``RULE.name=value`` items → {rule: {name: value}} (values parsed as YAML scalars)."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        target, sep, raw = item.partition("=")
        rule, dot, name = target.partition(".")
        if not sep or not dot or not rule or not name:
            raise ConfigError(
                f"参数覆盖 {item!r} 的格式应为 规则编号.参数名=值，如 ZB-02.notice_days=15"
            )
        out.setdefault(rule.strip(), {})[name.strip()] = yaml.safe_load(raw)
    return out


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"日期 {text!r} 应为 YYYY-MM-DD") from None
