"""Uploaded Office files (.docx) are zip archives: a small upload can expand to gigabytes when it
is parsed. Checked from the archive's central directory alone, before anything is decompressed:
the members' stated sizes, their number and the compression ratio (Word documents compress some
2–10 times; text-only XML up to about 30)."""

from __future__ import annotations

import io
import zipfile

MAX_EXPANDED = 200 << 20  # a 检察建议书 with scans is a few MB; 200 MB of XML is no letter
MAX_RATIO = 100
RATIO_FLOOR = 20 << 20  # below this, a high ratio is harmless (a near-empty template)
MAX_MEMBERS = 2_000


def zip_problem(content: bytes, name: str) -> str | None:
    """Why the zip archive ``content`` (named ``name``) may not be opened, in Chinese; None when
    it may."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        return f"文件“{name}”不是有效的 Word 文档（压缩结构损坏或文件被截断：{error}）"
    expanded = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if len(members) > MAX_MEMBERS:
        return f"文件“{name}”包含 {len(members):,} 个内部文件，结构异常"
    if expanded > MAX_EXPANDED:
        return (f"文件“{name}”解压后达 {expanded >> 20:,} MB（上限 {MAX_EXPANDED >> 20} MB），"
                "疑似压缩炸弹或内嵌了过大的图片")
    if expanded > RATIO_FLOOR and expanded / packed > MAX_RATIO:
        return (f"文件“{name}”压缩比异常（{packed >> 10:,} KB 解压后为 {expanded >> 20:,} MB），"
                "疑似压缩炸弹")
    return None
