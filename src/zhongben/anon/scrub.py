"""Free text scrubbed: every original value the export replaces elsewhere (a name, an ID, a case
number, an address …) is replaced where the text quotes it, longest first, by its pseudonym;
what remains that looks like a number or code (six or more letters and digits) is replaced by a
keyed token of the same shape. Category words (无财产, 工资, 已查封) stay, so rules reading them
still work."""

from __future__ import annotations

import re

from zhongben.anon.pseudonyms import Pseudonymiser

CODE = re.compile(r"[0-9A-Za-z]{6,}")
MAX_QUOTED = 40


def scrub(p: Pseudonymiser, text: str) -> str:
    out, i = [], 0
    while i < len(text):
        for j in range(min(len(text), i + MAX_QUOTED), i + 1, -1):
            piece = text[i:j]
            if piece in p.originals:
                out.append(p.map("derived", piece))
                i = j
                break
        else:
            out.append(text[i])
            i += 1
    return CODE.sub(lambda m: m.group(0) if m.group(0) in p.used
                    else p.map("token", m.group(0)), "".join(out))
