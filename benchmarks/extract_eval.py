"""Extraction quality on the test set (tests/extract/corpus): per-field precision, recall, F1 and
案号 exact match. ``python benchmarks/extract_eval.py [--no-ocr] [--errors]``."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from zhongben.extract import extract_file
from zhongben.extract.scoring import Score, report_lines, score_one

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "extract" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-ocr", action="store_true", help="skip scanned documents")
    parser.add_argument("--errors", action="store_true", help="print every wrong field")
    parser.add_argument("--only", help="substring of the file names to evaluate")
    args = parser.parse_args()
    score = Score()
    started = time.perf_counter()
    for line in (CORPUS / "truth.jsonl").read_text("utf-8").splitlines():
        truth = json.loads(line)
        scanned = truth["format"] in ("png", "jpg", "tiff", "scan.pdf")
        if (args.no_ocr and scanned) or (args.only and args.only not in truth["file"]):
            continue
        document, _ = extract_file(CORPUS / truth["file"])
        score_one(score, truth, document)
    print("\n".join(report_lines(score)))
    print(f"{score.documents} documents in {time.perf_counter() - started:.1f} s")
    if args.errors:
        print("\n".join(score.errors))


if __name__ == "__main__":
    main()
