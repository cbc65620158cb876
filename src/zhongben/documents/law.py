"""Law names in full, article numbers in Chinese numerals, and the 民事诉讼法 article that
empowers the procuratorate by the document's date (../shared/documents.md §5)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# 简称 (as rules.md and the rule headers write them) → full title, as cited in a document.
FULL_NAMES: dict[str, str] = {
    "终本规定": "最高人民法院关于严格规范终结本次执行程序的规定（试行）",
    "财产调查规定": "最高人民法院关于民事执行中财产调查若干问题的规定",
    "期限规定": "最高人民法院关于人民法院办理执行案件若干期限的规定",
    "款物规定": "最高人民法院关于执行款物管理工作的规定",
    "网拍规定": "最高人民法院关于人民法院网络司法拍卖若干问题的规定",
    "拍卖变卖规定": "最高人民法院关于人民法院民事执行中拍卖、变卖财产的规定",
    "参考价规定": "最高人民法院关于人民法院确定财产处置参考价若干问题的规定",
    "限高规定": "最高人民法院关于限制被执行人高消费及有关消费的若干规定",
    "失信规定": "最高人民法院关于公布失信被执行人名单信息的若干规定",
    "查封规定": "最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定",
    "股权规定": "最高人民法院关于人民法院强制执行股权若干问题的规定",
    "民诉法解释": "最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释",
    "首封批复": "最高人民法院关于首先查封法院与优先债权执行法院处分查封财产有关问题的批复",
    "合同编解释": "最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释",
    "拒执解释": "最高人民法院、最高人民检察院关于办理拒不执行判决、裁定刑事案件适用法律"
               "若干问题的解释",
    "虚假诉讼解释": "最高人民法院、最高人民检察院关于办理虚假诉讼刑事案件适用法律若干问题的解释",
    "监督规则": "人民检察院民事诉讼监督规则",
    "建议规定": "人民检察院检察建议工作规定",
    "两高执行监督规定": "最高人民法院、最高人民检察院关于民事执行活动法律监督若干问题的规定",
    "民诉法": "中华人民共和国民事诉讼法",
    "民法典": "中华人民共和国民法典",
    "刑法": "中华人民共和国刑法",
}
DIGITS = "零一二三四五六七八九"


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 106 → 一百零六, 246 → 二百四十六 (as articles are written)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return DIGITS[hundreds] + "百"
    if rest < 10:
        return DIGITS[hundreds] + "百零" + DIGITS[rest]
    tens = numeral(rest)
    return DIGITS[hundreds] + "百" + ("一" + tens if rest < 20 else tens)


@dataclass(frozen=True)
class Citation:
    """One provision: law (简称 key of FULL_NAMES), article, item, paragraph; status V/S/U."""

    law: str
    article: int | None = None
    item: int | None = None
    paragraph: int | None = None
    status: str = "S"

    def text(self) -> str:
        out = f"《{FULL_NAMES[self.law]}》"
        if self.article:
            out += f"第{numeral(self.article)}条"
        if self.paragraph:
            out += f"第{numeral(self.paragraph)}款"
        if self.item:
            out += f"第{numeral(self.item)}项"
        return out


def parse_citation(spec: str) -> Citation:
    """``"终本规定 1 3 V"`` (law, article, item, status), ``"款物规定 - - S"`` (no article);
    a paragraph as ``"52.2"`` (article 52, paragraph 2)."""
    law, article, item, status = spec.split()
    if law not in FULL_NAMES:
        raise ValueError(f"未知的法律简称“{law}”")
    number, _, paragraph = article.partition(".")
    return Citation(law, int(number) if number != "-" else None,
                    int(item) if item != "-" else None,
                    int(paragraph) if paragraph else None, status)


def supervision_article(on: date) -> Citation:
    """民事诉讼法's 执行监督 clause in force on ``on``: 第二百四十六条 from 2024-01-01 (2023
    amendment), 第二百四十二条 from 2022-01-01 (2021 amendment), 第二百三十五条 before."""
    if on >= date(2024, 1, 1):
        return Citation("民诉法", 246, status="V")
    if on >= date(2022, 1, 1):
        return Citation("民诉法", 242, status="V")
    return Citation("民诉法", 235, status="V")


def investigation_article(on: date) -> Citation:
    """民事诉讼法's 调查核实 clause: 第二百二十一条 (2024–), 第二百一十七条 (2022–2023),
    第二百一十条 before."""
    if on >= date(2024, 1, 1):
        return Citation("民诉法", 221, status="V")
    if on >= date(2022, 1, 1):
        return Citation("民诉法", 217, status="V")
    return Citation("民诉法", 210, status="V")


ABBREVIATION = re.compile(
    "(?<!《)(" + "|".join(sorted(FULL_NAMES, key=len, reverse=True))
    + r")\s*第?([0-9一二三四五六七八九十百零]+)条")
ARABIC_ARTICLE = re.compile(r"第(\d+)条")


def expand_names(text: str) -> str:
    """Free text (a lead's explanation) with 简称 + article written in full: ``限高规定第三条`` →
    ``《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第三条``."""
    def full(m: re.Match[str]) -> str:
        number = m.group(2)
        number = numeral(int(number)) if number.isdigit() else number
        return f"《{FULL_NAMES[m.group(1)]}》第{number}条"
    return ARABIC_ARTICLE.sub(lambda m: f"第{numeral(int(m.group(1)))}条",
                              ABBREVIATION.sub(full, text))
