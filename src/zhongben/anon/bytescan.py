"""The leak check's second half: the raw bytes of an exported file scanned for original values,
whatever table, block or free page they sit in. It relies on the export writing strings
uncompressed (``zhongben.engine.fresh_copy``); a compressed file would hide most of them.

Looked for: identifiers of fifteen or more letters and digits (ID numbers, USCCs,
accounts) inside any run of letters and digits; person names as a whole run of Han characters
(a name inside other words is the SQL half's job, which knows the column); every other original
of six or more characters that holds a non-ASCII character (addresses, case numbers, company
names) anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

CHUNK = 32 << 20
OVERLAP = 512
TOKEN = re.compile(rb"[0-9A-Za-z]{11,}")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
WIDE = re.compile(r"[^\x00-\x7f\ufffd]")
# Strings lie side by side in the file: a window across two pseudonyms of digits matches an
# original of eleven digits (a phone) by chance about once per 10^11 windows per original, which
# a county's file reaches; at fifteen (IDs, USCCs, accounts) it is some 10^-4 per export. Phones
# and plates are checked cell by cell by the SQL half.
MIN_ASCII, MIN_WIDE = 15, 6


def byte_leaks(path: Path, known: set[str], names: set[str], limit: int = 20) -> list[str]:
    ascii_known = {v.encode() for v in known if v.isascii() and v.isalnum() and len(v) >= MIN_ASCII}
    sizes = sorted({len(v) for v in ascii_known})
    index = _wide_index(v for v in known if len(v) >= MIN_WIDE and not v.isascii())
    found: dict[str, None] = {}
    for chunk in _chunks(path):
        for value in _in_chunk(chunk, ascii_known, sizes, names, index):
            found[value] = None
            if len(found) >= limit:
                return list(found)
    return list(found)


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        tail = b""
        while block := handle.read(CHUNK):
            yield tail + block
            tail = block[-OVERLAP:]


def _wide_index(values: Iterator[str]) -> dict[str, list[tuple[int, str]]]:
    """Each value under the two characters at its first non-ASCII character, with that offset."""
    index: dict[str, list[tuple[int, str]]] = {}
    for value in values:
        at = next(i for i, ch in enumerate(value) if not ch.isascii())
        index.setdefault(value[at:at + 2], []).append((at, value))
    return index


def _in_chunk(chunk: bytes, ascii_known: set[bytes], sizes: list[int], names: set[str],
              index: dict[str, list[tuple[int, str]]]) -> Iterator[str]:
    for match in TOKEN.finditer(chunk):
        token = match.group(0)
        for n in sizes:
            for i in range(len(token) - n + 1):
                if token[i:i + n] in ascii_known:
                    yield token[i:i + n].decode()
    text = chunk.decode("utf-8", "replace")
    for run in HAN_RUN.finditer(text):
        if run.group(0) in names:
            yield run.group(0)
    for wide in WIDE.finditer(text):
        i = wide.start()
        for at, value in index.get(text[i:i + 2], ()):
            if at <= i and text.startswith(value, i - at):
                yield value
