"""What extraction reads and produces: pages of text, fields with their source span, documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Line:
    """One line of a page as read; ``score`` is the OCR confidence (1.0 for a text layer)."""

    text: str
    score: float = 1.0


@dataclass
class RawDocument:
    """A file as read, before any interpretation."""

    source: str
    method: str  # text-pdf, ocr-pdf, ocr-image, docx, txt, html
    pages: list[list[Line]] = field(default_factory=list)
    ocr_pages: int = 0

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True)
class Field:
    """One extracted value with where it came from (offsets into the document's cleaned text)."""

    name: str
    value: Any
    start: int
    end: int
    source: str
    confidence: float

    def as_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "span": [self.start, self.end],
            "source": self.source,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Party:
    role: str  # 申请执行人 / 被执行人 / 案外人
    name: str
    id_no: str | None = None
    id_masked: bool = False
    name_masked: bool = False
    party_type: str | None = None
    address: str | None = None
    start: int = 0
    end: int = 0
    confidence: float = 1.0

    def as_json(self) -> dict[str, Any]:
        return {
            "role": self.role, "name": self.name, "id_no": self.id_no,
            "id_masked": self.id_masked, "name_masked": self.name_masked,
            "party_type": self.party_type, "address": self.address,
            "span": [self.start, self.end], "confidence": round(self.confidence, 3),
        }


@dataclass
class Measure:
    """A measure the document orders or reports (查封, 冻结, 扣划, 限制消费 …)."""

    action: str
    target_type: str | None = None
    target_id: str | None = None
    amount: float | None = None
    acted_on: str | None = None
    expires_on: str | None = None
    result: str | None = None
    start: int = 0
    end: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "action": self.action, "target_type": self.target_type, "target_id": self.target_id,
            "amount": self.amount, "acted_on": self.acted_on, "expires_on": self.expires_on,
            "result": self.result, "span": [self.start, self.end],
        }


@dataclass
class Document:
    """One document after extraction."""

    doc_id: str
    source: str
    method: str
    page_count: int
    text: str
    kind: Field
    fields: dict[str, Field] = field(default_factory=dict)
    parties: list[Party] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def value(self, name: str) -> Any:
        found = self.fields.get(name)
        return None if found is None else found.value

    def as_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "method": self.method,
            "pages": self.page_count,
            "kind": self.kind.as_json(),
            "fields": {name: f.as_json() for name, f in self.fields.items()},
            "parties": [p.as_json() for p in self.parties],
            "measures": [m.as_json() for m in self.measures],
            "warnings": self.warnings,
            "text": self.text,
        }
