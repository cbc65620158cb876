"""Fill a rule's Chinese explanation template with a lead's facts."""

from __future__ import annotations

import datetime as dt
import re
import string
from decimal import Decimal
from typing import Any

MISSING = "（无）"
# YAML folds a multi-line template with spaces; Chinese text has none between characters
_FOLD = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef}])\s+(?=[\u3000-\u9fff\uff00-\uffef{])")


def show(value: Any) -> str:
    """A value as a prosecutor reads it."""
    if value is None:
        return MISSING
    if isinstance(value, list):
        return "、".join(show(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


class _Facts(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return MISSING


def render(template: str, facts: dict[str, Any]) -> str:
    """``template`` with each ``{name}`` replaced by the shown value of that fact."""
    shown = _Facts({name: show(value) for name, value in facts.items()})
    return string.Formatter().vformat(_FOLD.sub("", template), (), shown)
