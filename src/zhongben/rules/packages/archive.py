"""Writing a package zip, and reading one safely: a zip from elsewhere is untrusted input.

Reading refuses, in Chinese, before anything is written anywhere: a file that is not a zip, an
encrypted entry, names with ``..``, an absolute path or a backslash, folders and links, names a
package does not hold (``manifest.allowed_name``), a name twice, more than ``MAX_FILES`` entries,
an entry over ``MAX_FILE_BYTES`` or a total over ``MAX_TOTAL_BYTES`` (checked on the bytes read,
not only on what the zip's directory claims).
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath

from zhongben.rules.packages.manifest import allowed_name

MAX_PACKAGE_BYTES = 32 * 1024 * 1024
MAX_FILES = 400
MAX_FILE_BYTES = 1024 * 1024
MAX_TOTAL_BYTES = 16 * 1024 * 1024
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # entries carry no local clock


class PackageRefused(Exception):
    """A package that cannot be exported or installed: every reason, in Chinese, each saying
    what to do."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("\n".join(f"- {r}" for r in reasons))


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    """The files (name → bytes) in name order, with fixed timestamps, written at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, files[name])
    partial.replace(path)


def read_zip(path: Path) -> dict[str, bytes]:
    """Every file of the package at ``path`` (name → bytes); raises ``PackageRefused``."""
    if not path.is_file():
        raise PackageRefused([f"找不到模型包文件 {path}：请检查路径"])
    if path.stat().st_size > MAX_PACKAGE_BYTES:
        limit = MAX_PACKAGE_BYTES // 1024 // 1024
        raise PackageRefused([f"模型包超过 {limit} MB，不是正常的模型包"])
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_entries(archive)
    except zipfile.BadZipFile:
        reason = f"{path.name} 不是有效的 zip 文件：请向导出方重新索取模型包"
        raise PackageRefused([reason]) from None


def _read_entries(archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise PackageRefused([f"模型包含 {len(infos)} 个文件，超过上限 {MAX_FILES}"])
    reasons = [r for info in infos for r in _entry_problems(info)]
    names = [info.filename for info in infos]
    reasons += [f"文件 {n} 在包中出现不止一次" for n in repeated(names)]
    if reasons:
        raise PackageRefused(reasons)
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        with archive.open(info) as entry:
            data = entry.read(MAX_FILE_BYTES + 1)
        total += len(data)
        if len(data) > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            raise PackageRefused([f"文件 {info.filename} 解压后过大，不是正常的模型包内容"])
        files[info.filename] = data
    return files


def repeated(items: list[str]) -> list[str]:
    """The items that occur more than once, sorted."""
    return sorted({item for item in items if items.count(item) > 1})


def _entry_problems(info: zipfile.ZipInfo) -> list[str]:
    name = info.filename
    parts = PurePosixPath(name).parts
    if "\\" in name or name.startswith("/") or ".." in parts or ":" in name:
        return [f"文件名 {name} 指向包外（含 ..、绝对路径或反斜杠）：拒绝导入，以防写到工作区以外"]
    if info.is_dir():
        return []  # a folder entry (a zip made by hand): nothing is read from it
    if stat.S_ISLNK(info.external_attr >> 16):
        return [f"{name} 是链接：模型包只能含普通文件"]
    if info.flag_bits & 0x1:
        return [f"文件 {name} 已加密：模型包不能加密"]
    if not allowed_name(name):
        return [f"文件 {name} 不属于模型包格式（只能有 manifest.json、README.md、"
                "rules/<模型目录>/<规则编号>.sql 与 .test.yaml、rules/_shared/<视图>.sql）"]
    if info.file_size > MAX_FILE_BYTES:
        return [f"文件 {name} 超过 {MAX_FILE_BYTES // 1024} KB"]
    return []
