"""Extracted documents as rows of the contract tables: cases, parties, actions and documents.

A case seen in several documents gets one ``cases`` row; each field comes from the document kind
that states it best (the 终本 ruling for closed_on, the 执行通知书 for notice_on …). Searches a
ruling reports carry no date of their own: they are dated with the ruling (on or before it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from zhongben.extract import kinds
from zhongben.extract.facts import dates
from zhongben.extract.model import Document

Row = dict[str, Any]
CLOSE_METHOD = {kinds.ZHONGBEN: "终结本次执行程序", kinds.TERMINATION: "终结执行"}
CLOSE_WORDS = ("终结本次执行程序", "执行完毕", "终结执行", "不予执行", "驳回申请", "销案",
               "和解长期履行")
CASE_FIELDS = ("court", "filed_on", "original_case_no", "basis_no", "cause", "claim_amount",
               "paid_amount", "judge")
NO_PROPERTY_RE = re.compile(r"(未发现|未查询到|未查到|无)[^。;；]{0,12}(可供执行|财产|存款|登记)")
SEARCH_TARGETS = ("存款", "车辆", "不动产", "证券", "股权", "公积金", "保险", "网络资金")
DOC_ACTIONS = {kinds.NOTICE: "执行通知", kinds.REPORT_ORDER: "报告财产令",
               kinds.RESUME_NOTICE: "恢复执行", kinds.RESUME_RULING: "恢复执行"}
RESTRICTION_ACTIONS = (("restricts_consumption", "限制消费"), ("lists_dishonest", "纳入失信"))
RANK = {kinds.ZHONGBEN: 0, kinds.TERMINATION: 1, kinds.CLOSING: 2, kinds.SEIZURE: 3,
        kinds.NOTICE: 4}


def _yes(value: Any) -> str | None:
    if value is None:
        return None
    return "是" if value else "否"


def _join(values: Any) -> str | None:
    return ";".join(values) if values else None


def case_rows(documents: Iterable[Document]) -> list[Row]:
    by_case: dict[str, Row] = {}
    ordered = sorted(documents, key=lambda d: RANK.get(d.kind.value, 9))
    for doc in ordered:
        case_no = doc.value("case_no")
        if not case_no:
            continue
        row = by_case.setdefault(case_no, {"case_no": case_no})
        for name in CASE_FIELDS:
            if row.get(name) is None and doc.value(name) is not None:
                row[name] = doc.value(name)
        _case_dates(row, doc)
    return list(by_case.values())


def _case_dates(row: Row, doc: Document) -> None:
    kind = doc.kind.value
    if kind in CLOSE_METHOD and row.get("closed_on") is None:
        row["closed_on"] = doc.value("closed_on")
        row["close_method"] = CLOSE_METHOD[kind]
    elif kind == kinds.CLOSING and row.get("closed_on") is None:
        row["closed_on"] = doc.value("closed_on")
        method = next((w for w in CLOSE_WORDS if w in doc.text), None)
        row["close_method"] = method
    elif kind == kinds.NOTICE and row.get("notice_on") is None:
        row["notice_on"] = doc.value("ruled_on")
    elif kind == kinds.REPORT_ORDER and row.get("report_order_on") is None:
        row["report_order_on"] = doc.value("ruled_on")


def party_rows(documents: Iterable[Document]) -> list[Row]:
    rows: dict[tuple[str, str, str], Row] = {}
    for doc in documents:
        case_no = doc.value("case_no")
        if not case_no:
            continue
        for party in doc.parties:
            key = (case_no, party.role, party.name)
            row = rows.setdefault(key, {"case_no": case_no, "role": party.role, "name": party.name})
            if party.id_no and not party.id_masked and not row.get("id_no"):
                row["id_no"] = party.id_no
            row.setdefault("party_type", party.party_type)
            row.setdefault("address", party.address)
    return list(rows.values())


def _sentence_date(doc: Document, name: str) -> str | None:
    found = doc.fields.get(name)
    if found is None or not found.value:
        return None
    return next((value for value, _, _ in dates(found.source)), None)


def action_rows(documents: Iterable[Document]) -> list[Row]:
    rows: list[Row] = []
    for doc in documents:
        case_no = doc.value("case_no")
        ruled = doc.value("ruled_on")
        if not case_no or not ruled:
            continue
        rows.extend(_search_actions(doc, case_no, ruled))
        for name, action in RESTRICTION_ACTIONS:
            if doc.value(name):
                acted = _sentence_date(doc, name) or ruled
                rows.append({"case_no": case_no, "action": action, "acted_on": acted})
        for measure in doc.measures:
            rows.append({"case_no": case_no, "action": measure.action, "acted_on": ruled,
                         "target_type": measure.target_type, "target_id": measure.target_id,
                         "amount": measure.amount, "expires_on": measure.expires_on})
        if doc.kind.value in DOC_ACTIONS:
            rows.append({"case_no": case_no, "action": DOC_ACTIONS[doc.kind.value],
                         "acted_on": ruled})
    return rows


def _search_actions(doc: Document, case_no: str, ruled: str) -> list[Row]:
    found = doc.fields.get("searches")
    if found is None or doc.kind.value not in (kinds.ZHONGBEN, kinds.TERMINATION):
        return []
    result = "无财产" if NO_PROPERTY_RE.search(found.source) else None
    rows = [{"case_no": case_no, "action": "网络查控", "acted_on": ruled, "target_type": target,
             "result": result} for target in found.value if target in SEARCH_TARGETS]
    if "现场调查" in found.value:
        rows.append({"case_no": case_no, "action": "现场调查", "acted_on": ruled})
    return rows


def document_rows(documents: Iterable[Document]) -> list[Row]:
    rows = []
    for doc in documents:
        confidences = [f.confidence for f in doc.fields.values()] + [doc.kind.confidence]
        rows.append({
            "doc_id": doc.doc_id, "case_no": doc.value("case_no"), "doc_no": doc.value("doc_no"),
            "kind": doc.kind.value, "title": doc.value("title"), "court": doc.value("court"),
            "ruled_on": doc.value("ruled_on"), "filed_on": doc.value("filed_on"),
            "closed_on": doc.value("closed_on"), "basis_no": doc.value("basis_no"),
            "claim_amount": doc.value("claim_amount"), "paid_amount": doc.value("paid_amount"),
            "outstanding_amount": doc.value("outstanding_amount"),
            "states_property_search": _yes(doc.value("states_property_search")),
            "searches": _join(doc.value("searches")),
            "restricts_consumption": _yes(doc.value("restricts_consumption")),
            "lists_dishonest": _yes(doc.value("lists_dishonest")),
            "informs_resume_right": _yes(doc.value("informs_resume_right")),
            "cited_articles": _join(doc.value("cited_articles")),
            "source_file": doc.source, "pages": doc.page_count, "method": doc.method,
            "confidence": round(min(confidences), 3),
            "warnings": _join(doc.warnings),
        })
    return rows
