"""An office's document settings as the composer needs them, with the defaults a procuratorate
starts from: 文号 patterns per kind, the objection period it states, 抄送, contact, and which
body decides a recommendation (检察长 or 检察委员会, the last step of its approval chain)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhongben.workflow.errors import WorkflowError

DEFAULT_PATTERN = "{short}检民（行）执监〔{year}〕{n}号"
DEFAULT_CHAINS: dict[str, list[str]] = {
    "检察建议书": ["部门负责人", "检察长"],
    "说明案件执行情况通知书": ["部门负责人"],
    "调查核实报告": [],
}
CHAIN_STEPS = ("部门负责人", "检察长", "检察委员会")
FIELD = re.compile(r"\{(\w*)\}")


@dataclass
class Office:
    name: str
    short_name: str
    patterns: dict[str, str] = field(default_factory=dict)
    chains: dict[str, list[str]] = field(default_factory=dict)
    objection_days: int = 15
    cc: list[str] = field(default_factory=list)
    contact: str = ""

    def pattern(self, kind: str) -> str:
        return self.patterns.get(kind) or DEFAULT_PATTERN

    def chain(self, kind: str) -> list[str]:
        return list(self.chains.get(kind, DEFAULT_CHAINS.get(kind, [])))

    def decision(self) -> str:
        """Who decides a recommendation (监督规则 第一百零八条): the chain's last step."""
        steps = self.chain("检察建议书")
        return "检察委员会" if steps and steps[-1] == "检察委员会" else "检察长"

    def series(self, kind: str) -> str:
        """The register series: kinds with the same pattern share one run of numbers."""
        same = [k for k in ("检察建议书", "说明案件执行情况通知书")
                if self.pattern(k) == self.pattern(kind)]
        return "执监" if len(same) == 2 else kind[:16]

    def number(self, kind: str, year: int, n: int) -> str:
        return self.pattern(kind).format(short=self.short_name, year=year, n=n)

    def blank_number(self, kind: str) -> str:
        return self.pattern(kind).format(short=self.short_name, year="　　　　", n="　　")


# The placeholders as a user reads and types them on the settings page (stored with the keys).
PLACEHOLDERS_ZH = {"short": "简称", "year": "年度", "n": "序号"}


def pattern_zh(pattern: str) -> str:
    """``{short}…〔{year}〕{n}号`` as the settings page shows it: ``{简称}…〔{年度}〕{序号}号``."""
    return FIELD.sub(lambda m: "{" + PLACEHOLDERS_ZH.get(m.group(1), m.group(1)) + "}", pattern)


def pattern_from_zh(text: str) -> str:
    """What a user typed (Chinese placeholders, or the stored keys) in the stored form."""
    keys = {zh: key for key, zh in PLACEHOLDERS_ZH.items()}
    return FIELD.sub(lambda m: "{" + keys.get(m.group(1), m.group(1)) + "}", text)


def check_pattern(pattern: str) -> str:
    names = set(FIELD.findall(pattern))
    if "n" not in names:
        raise WorkflowError("文号格式须包含 {序号}，如 {简称}检民（行）执监〔{年度}〕{序号}号")
    unknown = names - set(PLACEHOLDERS_ZH)
    if unknown:
        raise WorkflowError(f"文号格式中有未知的占位符：{'、'.join(sorted(unknown))}"
                            "（可用 {简称}、{年度}、{序号}）")
    return pattern


def check_chain(steps: list[str]) -> list[str]:
    unknown = [s for s in steps if s not in CHAIN_STEPS]
    if unknown:
        raise WorkflowError(f"审批环节只能是{'、'.join(CHAIN_STEPS)}，不能是“{'、'.join(unknown)}”")
    return steps


def default_office(name: str) -> Office:
    return Office(name=name, short_name=name[:1])
