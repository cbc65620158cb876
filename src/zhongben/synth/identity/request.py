"""What a plant asks of the identity noise pass: noise of given kinds on one of its rows."""

from __future__ import annotations

from dataclasses import dataclass

ID_KINDS = frozenset({"typo", "masked", "id15", "old_id", "missing", "passport",
                      "registration_no"})


@dataclass(frozen=True)
class Request:
    """Noise a plant wants on one of its rows: the row whose ``where`` columns have these
    values; ``kinds`` from ``ID_KINDS`` and ``former_name``, ``traditional``, ``homophone``,
    ``old_company_name``."""

    table: str
    where: tuple[tuple[str, object], ...]
    column: str
    kinds: tuple[str, ...]
