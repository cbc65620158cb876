"""案由: the cause of action in the opening sentence, split from the debtor names before it."""

from __future__ import annotations

import re

CAUSES = (
    "民间借贷纠纷", "金融借款合同纠纷", "借款合同纠纷", "小额借款合同纠纷", "买卖合同纠纷",
    "分期付款买卖合同纠纷", "房屋买卖合同纠纷", "追索劳动报酬纠纷", "劳动争议", "劳动合同纠纷",
    "劳务合同纠纷", "机动车交通事故责任纠纷", "抚养费纠纷", "赡养费纠纷", "扶养费纠纷", "离婚纠纷",
    "离婚后财产纠纷", "房屋租赁合同纠纷", "租赁合同纠纷", "融资租赁合同纠纷",
    "建设工程施工合同纠纷",
    "信用卡纠纷", "承揽合同纠纷", "定作合同纠纷", "生命权、身体权、健康权纠纷", "健康权纠纷",
    "服务合同纠纷", "物业服务合同纠纷", "装饰装修合同纠纷", "运输合同纠纷", "保证合同纠纷",
    "追偿权纠纷", "不当得利纠纷", "合伙协议纠纷", "股权转让纠纷", "医疗损害责任纠纷",
    "提供劳务者受害责任纠纷", "工伤保险待遇纠纷", "债权转让合同纠纷", "侵权责任纠纷",
    "财产损害赔偿纠纷", "人身损害赔偿纠纷", "抚恤金纠纷", "买卖合同纠纷", "保险合同纠纷",
)
KNOWN_RE = re.compile("(" + "|".join(sorted(set(CAUSES), key=len, reverse=True)) + ")$")
GENERIC_RE = re.compile(r"([\u4e00-\u9fff、]{2,12}?(?:纠纷|争议))$")


def split_cause(segment: str, names: list[str]) -> tuple[str, str | None, float]:
    """``segment`` is what stands between 被执行人 and 一案: (names part, cause, confidence)."""
    segment = segment.strip()
    known = KNOWN_RE.search(segment)
    if known:
        return segment[: known.start()], known.group(1), 0.97
    for name in sorted(names, key=len, reverse=True):
        if name and segment.startswith(name) and len(segment) > len(name):
            rest = segment[len(name):].lstrip("、等")
            while True:  # further debtors listed before the cause
                nxt = next((n for n in names if n and rest.startswith(n)), None)
                if nxt is None:
                    break
                rest = rest[len(nxt):].lstrip("、等")
            cause = rest if rest.endswith(("纠纷", "争议")) else None
            return segment[: len(segment) - len(rest)], cause, 0.85
    generic = GENERIC_RE.search(segment)
    if generic and generic.start() >= 2:
        return segment[: generic.start()], generic.group(1), 0.6
    return segment, None, 0.5
