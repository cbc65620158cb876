"""Refusing a zip bomb before it is parsed: an .xlsx (.xlsm, .xlsb, .ods) is a zip archive, and
its central directory states every member's uncompressed size. A workbook that would expand past
``MAX_EXPANDED`` bytes, or that is small but expands by more than ``MAX_RATIO`` times (real
workbooks compress 5–20 times), is refused from the directory alone, before any decompression."""

from __future__ import annotations

import zipfile
from pathlib import Path

from zhongben.ingest.errors import FileRefused

ZIP_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods")
MAX_EXPANDED = 1 << 30  # 1 GiB of XML is some 5 million rows: split larger ledgers
MAX_RATIO = 100
RATIO_FLOOR = 50 << 20  # below 50 MiB expanded, a high ratio is harmless (empty templates)
MAX_MEMBERS = 10_000


def _mib(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def check_zip(path: Path) -> None:
    """Raise ``FileRefused`` for a workbook that is no zip or would expand too far."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileRefused(str(path), f"文件不是有效的 Excel 工作簿（压缩结构损坏或文件被截断："
                                     f"{error}）",
                          "请从原系统重新导出该文件，确认下载完整后再导入") from error
    expanded = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if len(members) > MAX_MEMBERS:
        raise FileRefused(str(path), f"工作簿包含 {len(members):,} 个内部文件，结构异常",
                          "请确认文件来源可靠，或另存为新的 .xlsx 后再导入")
    if expanded > MAX_EXPANDED:
        raise FileRefused(str(path), f"工作簿解压后达 {_mib(expanded)}"
                                     f"（上限 {_mib(MAX_EXPANDED)}）",
                          "请按年度或法院拆分为多个文件，或导出为 CSV 后再导入")
    if expanded > RATIO_FLOOR and expanded / packed > MAX_RATIO:
        raise FileRefused(str(path), f"工作簿压缩比异常（{_mib(packed)} 解压后为 "
                                     f"{_mib(expanded)}，约 {expanded // packed:,} 倍），"
                                     "疑似压缩炸弹",
                          "请确认文件来源可靠；正常数据请导出为 CSV 后再导入")
