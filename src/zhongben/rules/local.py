"""Where a workspace's local model library lives.

Built-in rules ship in ``rules/library/``; models an office imports (``zhongben models import``) or
builds without code (the web rule builder) go into the workspace's own library, a folder beside the
workspace file named ``<workspace stem>.models/`` with the same family sub-folders
(``preconditions/``, ``assets/`` …). The built-in library is never written to.
"""

from __future__ import annotations

from pathlib import Path


def local_library_dir(workspace: Path) -> Path:
    """``/data/县院.duckdb`` → ``/data/县院.models``; the folder may not exist yet."""
    return workspace.with_name(f"{workspace.stem}.models")
