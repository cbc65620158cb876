"""Width folding shared by every identifier and normaliser: full-width ASCII to half-width, blanks.

The same rules are expressed in SQL by ``zhongben.ingest.normalise.sql``; keep both in step.
"""

from __future__ import annotations

import re

# Characters treated as blanks: stripped at both ends of every value, removed inside codes and IDs.
BLANKS = " \t\n\r\x0b\x0c\xa0\u200b\ufeff"
# U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E; U+3000 is the ideographic space.
FULL_WIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000"
HALF_WIDTH = "".join(chr(c) for c in range(0x21, 0x7F)) + " "
_FOLD = str.maketrans(FULL_WIDTH, HALF_WIDTH)
# Brackets that case numbers use for the year, folded to ASCII parentheses there only
# (［］ are folded to [] by ``fold`` first).
CJK_BRACKETS = "〔〕［］【】[]"
ASCII_BRACKETS = "()()()()"
_BRACKETS = str.maketrans(CJK_BRACKETS, ASCII_BRACKETS)
LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()
_UPPER = str.maketrans(LOWER, UPPER)
_BLANK_RE = re.compile("[" + re.escape(BLANKS) + "]")
# str.translate is slow on non-ASCII text: these find the (rare) cells that need it.
_FULL_WIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")
_BRACKET_RE = re.compile("[" + re.escape(CJK_BRACKETS) + "]")
_LOWER_RE = re.compile("[a-z]")


def fold(raw: str) -> str:
    """Full-width ASCII forms and the ideographic space to their ASCII equivalents."""
    if raw.isascii() or _FULL_WIDTH_RE.search(raw) is None:
        return raw
    return raw.translate(_FOLD)


def fold_brackets(text: str) -> str:
    """〔〕［］【】[] to ASCII parentheses (after ``fold``, （） are already ASCII)."""
    return text.translate(_BRACKETS) if _BRACKET_RE.search(text) else text


def ascii_upper(text: str) -> str:
    """Upper-case ASCII letters only, so the result does not depend on Unicode case tables."""
    if text.isascii():
        return text.upper()
    return text.translate(_UPPER) if _LOWER_RE.search(text) else text


def remove_blanks(text: str) -> str:
    return _BLANK_RE.sub("", text)


def clean(raw: str | None) -> str | None:
    """Fold and strip a raw cell; an empty result is ``None``."""
    if raw is None:
        return None
    text = fold(raw).strip(BLANKS)
    return text or None


def clean_code(raw: str | None) -> str | None:
    """A code: folded, every blank removed, ASCII upper-cased; empty is ``None``."""
    if raw is None:
        return None
    text = ascii_upper(remove_blanks(fold(raw)))
    return text or None
