"""Page images of a PDF (poppler's pdftoppm), for the browser preview and docs/screenshots/."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from zhongben.documents.pdf import PdfError


def page_images(pdf: bytes, out_dir: Path, stem: str, dpi: int = 80) -> list[Path]:
    """One PNG per page: ``<stem>-1.png`` …; the files written."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PdfError("未安装 poppler-utils（pdftoppm），无法生成页面图片：请运行 "
                       "scripts/web/install-system-deps.sh")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhongben-pages-") as tmp:
        source = Path(tmp) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run([tool, "-r", str(dpi), "-png", str(source), str(Path(tmp) / "page")],
                       check=True, capture_output=True, timeout=120)
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        written = []
        for number, page in enumerate(pages, start=1):
            target = out_dir / f"{stem}-{number}.png"
            shutil.move(str(page), target)
            written.append(target)
    return written
