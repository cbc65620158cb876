"""类型代字 of 案号: the case-type codes of 《关于人民法院案件案号的若干规定》 and
《人民法院案件类型及其代字标准》 (2016 scheme), and the 字号 of the scheme before 2016.

Status [U]: compiled from the standard as remembered and from published case numbers; an unknown
code makes a case number unparseable (kept as text), so extend the lists when one turns up.
"""

from __future__ import annotations

from collections.abc import Iterable


def words(text: str) -> list[str]:
    """The space-separated words of a block of codes."""
    return text.split()


ENFORCEMENT_TYPES: dict[str, str] = {
    "执": "首次执行",
    "执恢": "恢复执行",
    "执保": "财产保全执行",
    "执异": "执行异议",
    "执复": "执行复议",
    "执监": "执行监督",
    "执协": "执行协调",
    "执他": "其他执行",
    "执请": "执行请示",
    "执配": "参与分配",
    "执外": "涉外执行",
    "执清": "执行转强制清算",
    "执破": "执行转破产",
    "执督": "执行督促",
    "执审": "执行审查",
}

# Stages after 民 / 刑 / 行 / 知, and the other codes, space-separated.
_STAGES = {
    "民": "初 终 再 申 抗 监 提 特 催 督 辖 辖终 辖监 他 请 撤 认 诉前调 诉前调确 保 救 清 破",
    "刑": "初 终 核 申 抗 再 监 提 更 更监 医 医解 医监 没 辖 他 请 止 令 司 保 救",
    "行": "初 终 申 抗 再 监 提 审 审复 赔初 赔终 赔申 赔抗 赔再 赔监 辖 辖终 辖监 他 请 保 保复 "
    "诉前调",
    "知": "民初 民终 民申 民再 民辖终 民特 行初 行终 行申 行再 行辖终 他",
}
_OTHER = words("""
财保 证保 行保 刑保 诉前调 司惩 司惩复 司救民 司救刑 司救行 司救赔 司救执 司救访 司救他
法赔 委赔 委赔监 委赔提 委赔再 赔他 赔请 认台 认港 认澳 认复 认他 协外认 协他
请台送 台请送 请港送 港请送 请澳送 澳请送 请台调 台请调 请港调 港请调 请澳调 澳请调
请外送 外请送 请外调 外请调 请移管 请引 司协 强清 强清申 强清终 破申 破 破终 破监 破他 破初
破终申 引 刑罚更 商初 商终 海商初 海商终
""")


def _types() -> dict[str, str]:
    types = dict(ENFORCEMENT_TYPES)
    for prefix, stages in _STAGES.items():
        types.update(dict.fromkeys((prefix + stage for stage in words(stages)), ""))
    types.update(dict.fromkeys(_OTHER, ""))
    return types


CASE_TYPES: dict[str, str] = _types()  # code -> Chinese description ('' where not recorded)

_CHAMBERS = ("", "一", "二", "三", "四", "五", "六")
_LEGACY_STAGES = words("初 终 再 申 提 监 特 催 督 破 辖 辖终 他 外初 外终 抗 核 更 审 请 立 保 赔")
_LEGACY_EXTRA = words("执民 执行 执裁 执刑 执行审 执行异 执恢民 赔 委赔")


def _legacy_types() -> frozenset[str]:
    codes = set(CASE_TYPES) | set(_LEGACY_EXTRA)
    for base in ("民", "商", "刑", "行", "知", "海", "海商"):
        for chamber in _CHAMBERS:
            codes.update(base + chamber + stage for stage in _LEGACY_STAGES)
    return frozenset(codes)


LEGACY_TYPES: frozenset[str] = _legacy_types()


def by_length(codes: Iterable[str]) -> list[str]:
    """Codes longest first (then by code point), the order a regex alternation must try them."""
    return sorted(codes, key=lambda c: (-len(c), c))
