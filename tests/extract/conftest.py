from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parent / "corpus"
SCANNED = ("png", "jpg", "tiff", "scan.pdf")


def load_truth() -> list[dict[str, Any]]:
    lines = (CORPUS / "truth.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="session")
def truth() -> list[dict[str, Any]]:
    return load_truth()


@pytest.fixture(scope="session")
def text_truth(truth: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents that need no OCR (text PDFs, docx, txt, html)."""
    return [t for t in truth if t["format"] not in SCANNED]


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS
