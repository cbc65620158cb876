"""Per-rule document text (rule_texts.yaml): the violation as found, the provisions breached, the
item of 监督规则 第一百零六条 relied on, concrete recommendations and the questions of a
说明案件执行情况通知书. Every rule in the library has an entry (a test checks)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhongben.documents.law import Citation, parse_citation

SOURCE = Path(__file__).with_name("rule_texts.yaml")
# 监督规则 第一百零六条's items [V] (../shared/documents.md §2.4)
ITEMS_106 = {
    1: "决定是否受理、执行管辖权的移转以及审查和处理执行异议、复议、申诉等执行审查活动存在违法、"
       "错误情形",
    2: "实施财产调查、控制、处分、交付和分配以及罚款、拘留、信用惩戒措施等执行实施活动存在违法、"
       "错误情形",
    3: "存在消极执行、拖延执行等情形",
    4: "其他执行违法、错误情形",
}
CLASS_ITEM = 117  # 监督规则 第一百一十七条: the same problem in many cases (类案)


class RuleText(BaseModel):
    model_config = ConfigDict(extra="forbid")
    finding: str
    cites: list[str] = Field(min_length=1)
    item: int
    recommend: list[str] = Field(min_length=1)
    ask: list[str] = Field(min_length=1)

    @field_validator("cites")
    @classmethod
    def _parse(cls, value: list[str]) -> list[str]:
        for spec in value:
            parse_citation(spec)
        return value

    @field_validator("item")
    @classmethod
    def _item(cls, value: int) -> int:
        if value not in ITEMS_106 and value != CLASS_ITEM:
            raise ValueError(f"监督规则第一百零六条没有第{value}项")
        return value

    def citations(self) -> list[Citation]:
        return [parse_citation(spec) for spec in self.cites]


@lru_cache(maxsize=1)
def rule_texts() -> dict[str, RuleText]:
    raw = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    return {rule_id: RuleText.model_validate(entry) for rule_id, entry in raw.items()}


def rule_text(rule_id: str) -> RuleText:
    texts = rule_texts()
    if rule_id not in texts:
        raise KeyError(f"规则 {rule_id} 没有文书用语（documents/rule_texts.yaml），请补充")
    return texts[rule_id]
