"""OCR through RapidOCR and the Chinese PP-OCR models packaged inside its wheel (never downloaded).

Recognised boxes are assembled into reading-order lines: boxes whose vertical centres are close
belong to one line; a wide horizontal gap becomes a space.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from zhongben.extract.model import Line

# A page is recognised at this longer side: enough for 5-point text on A4, small enough for speed.
MAX_SIDE = 1800


@dataclass(frozen=True)
class Box:
    left: float
    right: float
    top: float
    bottom: float
    text: str
    score: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@lru_cache(maxsize=1)
def engine() -> Any:
    """The OCR engine, created once (loading the models takes about a second)."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(use_cls=False, print_verbose=False)


def prepare(image: Image.Image) -> np.ndarray:
    """RGB array, scaled down so the longer side is at most ``MAX_SIDE``."""
    img = image.convert("RGB")
    longest = max(img.size)
    if longest > MAX_SIDE:
        ratio = MAX_SIDE / longest
        size = (round(img.width * ratio), round(img.height * ratio))
        img = img.resize(size, Image.Resampling.BILINEAR)
    return np.asarray(img)


def recognise(image: Image.Image) -> list[Line]:
    """The page's text lines in reading order."""
    result, _ = engine()(prepare(image), use_cls=False)
    boxes = [_box(item) for item in result or []]
    return assemble(boxes)


def _box(item: Any) -> Box:
    points, text, score = item
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return Box(min(xs), max(xs), min(ys), max(ys), str(text), float(score))


def assemble(boxes: list[Box]) -> list[Line]:
    """Group boxes into lines by vertical centre, then order each line left to right."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        if rows and abs(_row_middle(rows[-1]) - box.middle) < 0.5 * max(box.height, 1.0):
            rows[-1].append(box)
        else:
            rows.append([box])
    return [_join(sorted(row, key=lambda b: b.left)) for row in rows]


def _row_middle(row: list[Box]) -> float:
    return sum(b.middle for b in row) / len(row)


def _join(row: list[Box]) -> Line:
    parts = [row[0].text]
    for prev, box in itertools.pairwise(row):
        gap = box.left - prev.right
        parts.append(" " if gap > 1.5 * max(box.height, 1.0) else "")
        parts.append(box.text)
    score = min(b.score for b in row)
    return Line("".join(parts), score)
