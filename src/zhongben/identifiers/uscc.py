"""统一社会信用代码 (GB 32100-2015): charset, weights and the check character."""

from __future__ import annotations

import re

from zhongben.identifiers.id_card import clean_id
from zhongben.identifiers.result import IdResult

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_RE = re.compile(f"[{CHARSET}]{{18}}")


def check_char(first17: str) -> str:
    """The 18th character for the first 17 characters."""
    if len(first17) != 17 or any(c not in CHARSET for c in first17):
        raise ValueError(f"需要17位代码字符：{first17}")
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def looks_like(text: str) -> bool:
    """18 characters of the code's charset, whether or not the check character is right."""
    return bool(USCC_RE.fullmatch(text))


def is_valid(code: str) -> bool:
    return looks_like(code) and check_char(code[:17]) == code[17]


def normalise_uscc(raw: str | None) -> IdResult:
    """The code upper-cased without blanks, or kept as invalid when it fails its check."""
    text = clean_id(raw) if raw is not None else ""
    if not text:
        return IdResult(None)
    return IdResult(text) if is_valid(text) else IdResult(None, text)
