"""PDF from .docx with LibreOffice headless (Debian's libreoffice-writer-nogui): each call gets
its own user profile (-env:UserInstallation), so conversions run concurrently, and the product's
font replacement (fonts/fonts.conf: 方正小标宋简体 → Noto Serif CJK SC Bold, 仿宋_GB2312 → Noto
Serif CJK SC, 黑体 → Noto Sans CJK SC, 楷体_GB2312 → AR PL UKai CN); LibreOffice embeds the fonts
it used."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FONTS_CONF = Path(__file__).parent / "fonts" / "fonts.conf"
TIMEOUT_S = 180


class PdfError(RuntimeError):
    """The PDF could not be made; the message (Chinese) says why and what to do."""


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfError("未安装 LibreOffice（soffice），无法生成 PDF：请运行 "
                       "scripts/web/install-system-deps.sh（安装 libreoffice-writer-nogui "
                       "和中文字体）")
    return found


def docx_to_pdf(content: bytes, name: str = "document") -> bytes:
    """The PDF of a .docx given as bytes."""
    with tempfile.TemporaryDirectory(prefix="zhongben-pdf-") as tmp:
        work = Path(tmp)
        source = work / f"{name}.docx"
        source.write_bytes(content)
        _convert(source, work)
        target = work / f"{name}.pdf"
        if not target.exists():
            raise PdfError("LibreOffice 未生成 PDF（文书可能已损坏），请重新生成文书后再试")
        return target.read_bytes()


def _convert(source: Path, out_dir: Path) -> None:
    profile = out_dir / "profile"
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(out_dir),
           "SAL_USE_VCLPLUGIN": "svp"}
    command = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--nologo", "--convert-to", "pdf:writer_pdf_Export",
               "--outdir", str(out_dir), str(source)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, env=env,
                              check=False)
    except subprocess.TimeoutExpired as exc:
        raise PdfError(f"LibreOffice 转换超过 {TIMEOUT_S} 秒未完成，请稍后重试") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()[-300:]
        raise PdfError(f"LibreOffice 转换失败（退出码 {done.returncode}）：{detail}")


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
