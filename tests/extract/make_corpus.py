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
    Style,
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
COMPACT = Style(size=10.5, chars=44, spacing=1.45, top_mm=14.0, left_mm=20.0, footer=False,
                pua=False, kangxi=False)
KINDS = ["zhongben"] * 22 + ["seizure"] * 6 + ["termination"] * 4 + ["notice"] * 6 + \
    ["closing"] * 5 + ["resume"] * 5
FORMATS = ["pdf"] * 18 + ["png"] * 3 + ["jpg"] * 2 + ["tiff"] * 1 + ["scan.pdf"] * 4 + \
    ["docx"] * 7 + ["txt"] * 7 + ["html"] * 6


def build(index: int, kind: str, fmt: str, rng: random.Random, out: Path) -> dict[str, object]:
    doc = KIND_BUILDERS[kind](make_case(rng), rng)
    name = f"{index:02d}-{kind}.{fmt}"
    path = out / name
    style = random_style(rng)
    if fmt == "pdf":
        render_text_pdf(doc, path, style, rng)
    elif fmt == "scan.pdf":
        render_scanned_pdf(render_images(doc, style, rng), path)
    elif fmt in ("png", "jpg", "tiff"):
        images = render_images(doc, style, rng)
        if len(images) > 1 and fmt != "tiff":  # one image holds one page: print it tighter
            images = render_images(doc, COMPACT, rng)[:1]
        save_images(images, path, rng)
    elif fmt == "docx":
        render_docx(doc, path)
    elif fmt == "txt":
        render_txt(doc, path, rng)
    else:
        render_html(doc, path, rng)
    return {"file": name, "format": fmt, **doc.truth}


def main() -> None:
    """Arguments: [SEED [OUT]] — another seed and folder make a held-out set."""
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else SEED
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    rng = random.Random(seed)
    out.mkdir(exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    kinds = KINDS[:]
    formats = FORMATS[:]
    rng.shuffle(kinds)
    rng.shuffle(formats)
    pairs = enumerate(zip(kinds, formats, strict=True))
    truths = [build(i, k, f, rng, out) for i, (k, f) in pairs]
    with (out / "truth.jsonl").open("w", encoding="utf-8") as handle:
        for truth in truths:
            handle.write(json.dumps(truth, ensure_ascii=False) + "\n")
    print(f"wrote {len(truths)} documents to {out}")


if __name__ == "__main__":
    main()
