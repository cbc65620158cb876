"""Which reader a file goes to, and walking the files and folders given on the command line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from PIL import Image, ImageSequence

from zhongben.extract import ocr
from zhongben.extract.model import RawDocument
from zhongben.extract.office import read_docx, read_html, read_txt
from zhongben.extract.pdf import read_pdf

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}
SUFFIXES = {".pdf", ".docx", ".txt", ".html", ".htm", *IMAGE_SUFFIXES}


class UnreadableFile(Exception):
    """A file that could not be read at all; the message is shown to the user."""


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every readable file among the paths, folders walked recursively, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        elif path.exists():
            yield path
        else:
            raise UnreadableFile(f"文件不存在：{path}")


def read_image(path: str) -> RawDocument:
    doc = RawDocument(path, "ocr-image")
    with Image.open(path) as image:
        for frame in ImageSequence.Iterator(image):
            doc.pages.append(ocr.recognise(frame.copy()))
            doc.ocr_pages += 1
    return doc


def read_any(path: Path, use_ocr: bool = True) -> RawDocument:
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            return read_pdf(str(path), use_ocr)
        if suffix in IMAGE_SUFFIXES:
            if not use_ocr:
                raise UnreadableFile(f"图片需要文字识别（已指定 --no-ocr）：{path}")
            return read_image(str(path))
        if suffix == ".docx":
            return read_docx(str(path))
        if suffix in {".html", ".htm"}:
            return read_html(str(path))
        if suffix == ".txt":
            return read_txt(str(path))
    except UnreadableFile:
        raise
    except Exception as exc:  # any parser failure: the file is reported, the rest goes on
        raise UnreadableFile(f"无法读取 {path}：{exc}") from exc
    raise UnreadableFile(f"不支持的文件类型：{path}")
