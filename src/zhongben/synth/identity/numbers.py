"""Numbers as other sources write them: one mistyped digit, two digits swapped, the old
15-digit form, a masked number, a passport number, a company's old 注册号 and 组织机构代码."""

from __future__ import annotations

import numpy as np

from zhongben.identifiers import id_card

# How masked numbers are printed (insurers, public lists): visible head, masked middle, tail —
# 前六后四 most often, 前四后四, or with the birth year and month showing.
MASKS = ((6, 4), (6, 4), (4, 4), (10, 4))


def typo(id18: str, rng: np.random.Generator) -> str:
    """One digit changed, or two neighbouring digits swapped (never a valid number: the check
    digit catches both)."""
    body = list(id18)
    if rng.random() < 0.3:
        spots = [i for i in range(16) if body[i] != body[i + 1]]
        if spots:
            i = spots[int(rng.integers(0, len(spots)))]
            body[i], body[i + 1] = body[i + 1], body[i]
            return "".join(body)
    i = int(rng.integers(0, 18))
    digits = [d for d in "0123456789" if d != body[i]]
    body[i] = digits[int(rng.integers(0, len(digits)))]
    out = "".join(body)
    return out if not id_card.is_valid(out) else typo(id18, rng)


def masked(id18: str, rng: np.random.Generator, head: int | None = None) -> str:
    """The number as a masked list prints it (``head`` visible digits: a given mask)."""
    if head is None:
        head, tail = MASKS[int(rng.integers(0, len(MASKS)))]
    else:
        tail = 4
    return id18[:head] + "*" * (18 - head - tail) + id18[18 - tail :]


def fifteen(id18: str) -> str | None:
    """The pre-1999 15-digit form (people born in the 1900s only)."""
    return id18[:6] + id18[8:17] if id18[6:8] == "19" else None


def passport(serial: int) -> str:
    return f"E{10_000_000 + serial:08d}"


def registration_no(uscc: str, serial: int) -> str:
    """An old 注册号: the region, ``0000`` (never a birth date, so never read as a 身份证号) and
    a serial."""
    return uscc[2:8] + "0000" + f"{serial % 100_000:05d}"


def org_code(uscc: str) -> str:
    """The 组织机构代码 inside a USCC, as certificates printed it (``12345678-9``)."""
    return uscc[8:16] + "-" + uscc[16]
