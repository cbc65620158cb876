"""What the document says the court did: the property searches made (网络查控, 不动产, 车辆 …),
whether 限制消费 / 失信 were imposed, whether the applicant was told of the right to resume."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zhongben.extract.layout import CleanText
from zhongben.extract.model import Field

SENTENCE_RE = re.compile(r"[^。;；\n]+")
SEARCH_VERB_RE = re.compile(r"查询|查控|调查|查找|查明|核查|调取|走访|查看|搜查|询问")
# Category → words that name it in a search sentence. Keys are the contract's action/target words.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "网络查控": ("网络执行查控", "网络查控", "查控系统", "总对总", "点对点", "执行查控"),
    "存款": ("存款", "银行账户", "银行", "账户"),
    "车辆": ("车辆", "机动车"),
    "不动产": ("不动产", "房产", "房地产", "房屋", "土地"),
    "证券": ("证券", "股票"),
    "股权": ("股权", "工商登记", "市场监督"),
    "公积金": ("公积金",),
    "保险": ("商业保险", "保险"),
    "网络资金": ("支付宝", "微信", "财付通", "网络资金", "互联网"),
    "现场调查": ("现场调查", "实地调查", "到被执行人住所", "到被执行人住处", "走访", "现场查看",
             "住所地进行调查", "实地查看", "实地走访"),
}
NEGATION_RE = re.compile(r"(未|没有|尚未|不予|无需|暂不|不)(?:对其|对被执行人)?"
                         r"(?:采取|作出|纳入|决定|依法)?$")
NEGATED_BEFORE_RE = re.compile(r"(未|没有|尚未)\S{0,8}$")
APPLICANT_SAYS_RE = re.compile(r"\s*申请执行人.{0,40}?(无异议|提供|认可|同意|称)")
CONDITIONAL_RE = re.compile(r"如|若|否则|逾期|拒不|不履行的|未履行的|可以?将|可依法")
CONSUMPTION_RE = re.compile(r"限制(?:其)?(?:高)?消费|限制高消费|限高")
DISHONEST_RE = re.compile(r"失信被执行人名单|纳入失信|失信名单|列为失信|失信被执行人")
RESUME_RIGHT_RE = re.compile(
    r"(发现被执行人有可供执行(?:的)?财产|被执行人有可供执行(?:的)?财产的?|发现可供执行(?:的)?财产).{0,30}?"
    r"(?:可以|有权|可)?(?:向本院)?(?:再次|重新)?申请(?:恢复)?执行"
    r"|(?:可以|有权|可)(?:向本院|向人民法院)?(?:申请恢复执行|再次申请执行)"
    r"|(?:向人民法院|向本院)?申请恢复执行的权利"
)


def sentences(text: str) -> Iterator[re.Match[str]]:
    yield from SENTENCE_RE.finditer(text)


def property_searches(clean: CleanText) -> tuple[Field | None, Field]:
    """(searches: the sorted categories with the first search sentence as source, or ``None``;
    states_property_search: whether any sentence reports a property search)."""
    found: list[str] = []
    first: re.Match[str] | None = None
    last_end = 0
    for sentence in sentences(clean.body):
        text = sentence.group()
        if not SEARCH_VERB_RE.search(text) or APPLICANT_SAYS_RE.match(text):
            continue
        hits = [cat for cat, words in CATEGORIES.items() if any(w in text for w in words)]
        if not hits and "财产" not in text:
            continue
        first = first or sentence
        last_end = sentence.end()
        found.extend(h for h in hits if h not in found)
    if first is None:
        return None, Field("states_property_search", False, 0, 0, "", 0.9)
    span = clean.text[first.start() : last_end]
    score = clean.score(first.start(), last_end)
    searches = Field("searches", sorted(found), first.start(), last_end, span, 0.92 * score)
    stated = Field("states_property_search", True, first.start(), first.end(), first.group(),
                   0.95 * score)
    return searches, stated


def _imposed(clean: CleanText, name: str, pattern: re.Pattern[str]) -> Field:
    for sentence in sentences(clean.body):
        text = sentence.group()
        match = pattern.search(text)
        if match is None:
            continue
        before = text[: match.start()]
        negated = bool(NEGATION_RE.search(before[-12:]) or NEGATED_BEFORE_RE.search(before))
        if CONDITIONAL_RE.search(before):
            continue  # a warning (逾期不履行的…将纳入失信), not a measure taken
        start = sentence.start()
        return Field(name, not negated, start, sentence.end(), text,
                     0.92 * clean.score(start, sentence.end()))
    return Field(name, False, 0, 0, "", 0.8)


def restricts_consumption(clean: CleanText) -> Field:
    return _imposed(clean, "restricts_consumption", CONSUMPTION_RE)


def lists_dishonest(clean: CleanText) -> Field:
    return _imposed(clean, "lists_dishonest", DISHONEST_RE)


def informs_resume_right(clean: CleanText) -> Field:
    """The body (not the statute text appended after the signature) tells the applicant that it
    may apply to resume when property is found."""
    match = RESUME_RIGHT_RE.search(clean.body)
    if match is None:
        return Field("informs_resume_right", False, 0, 0, "", 0.85)
    return Field("informs_resume_right", True, match.start(), match.end(), match.group(),
                 0.95 * clean.score(match.start(), match.end()))
