"""Planters: one module per rule family, each planting true cases and near-misses.

A planter module defines ``plant(factory: Factory) -> None``: it builds cases through the factory
(so they are clean except for what it changes), commits them into ``factory.world`` and records
every planted lead with ``world.plant(rule_id, case_no, subject_id)`` and every near-miss with
``world.near_miss(...)``. ``factory.config.plants_per_rule`` is how many of each to plant.
Modules listed here but absent (e.g. ``fund_flow`` before it lands) are skipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

from zhongben.synth.factory import Factory

PLANT_MODULES: tuple[str, ...] = (
    "procedure",  # A  ZB-01 … ZB-05
    "search",  # B  CC-01 … CC-03
    "property",  # C  DC-01 … DC-06
    "after",  # D  HF-01 … HF-04
    "credit",  # E  XG-01 … XG-03
    "seizure",  # F  CF-01 … CF-03
    "auction",  # G  PM-01 … PM-03
    "payment",  # H  ZK-01, ZK-02
    "idle",  # I  QX-01
    "fraud",  # J  XJ-01 … XJ-04
    "fund_flow",  # K  FL-01 … FL-06 (fund-flow analysis)
    "documents",  # L  WS-01 … WS-03 (documents)
    "identity",  # violations only entity resolution finds (XG-01, DC-01, HF-02, CC-03)
)

Planter = Callable[[Factory], None]


def _load(name: str) -> ModuleType | None:
    full = f"{__name__}.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name == full:
            return None
        raise


def planters() -> list[tuple[str, Planter]]:
    """The available planters, in family order."""
    out: list[tuple[str, Planter]] = []
    for name in PLANT_MODULES:
        module = _load(name)
        if module is not None and hasattr(module, "plant"):
            out.append((name, module.plant))
    return out


def plant_all(factory: Factory) -> list[str]:
    done = []
    for name, fn in planters():
        fn(factory)
        done.append(name)
    return done
