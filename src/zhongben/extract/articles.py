"""The articles a document cites in its reasoning: ``民诉法解释第517条``, ``民事诉讼法第264条`` …
Statute text appended after the signature is not a citation and is not read."""

from __future__ import annotations

import re

from zhongben.extract.layout import CleanText
from zhongben.extract.model import Field
from zhongben.extract.numerals import chinese_number

NUM = r"[零〇一二两三四五六七八九十百千\d]+"
LAW_RE = re.compile(r"《(?P<law>[^《》]{2,60}?(?:〈[^〉]{2,30}〉[^《》]{0,20})?)》")
ARTICLE_RE = re.compile(rf"\s*第\s*(?P<n>{NUM})\s*条(?:\s*第\s*{NUM}\s*[款项])*")
CHAIN_RE = re.compile(rf"\s*(?:、|,|，|和|及|以及)\s*(?=第\s*{NUM}\s*条)")
# Full titles (after NFKC, 〈〉 or <> inside) → the abbreviations used by the rule catalogue.
ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"适用.{0,2}中华人民共和国民事诉讼法.{0,2}的解释"), "民诉法解释"),
    (re.compile(r"^(中华人民共和国)?民事诉讼法$"), "民事诉讼法"),
    (re.compile(r"严格规范终结本次执行程序"), "终本规定"),
    (re.compile(r"执行工作若干问题的规定"), "执行工作规定"),
    (re.compile(r"民事执行中财产调查"), "财产调查规定"),
    (re.compile(r"限制被执行人高消费"), "限高规定"),
    (re.compile(r"公布失信被执行人名单"), "失信规定"),
    (re.compile(r"查封、?扣押、?冻结财产"), "查封规定"),
    (re.compile(r"^(中华人民共和国)?民法典$"), "民法典"),
    (re.compile(r"办理执行案件若干期限"), "期限规定"),
)


def law_name(title: str) -> str:
    title = title.replace("〈", "").replace("〉", "").replace("<", "").replace(">", "")
    for pattern, short in ABBREVIATIONS:
        if pattern.search(title):
            return short
    return title


INNER_TITLE_RE = re.compile(r"(?<=适用)[(（〈<《]([^()（）〈〉<>《》]{2,30})[)）〉>》](?=的)")


def _inner_brackets(text: str) -> str:
    """适用(中华人民共和国民事诉讼法》的解释 as OCR reads 〈…〉 → 适用〈…〉的解释 (same length)."""
    return INNER_TITLE_RE.sub(lambda m: "〈" + m.group(1) + "〉", text)


def cited_articles(clean: CleanText) -> Field | None:
    text = _inner_brackets(clean.body)
    cited: list[str] = []
    first = last = None
    for law in LAW_RE.finditer(text):
        name = law_name(law.group("law"))
        pos = law.end()
        while True:
            article = ARTICLE_RE.match(text, pos)
            if article is None:
                break
            number = chinese_number(article.group("n").replace(" ", ""))
            if number:
                key = f"{name}第{number}条"
                if key not in cited:
                    cited.append(key)
                first = law.start() if first is None else first
                last = article.end()
            chain = CHAIN_RE.match(text, article.end())
            if chain is None:
                break
            pos = chain.end()
    if first is None or last is None:
        return None
    return Field("cited_articles", cited, first, last, text[first:last],
                 0.95 * clean.score(first, last))
