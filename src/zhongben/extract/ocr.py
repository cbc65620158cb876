"""OCR through RapidOCR and the Chinese PP-OCR models packaged inside its wheel (never downloaded).

Recognised boxes are assembled into reading-order lines: boxes whose vertical centres are close
belong to one line; a wide horizontal gap becomes a space.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from zhongben.extract.model import Line

# A page is recognised at this longer side: enough for 5-point text on A4, small enough for speed.
MAX_SIDE = 1800
# Text detection runs at this longer side (boxes are mapped back); recognition uses full size.
DET_SIDE = 1280
WORKERS = 2
MIN_SCORE = 0.5


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
    """The detection engine, created once (loading the models takes about a second)."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(use_cls=False, print_verbose=False, det_limit_type="max",
                    det_limit_side_len=DET_SIDE)


@lru_cache(maxsize=1)
def recognisers() -> tuple[Any, ...]:
    """One single-threaded recogniser per worker: ONNX Runtime spreads one small recognition
    batch over two threads poorly, two independent workers use two cores well."""
    from rapidocr_onnxruntime import RapidOCR

    return tuple(RapidOCR(use_cls=False, print_verbose=False, intra_op_num_threads=1,
                          inter_op_num_threads=1) for _ in range(WORKERS))


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
    return assemble(boxes(image))


def boxes(image: Image.Image) -> list[Box]:
    """Every piece of text recognised on the page with its box, in the image's coordinates
    (scaled as ``prepare`` scales it)."""
    array = prepare(image)
    det = engine()
    found, _ = det.auto_text_det(array)
    if found is None or len(found) == 0:
        return []
    crops = det.get_crop_img_list(array, found)
    texts = _recognise_crops(crops)
    return [_box(points, text, score) for points, (text, score) in zip(found, texts, strict=True)
            if score >= MIN_SCORE and text.strip()]


def _recognise_crops(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """Recognise the crops split between the workers, balanced by width."""
    shares: list[list[int]] = [[] for _ in range(WORKERS)]
    loads = [0.0] * WORKERS
    for index in sorted(range(len(crops)), key=lambda i: -_ratio(crops[i])):
        lightest = loads.index(min(loads))
        shares[lightest].append(index)
        loads[lightest] += _ratio(crops[index])
    results: list[tuple[str, float]] = [("", 0.0)] * len(crops)

    def run(worker: int) -> None:
        share = shares[worker]
        if share:
            found, _ = recognisers()[worker].text_rec([crops[i] for i in share], False)
            for index, item in zip(share, found, strict=True):
                results[index] = (str(item[0]), float(item[1]))

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, range(WORKERS)))
    return results


def _ratio(crop: np.ndarray) -> float:
    return crop.shape[1] / max(crop.shape[0], 1)


def _box(points: Any, text: str, score: float) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return Box(min(xs), max(xs), min(ys), max(ys), text, score)


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
