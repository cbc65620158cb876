"""A workspace that cannot be opened (missing, damaged, busy) ends a command with its Chinese
message and exit code 2, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from zhongben.engine.opener import WorkspaceBusy, WorkspaceError

BUSY_EXIT = 3  # another process holds the writer: a script may wait and retry


@contextmanager
def workspace_errors() -> Iterator[None]:
    try:
        yield
    except WorkspaceError as exc:
        Console(stderr=True).print(f"[bold red]错误[/] {exc}", highlight=False)
        raise typer.Exit(code=BUSY_EXIT if isinstance(exc, WorkspaceBusy) else 2) from None
