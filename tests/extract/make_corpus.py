"""Build the extraction test set: ``python tests/extract/make_corpus.py`` rewrites
tests/extract/corpus/ (documents and truth.jsonl) deterministically from SEED."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_content import make_case
from corpus_kinds import KIND_BUILDERS
from corpus_render import (
    random_style,
    render_docx,
    render_html,
    render_images,
    render_scanned_pdf,
    render_text_pdf,
    render_txt,
    save_images,
)

SEED = 20251125
OUT = Path(__file__).parent / "corpus"
KINDS = ["zhongben"] * 22 + ["seizure"] * 6 + ["termination"] * 4 + ["notice"] * 6 + \
    ["closing"] * 5 + ["resume"] * 5
FORMATS = ["pdf"] * 18 + ["png"] * 3 + ["jpg"] * 2 + ["tiff"] * 1 + ["scan.pdf"] * 4 + \
    ["docx"] * 7 + ["txt"] * 7 + ["html"] * 6


def build(index: int, kind: str, fmt: str, rng: random.Random) -> dict[str, object]:
    doc = KIND_BUILDERS[kind](make_case(rng), rng)
    name = f"{index:02d}-{kind}.{fmt}"
    path = OUT / name
    style = random_style(rng)
    if fmt == "pdf":
        render_text_pdf(doc, path, style, rng)
    elif fmt == "scan.pdf":
        render_scanned_pdf(render_images(doc, style, rng), path)
    elif fmt in ("png", "jpg", "tiff"):
        save_images(render_images(doc, style, rng), path, rng)
    elif fmt == "docx":
        render_docx(doc, path)
    elif fmt == "txt":
        render_txt(doc, path, rng)
    else:
        render_html(doc, path, rng)
    return {"file": name, "format": fmt, **doc.truth}


def main() -> None:
    rng = random.Random(SEED)
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    kinds = KINDS[:]
    formats = FORMATS[:]
    rng.shuffle(kinds)
    rng.shuffle(formats)
    truths = [build(i, k, f, rng) for i, (k, f) in enumerate(zip(kinds, formats, strict=True))]
    with (OUT / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for truth in truths:
            handle.write(json.dumps(truth, ensure_ascii=False) + "\n")
    print(f"wrote {len(truths)} documents to {OUT}")


if __name__ == "__main__":
    main()
