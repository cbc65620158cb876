"""SQL building blocks shared by the fast path: literals, width folding, cleaning, codes.

Every function takes a SQL expression (text) and returns one; they mirror ``identifiers.width``.
"""

from __future__ import annotations

from zhongben.identifiers.width import (
    ASCII_BRACKETS,
    BLANKS,
    CJK_BRACKETS,
    FULL_WIDTH,
    HALF_WIDTH,
    LOWER,
    UPPER,
)

FULL_WIDTH_CLASS = "[\\x{FF01}-\\x{FF5E}\\x{3000}]"
BLANK_CLASS = "[" + BLANKS + "]"
# Characters that ``upper`` would change and Python's ASCII-only upper-casing would not.
NON_ASCII_CASED_CLASS = "[^\\x{0}-\\x{7F}\\x{2E80}-\\x{9FFF}\\x{FF01}-\\x{FFEF}]"


def lit(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def let_sql(expr: str, name: str, body: str) -> str:
    """``body`` with ``name`` bound to the value of ``expr``, computed once.

    Builders reference their input many times (a checksum reads 17 characters); substituting a
    large input expression into each reference makes the SQL grow exponentially. A one-element
    lambda binds it once instead.
    """
    return f"list_transform([{expr}], lambda {name}: {body})[1]"


def fold_sql(raw: str) -> str:
    """Full-width ASCII and U+3000 to ASCII; the translate only runs where one is present."""
    return (
        f"CASE WHEN regexp_matches({raw}, {lit(FULL_WIDTH_CLASS)}) "
        f"THEN translate({raw}, {lit(FULL_WIDTH)}, {lit(HALF_WIDTH)}) ELSE {raw} END"
    )


def clean_sql(raw: str) -> str:
    """Folded, stripped, empty → NULL (``width.clean``)."""
    return f"nullif(trim({fold_sql(raw)}, {lit(BLANKS)}), '')"


def remove_blanks_sql(text: str) -> str:
    return f"regexp_replace({text}, {lit(BLANK_CLASS)}, '', 'g')"


def ascii_upper_sql(text: str) -> str:
    """Upper-case ASCII letters only: ``upper`` where no other cased letter is present."""
    return (
        f"CASE WHEN regexp_matches({text}, {lit(NON_ASCII_CASED_CLASS)}) "
        f"THEN translate({text}, {lit(LOWER)}, {lit(UPPER)}) ELSE upper({text}) END"
    )


def clean_code_sql(raw: str) -> str:
    """Folded, blanks removed, ASCII upper-cased, empty → NULL (``width.clean_code``)."""
    return f"nullif({ascii_upper_sql(remove_blanks_sql(fold_sql(raw)))}, '')"


def fold_brackets_sql(text: str) -> str:
    return f"translate({text}, {lit(CJK_BRACKETS)}, {lit(ASCII_BRACKETS)})"


def text_sql(raw: str) -> str:
    """A TEXT cell: a plain ASCII-free-of-blanks fast path skips the fold."""
    return clean_sql(raw)


def code_sql(raw: str) -> str:
    """A CODE cell; a value already upper-case ASCII alphanumerics is taken as it is."""
    return (
        f"CASE WHEN regexp_full_match({raw}, '[0-9A-Z]+') THEN {raw} ELSE {clean_code_sql(raw)} END"
    )
