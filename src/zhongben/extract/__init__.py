"""Court documents in: read PDFs (text layer or OCR), images, Word, text and saved web pages;
recognise the document kind; extract 案号, court, parties, basis, amounts, dates, searches, flags
and cited articles; write contract tables (cases, parties, actions, documents) plus
documents.jsonl with every field's source span and confidence.

Façade: ``extract_paths(paths, out_dir)``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from zhongben.extract.fields import extract_document
from zhongben.extract.model import Document
from zhongben.extract.readers import UnreadableFile, iter_inputs, read_any
from zhongben.extract.writer import write_all

__all__ = ["ExtractReport", "extract_file", "extract_paths"]


@dataclass
class ExtractReport:
    documents: list[Document] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    written: dict[str, int] = field(default_factory=dict)


def extract_file(path: str | Path, use_ocr: bool = True) -> tuple[Document, int]:
    """One file: the document and how many of its pages went through OCR."""
    raw = read_any(Path(path), use_ocr)
    return extract_document(raw), raw.ocr_pages


def extract_paths(
    paths: Iterable[str | Path],
    out_dir: str | Path | None = None,
    use_ocr: bool = True,
    progress: Callable[[Path], None] | None = None,
) -> ExtractReport:
    """Read every file under ``paths``; write the output folder when ``out_dir`` is given."""
    report = ExtractReport()
    started = time.perf_counter()
    for path in iter_inputs(paths):
        if progress is not None:
            progress(path)
        try:
            document, ocr_pages = extract_file(path, use_ocr)
        except UnreadableFile as exc:
            report.failures.append((str(path), str(exc)))
            continue
        report.documents.append(document)
        report.pages += document.page_count
        report.ocr_pages += ocr_pages
    report.seconds = time.perf_counter() - started
    if out_dir is not None:
        report.written = write_all(Path(out_dir), report.documents)
    return report
