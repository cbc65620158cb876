"""Field-level precision, recall and F1 of extraction against a labelled set (truth.jsonl: one
object per file with the expected value of each field; null = the document does not state it).

Scalars count one true positive when equal, a false positive when a wrong or unexpected value is
given, a false negative when the expected value is missing or wrong. Lists count per element.
Flags count like a detector: a true ``True`` is a hit; ``False`` expected and given counts
nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from zhongben.extract.model import Document

SCALARS = ("kind", "doc_no", "case_no", "court", "basis_no", "cause", "claim_amount",
           "paid_amount", "outstanding_amount", "filed_on", "ruled_on", "closed_on", "judge",
           "original_case_no")
SETS = ("applicants", "debtors", "party_ids", "masked_ids", "searches", "cited_articles",
        "measures")
FLAGS = ("states_property_search", "restricts_consumption", "lists_dishonest",
         "informs_resume_right")
FIELDS = SCALARS + SETS + FLAGS


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    fields: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    documents: int = 0
    doc_no_exact: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        total = Counts()
        for counts in self.fields.values():
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total

    @property
    def doc_no_rate(self) -> float:
        return self.doc_no_exact / self.documents if self.documents else 1.0


def predicted(doc: Document) -> dict[str, Any]:
    """The document's values in the truth file's shape."""
    out: dict[str, Any] = {name: doc.value(name) for name in SCALARS if name != "kind"}
    out["kind"] = doc.kind.value
    out["applicants"] = sorted(p.name for p in doc.parties if p.role == "申请执行人")
    out["debtors"] = sorted(p.name for p in doc.parties if p.role == "被执行人")
    out["party_ids"] = sorted(f"{p.name}={p.id_no}" for p in doc.parties
                              if p.id_no and not p.id_masked)
    out["masked_ids"] = sorted(p.name for p in doc.parties if p.id_masked and p.id_no)
    out["searches"] = doc.value("searches")
    out["cited_articles"] = doc.value("cited_articles")
    out["measures"] = sorted(
        f"{m.action}|{m.target_type or ''}|{m.target_id or ''}|"
        f"{'' if m.amount is None else f'{m.amount:.2f}'}" for m in doc.measures) or None
    for name in FLAGS:
        out[name] = bool(doc.value(name))
    return out


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, float) or isinstance(got, float):
        try:
            return abs(float(expected) - float(got)) < 0.005
        except (TypeError, ValueError):
            return False
    return bool(expected == got)


def score_one(score: Score, truth: dict[str, Any], doc: Document) -> None:
    got = predicted(doc)
    score.documents += 1
    score.doc_no_exact += truth.get("doc_no") == got.get("doc_no")
    for name in FIELDS:
        expected, value = truth.get(name), got.get(name)
        counts = score.fields[name]
        before = (counts.tp, counts.fp, counts.fn)
        if name in SETS:
            want, have = set(expected or ()), set(value or ())
            counts.tp += len(want & have)
            counts.fp += len(have - want)
            counts.fn += len(want - have)
        elif name in FLAGS:
            counts.tp += bool(expected) and bool(value)
            counts.fp += (not expected) and bool(value)
            counts.fn += bool(expected) and not value
        elif expected is None:
            counts.fp += value is not None
        elif _same(expected, value):
            counts.tp += 1
        else:
            counts.fn += 1
            counts.fp += value is not None
        if (counts.tp, counts.fp, counts.fn) != before and (counts.fp, counts.fn) != before[1:]:
            score.errors.append(
                f"{truth.get('file')}: {name}: expected {expected!r}, got {value!r}")


def report_lines(score: Score) -> list[str]:
    lines = [f"{'field':<24}{'precision':>10}{'recall':>10}{'F1':>8}{'TP':>6}{'FP':>5}{'FN':>5}"]
    for name in FIELDS:
        c = score.fields[name]
        lines.append(f"{name:<24}{c.precision:>10.3f}{c.recall:>10.3f}{c.f1:>8.3f}"
                     f"{c.tp:>6}{c.fp:>5}{c.fn:>5}")
    t = score.total
    lines.append(f"{'ALL (micro)':<24}{t.precision:>10.3f}{t.recall:>10.3f}{t.f1:>8.3f}"
                 f"{t.tp:>6}{t.fp:>5}{t.fn:>5}")
    lines.append("案号 exact match (doc_no, with 之一 suffix): "
                 f"{score.doc_no_exact}/{score.documents}"
                 f" = {score.doc_no_rate:.3f}")
    return lines
