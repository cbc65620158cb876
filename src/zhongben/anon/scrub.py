"""Free text scrubbed: every original value the export replaces elsewhere (a name, an ID, a case
number, an address …) is replaced where the text quotes it, longest first, by its pseudonym —
also when written with full-width characters (（2023）浙0102执123号, １３８…) or with separators
(138-1234-5678, 6222 0212 3456 7890); a separated number of nine or more letters and digits that
is no original becomes a keyed token too (a date such as 2023-01-05 stays); what remains that
looks like a number or code (six or more letters and digits) is replaced by a keyed token of the
same shape. Category words (无财产, 工资, 已查封) stay, so rules reading them still work."""

from __future__ import annotations

import re

from zhongben.anon.pseudonyms import Pseudonymiser

CODE = re.compile(r"[0-9A-Za-z]{6,}")
MAX_QUOTED = 40
# full-width ASCII (！ … ～) and the ideographic space, folded one character for one
FOLD = {**{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}
SEPARATED = re.compile(r"[0-9A-Za-z](?:[ \-‐‑–—·.]?[0-9A-Za-z]){8,}")
SEPARATOR = re.compile(r"[^0-9A-Za-z]")
DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}")
MIN_SEPARATED = 9


def scrub(p: Pseudonymiser, text: str) -> str:
    folded = text.translate(FOLD)
    out, i = [], 0
    while i < len(text):
        j, quoted = _quoted(p, text, folded, i)
        if j:
            out.append(p.map("derived", quoted))
            i = j
            continue
        found = SEPARATED.match(folded, i) if i == 0 or not _alnum(folded[i - 1]) else None
        replaced = _separated(p, found.group(0)) if found else None
        if found and replaced is not None:
            out.append(replaced)
            i = found.end()
        else:
            out.append(text[i])
            i += 1
    return CODE.sub(lambda m: m.group(0) if m.group(0) in p.used
                    else p.map("token", m.group(0)), "".join(out))


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _quoted(p: Pseudonymiser, text: str, folded: str, i: int) -> tuple[int, str]:
    """The end of the longest original quoted at ``i``, as written or folded, and that original
    (0 and "" when none is)."""
    for j in range(min(len(text), i + MAX_QUOTED), i + 1, -1):
        for piece in (text[i:j], folded[i:j]):
            if piece in p.originals:
                return j, piece
    return 0, ""


def _separated(p: Pseudonymiser, piece: str) -> str | None:
    """The pseudonym or keyed token for a number written with separators or full-width; None
    when ``piece`` is written plainly (the code rule sees it) or is a date or short number."""
    compact = SEPARATOR.sub("", piece)
    if compact == piece:
        return None
    if compact in p.originals:
        return p.map("derived", compact)
    if len(compact) >= MIN_SEPARATED and not DATE.match(piece):
        return p.map("token", compact)
    return None
