"""The outcome of normalising one ID cell."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdResult:
    """``value``: the normalised ID when usable; ``invalid_raw``: the value as written (cleaned)
    when it failed its checksum or is masked. At most one is set; both ``None``: an empty cell."""

    value: str | None
    invalid_raw: str | None = None
    masked: bool = False
