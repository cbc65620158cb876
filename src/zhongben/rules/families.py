"""The rule families (models) of the catalogue: code, folder under ``library/`` and Chinese name.

A rule's header names its family by code (``A`` … ``L``); the folder it lives in must be the
family's folder. Adding a family is adding a line here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    code: str
    folder: str
    name: str  # 中文 model name shown to users


FAMILIES: tuple[Family, ...] = (
    Family("A", "preconditions", "终本程序要件"),
    Family("B", "investigation", "财产调查充分性"),
    Family("C", "with_property", "带财终本"),
    Family("D", "after_termination", "终本后动态"),
    Family("E", "restrictions", "限高与失信"),
    Family("F", "seizure", "查封扣押冻结"),
    Family("G", "auction", "拍卖变卖"),
    Family("H", "payments", "执行款"),
    Family("I", "deadlines", "期限与消极执行"),
    Family("J", "fraud", "虚假诉讼、拒执与串并"),
    Family("K", "fund_flow", "资金流水"),
    Family("L", "documents", "文书审查"),
)

BY_CODE: dict[str, Family] = {f.code: f for f in FAMILIES}
BY_FOLDER: dict[str, Family] = {f.folder: f for f in FAMILIES}
