"""A document as data: its fixed parts (title, 文号, addressee, 落款) and its sections, each a
list of paragraphs (text with <b>/<u> marks, the rich text the browser editor edits)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("检察建议书", "说明案件执行情况通知书", "调查核实报告")
KIND_CODES = {"recommendation": "检察建议书", "notice": "说明案件执行情况通知书",
              "investigation": "调查核实报告"}
# Kinds sent to a court: they need approval, take a 文号 at issue and start the court's period.
SENT_KINDS = frozenset({"检察建议书", "说明案件执行情况通知书"})


@dataclass
class Section:
    key: str
    heading: str  # printed as a 黑体 heading when not empty
    paragraphs: list[str]
    editable: bool = True
    numbered: bool = False  # items printed 一、二、… (recommendations) or 1. 2. (evidence)


@dataclass
class DocumentModel:
    kind: str
    org_name: str
    title: str
    doc_no: str  # empty in an unsigned draft (a blank number line is printed)
    doc_no_blank: str  # the number line of a draft: 嵊检民（行）执监〔　　〕　号
    addressee: str
    sections: list[Section]
    signer: str  # 落款: the procuratorate (or 承办检察官 for a report)
    signed_on: str  # 2026年12月3日, or blank in a draft
    seal: bool = True
    cc: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # for the drafter, never printed

    def sections_json(self) -> list[dict[str, Any]]:
        return [asdict(s) for s in self.sections]

    def with_sections(self, saved: list[dict[str, Any]]) -> DocumentModel:
        """This model with the editable sections' paragraphs replaced by saved (edited) ones."""
        edited = {s["key"]: s["paragraphs"] for s in saved}
        for section in self.sections:
            if section.editable and section.key in edited:
                section.paragraphs = list(edited[section.key])
        return self
