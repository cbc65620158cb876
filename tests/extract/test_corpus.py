"""Quality on the committed test set: every document that needs no OCR here (the evaluation
script, benchmarks/extract_eval.py, runs the scanned ones too), one scanned page through OCR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zhongben.extract import extract_file
from zhongben.extract.scoring import Score, report_lines, score_one


def test_test_set_has_at_least_40_documents_in_varied_formats(truth: list[dict[str, Any]]) -> None:
    assert len(truth) >= 40
    assert {t["format"] for t in truth} >= {"pdf", "scan.pdf", "png", "jpg", "tiff", "docx",
                                            "txt", "html"}
    assert len({t["kind"] for t in truth}) >= 6


def test_field_f1_and_case_number_exact_match_on_text_documents(
    corpus: Path, text_truth: list[dict[str, Any]],
) -> None:
    score = Score()
    for truth in text_truth:
        document, ocr_pages = extract_file(corpus / truth["file"])
        assert ocr_pages == 0
        score_one(score, truth, document)
    report = "\n".join(report_lines(score) + score.errors)
    assert score.total.f1 >= 0.95, report
    assert score.doc_no_rate >= 0.99, report
    for name, counts in score.fields.items():
        assert counts.f1 >= 0.9, f"{name}\n{report}"


@pytest.mark.slow
def test_a_scanned_page_goes_through_ocr(corpus: Path, truth: list[dict[str, Any]]) -> None:
    jpg = next(t for t in truth if t["format"] == "jpg")
    document, ocr_pages = extract_file(corpus / jpg["file"])
    assert ocr_pages == 1
    assert document.method == "ocr-image"
    assert document.kind.value == jpg["kind"]
    assert document.value("doc_no") == jpg["doc_no"]
    assert document.value("ruled_on") == jpg["ruled_on"]
    assert 0.5 < document.fields["doc_no"].confidence < 1.0
