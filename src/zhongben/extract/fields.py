"""One document from its raw pages to every field: cleanup, kind, case number, parties, facts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from zhongben.extract import articles, facts, kinds, measures, parties, searches
from zhongben.extract.casenos import CaseNo, own_number
from zhongben.extract.layout import CleanText, clean
from zhongben.extract.model import Document, Field, Party, RawDocument

HEADER_CHARS = 400
CLOSING_KINDS = (kinds.ZHONGBEN, kinds.TERMINATION)


def doc_id(raw: RawDocument, text: str) -> str:
    """Stable identity: the file name and a hash of the text read."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return f"{Path(raw.source).stem}-{digest}"


def _case_fields(cleaned: CleanText, own: CaseNo | None) -> dict[str, Field]:
    if own is None:
        return {}
    source = cleaned.text[own.start : own.end]
    score = 0.97 * cleaned.score(own.start, own.end)
    return {
        "doc_no": Field("doc_no", own.doc_no, own.start, own.end, source, score),
        "case_no": Field("case_no", own.case_no, own.start, own.end, source, score),
    }


def _add(found: dict[str, Field], *items: Field | None) -> None:
    for item in items:
        if item is not None:
            found[item.name] = item


ADDRESSED_TO_DEBTOR = (kinds.NOTICE, kinds.RESUME_NOTICE, kinds.REPORT_ORDER, kinds.CONSUMPTION)


def _parties(cleaned: CleanText, found: dict[str, Field], kind: str
             ) -> tuple[list[Party], list[str]]:
    listed = parties.header_parties(cleaned)
    warnings: list[str] = []
    known = [p.name for p in listed]
    match, debtors, cause, confidence = parties.opening(cleaned.body, known)
    if match is not None and cause:
        start = match.start("debt")
        found["cause"] = Field("cause", cause, start, match.end("debt"), match.group("debt"),
                               confidence * cleaned.score(start, match.end()))
    if not listed:
        named = parties.opening_parties(cleaned.body)
        to = parties.addressee(cleaned) if kind in ADDRESSED_TO_DEBTOR else None
        if to is not None and not any(p.role == "被执行人" for p in named):
            named.append(to)
        return named, warnings
    listed_debtors = {p.name for p in listed if p.role == "被执行人"}
    stray = [d for d in debtors if d not in listed_debtors and d not in {"你", "你单位"}]
    if match is not None and stray and confidence >= 0.85:
        warnings.append("正文所列被执行人与当事人列表不一致：" + "、".join(stray))
    return listed, warnings


def _dates(cleaned: CleanText, kind: str, found: dict[str, Field]) -> None:
    ruled = facts.ruled_on(cleaned)
    _add(found, ruled, facts.filed_on(cleaned))
    if kind in CLOSING_KINDS and ruled is not None:
        found["closed_on"] = Field("closed_on", ruled.value, ruled.start, ruled.end, ruled.source,
                                   ruled.confidence)
    elif kind == kinds.CLOSING:
        _add(found, facts.closed_on_notice(cleaned))


def _facts(cleaned: CleanText, own: CaseNo | None, kind: str, found: dict[str, Field]) -> None:
    _add(found, facts.court(cleaned, own), facts.basis_no(cleaned, own),
         facts.original_case_no(cleaned, own), facts.judge(cleaned))
    _add(found, facts.claim_amount(cleaned), facts.paid_amount(cleaned),
         facts.outstanding_amount(cleaned))
    _dates(cleaned, kind, found)
    search_list, stated = searches.property_searches(cleaned)
    _add(found, search_list, stated, searches.restricts_consumption(cleaned),
         searches.lists_dishonest(cleaned), searches.informs_resume_right(cleaned),
         articles.cited_articles(cleaned))


def extract_document(raw: RawDocument) -> Document:
    cleaned = clean(raw)
    kind = kinds.classify(cleaned)
    own = own_number(cleaned.body, HEADER_CHARS)
    found = _case_fields(cleaned, own)
    title = kinds.find_title(cleaned)
    if title is not None:
        found["title"] = Field("title", title[0], title[1], title[2], title[0], kind.confidence)
    _facts(cleaned, own, kind.value, found)
    listed, warnings = _parties(cleaned, found, kind.value)
    ruled = found.get("ruled_on")
    ordered = measures.ordered_measures(cleaned, ruled.value if ruled else None) \
        if kind.value in (kinds.SEIZURE, kinds.OTHER_RULING) else []
    if cleaned.dropped_chars:
        warnings.append(f"已剔除无法识别的字符 {cleaned.dropped_chars} 个")
    if own is None:
        warnings.append("未找到案号")
    return Document(
        doc_id=doc_id(raw, cleaned.text), source=raw.source, method=raw.method,
        page_count=raw.page_count, text=cleaned.text, kind=kind, fields=found, parties=listed,
        measures=ordered, warnings=warnings,
    )
