"""The rule builder's form ↔ its typed spec: fields named ``cond-<n>-<field>`` for each condition,
marks named ``mark-<i>`` with ``<right|wrong|>|<case no>|<debtor digest>`` values. Parsing only
collects strings; ``parse_spec`` types and bounds them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData

from zhongben.rules.builder.catalogue import (
    ASSET_SOURCES,
    PAYMENT_SOURCES,
    STEPS,
    TRAVEL_MODES,
    TRAVEL_WINDOWS,
)
from zhongben.rules.builder.spec import KIND_NAMES, MAX_CONDITIONS, BuilderError
from zhongben.rules.families import FAMILIES
from zhongben.rules.loader import load_library

CONDITION_FIELD = re.compile(r"^cond-(\d{1,2})-([a-z]+)$")
FIELDS = {"asset_after_termination": ("source",), "payment_over": ("source", "amount"),
          "travel_in_window": ("mode", "window", "days"), "missing_step": ("step",)}
DEFAULTS = {"asset_after_termination": {"source": "vehicles_new"},
            "payment_over": {"source": "bank_out", "amount": "50000"},
            "travel_in_window": {"mode": "任意", "window": "after", "days": "90"},
            "missing_step": {"step": "网络查控"}}
SEVERITIES = {"high": "高", "medium": "中", "low": "低"}


def bases() -> list[str]:
    """The legal bases the built-in rules cite: what a built rule may cite."""
    library = load_library()
    return sorted({b.text for rule in library.values() for b in rule.header.basis})


def choices() -> dict[str, Any]:
    """What the form's dropdowns offer (all fixed by the catalogue)."""
    return {"kinds": KIND_NAMES, "families": FAMILIES, "severities": SEVERITIES,
            "bases": bases(),
            "assets": {k: s.label for k, s in ASSET_SOURCES.items()},
            "payments": {k: s.label for k, s in PAYMENT_SOURCES.items()},
            "modes": TRAVEL_MODES, "windows": TRAVEL_WINDOWS, "steps": STEPS}


def conditions_of(form: FormData) -> list[dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    for key, value in form.multi_items():
        match = CONDITION_FIELD.match(key)
        if match and isinstance(value, str):
            found.setdefault(int(match.group(1)), {})[match.group(2)] = value.strip()
    out = []
    for _, fields in sorted(found.items()):
        kind = fields.get("kind", "")
        given = {f: fields[f] for f in FIELDS.get(kind, ()) if fields.get(f)}  # else: default
        out.append({"kind": kind, **given})
    return out


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def state_of(form: FormData) -> dict[str, Any]:
    """The form's values as the builder spec's data (strings; ``parse_spec`` checks them)."""
    courts = [v for v in form.getlist("courts") if isinstance(v, str) and v]
    population: dict[str, Any] = {"courts": courts}
    for name in ("closed_from", "closed_until"):
        if _text(form, name):
            population[name] = _text(form, name)
    return {"name": _text(form, "name"), "family": _text(form, "family") or "D",
            "severity": _text(form, "severity") or "medium", "basis": _text(form, "basis"),
            "population": population, "conditions": conditions_of(form)}


def apply_op(state: dict[str, Any], op: str, new_kind: str) -> None:
    """Add or remove a condition (the form's 添加 / 删除 buttons)."""
    conditions: list[dict[str, str]] = state["conditions"]
    if op == "add":
        if new_kind not in KIND_NAMES:
            raise BuilderError(["请选择要添加的条件类型"])
        if len(conditions) >= MAX_CONDITIONS:
            raise BuilderError([f"最多 {MAX_CONDITIONS} 个条件"])
        conditions.append({"kind": new_kind, **DEFAULTS[new_kind]})
    elif op.startswith("remove-") and op[7:].isdigit() and int(op[7:]) < len(conditions):
        del conditions[int(op[7:])]


def as_of_of(form: FormData) -> dt.date:
    text = _text(form, "as_of")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BuilderError(["筛查日须为日期（年-月-日）"]) from None


@dataclass(frozen=True)
class FormMark:
    mark: str  # "right", "wrong" or "" (not marked)
    case_no: str
    digest: str

    @property
    def value(self) -> str:
        return f"{self.mark}|{self.case_no}|{self.digest}"


def marks_of(form: FormData) -> list[FormMark]:
    out: dict[tuple[str, str], FormMark] = {}
    for key, value in form.multi_items():
        if not key.startswith("mark-") or not isinstance(value, str):
            continue
        parts = value.split("|")
        if len(parts) == 3 and parts[0] in ("right", "wrong", "") and len(parts[1]) <= 64:
            out[(parts[1], parts[2])] = FormMark(*parts)
    return list(out.values())
