"""Find the files to load below the paths a user names."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".parquet",
                  ".pdf")  # a PDF is loaded when it holds a bank statement table


def discover(paths: Iterable[Path]) -> list[Path]:
    """Every loadable file: named files as given, folders searched recursively in name order.

    Hidden files and Office lock files (``~$…``) inside folders are skipped; a file named directly
    is always returned, so that a wrong name is reported rather than silently ignored.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if _is_table_file(p)))
        else:
            found.append(path)
    return found


def _is_table_file(path: Path) -> bool:
    if not path.is_file() or path.name.startswith((".", "~$")):
        return False
    return path.suffix.lower() in TABLE_SUFFIXES
