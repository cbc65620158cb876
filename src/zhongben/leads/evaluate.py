"""Precision and recall per rule: leads of a run against a truth file
(``rule_id,case_no,subject_id``; empty field = null), at the grain of docs/reference/leads.md."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

Identity = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class RuleScore:
    rule_id: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float | None:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else None

    def record(self) -> dict[str, object]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall}


@dataclass(frozen=True)
class Evaluation:
    scores: list[RuleScore]
    false_positives: list[Identity]
    false_negatives: list[Identity]


def read_truth(path: Path) -> list[Identity]:
    """The truth file's rows; raises ValueError (Chinese) when its header is not as required."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"rule_id", "case_no", "subject_id"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"真值文件 {path} 缺少列：{'、'.join(sorted(missing))}")
        return [
            (row["rule_id"].strip(), row["case_no"].strip() or None,
             row["subject_id"].strip() or None)
            for row in reader
            if row["rule_id"] and row["rule_id"].strip()
        ]  # fmt: skip


def evaluate(
    found: Iterable[Identity], truth: Iterable[Identity], rules: Sequence[str] | None = None
) -> Evaluation:
    """Per-rule TP/FP/FN; ``rules`` limits the comparison to the rules that ran."""
    found_set, truth_set = set(found), set(truth)
    if rules is not None:
        keep = set(rules)
        found_set = {i for i in found_set if i[0] in keep}
        truth_set = {i for i in truth_set if i[0] in keep}
    ids = sorted({i[0] for i in found_set | truth_set} | set(rules or []))
    scores = [
        RuleScore(
            rule,
            len({i for i in found_set & truth_set if i[0] == rule}),
            len({i for i in found_set - truth_set if i[0] == rule}),
            len({i for i in truth_set - found_set if i[0] == rule}),
        )
        for rule in ids
    ]
    order = lambda i: (i[0], i[1] or "", i[2] or "")  # noqa: E731
    return Evaluation(
        scores, sorted(found_set - truth_set, key=order), sorted(truth_set - found_set, key=order)
    )
