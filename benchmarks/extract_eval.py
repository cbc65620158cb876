"""Extraction quality on the test set (tests/extract/corpus): per-field precision, recall, F1 and
案号 exact match. ``python benchmarks/extract_eval.py [--no-ocr] [--errors]``."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from zhongben.extract.fields import extract_document
from zhongben.extract.model import Document, Line, RawDocument
from zhongben.extract.readers import read_any
from zhongben.extract.scoring import Score, report_lines, score_one

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "extract" / "corpus"


def read(path: Path, cache: Path | None) -> Document:
    """Extract one file; with ``cache``, what OCR read is kept there and re-used (for tuning the
    extractors without re-running OCR)."""
    cached = cache / (path.name + ".json") if cache else None
    if cached is not None and cached.exists():
        data = json.loads(cached.read_text("utf-8"))
        pages = [[Line(t, s) for t, s in page] for page in data["pages"]]
        raw = RawDocument(str(path), data["method"], pages, data["ocr_pages"])
    else:
        raw = read_any(path)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            pages_json = [[[line.text, line.score] for line in page] for page in raw.pages]
            cached.write_text(json.dumps({"method": raw.method, "ocr_pages": raw.ocr_pages,
                                          "pages": pages_json}, ensure_ascii=False), "utf-8")
    return extract_document(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-ocr", action="store_true", help="skip scanned documents")
    parser.add_argument("--errors", action="store_true", help="print every wrong field")
    parser.add_argument("--only", help="substring of the file names to evaluate")
    parser.add_argument("--cache", type=Path, help="keep and re-use what OCR read in this folder")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="a labelled set (documents + truth.jsonl); default: the test set")
    args = parser.parse_args()
    score = Score()
    started = time.perf_counter()
    for line in (args.corpus / "truth.jsonl").read_text("utf-8").splitlines():
        truth = json.loads(line)
        scanned = truth["format"] in ("png", "jpg", "tiff", "scan.pdf")
        if (args.no_ocr and scanned) or (args.only and args.only not in truth["file"]):
            continue
        document = read(args.corpus / truth["file"], args.cache)
        score_one(score, truth, document)
    print("\n".join(report_lines(score)))
    print(f"{score.documents} documents in {time.perf_counter() - started:.1f} s")
    if args.errors:
        print("\n".join(score.errors))


if __name__ == "__main__":
    main()
