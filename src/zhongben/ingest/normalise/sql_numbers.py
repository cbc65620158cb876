"""SQL for AMOUNT, NUMBER and INTEGER cells, mirroring ``amounts``."""

from __future__ import annotations

from zhongben.ingest.normalise import amounts
from zhongben.ingest.normalise.sql_text import clean_sql, lit, remove_blanks_sql

MAX_WHOLE_DIGITS = 20  # beyond this an amount is out of DECIMAL(18,2) whatever its unit


def compact_sql(raw: str) -> str:
    """Cleaned with every blank removed (``amounts._compact``)."""
    return remove_blanks_sql(clean_sql(raw))


def _extract(text: str, pattern: str, groups: str) -> str:
    return f"regexp_extract({text}, {lit('^' + pattern + '$')}, {groups})"


def amount_sql(raw: str) -> str:
    text = compact_sql(raw)
    p = _extract(text, amounts.AMOUNT_PATTERN, "['n1', 'n2', 'w', 'f', 'u']")
    whole = f"replace({p}.w, ',', '')"
    base = f"CAST({whole} || '.' || coalesce(nullif(left({p}.f, 7), ''), '0') AS DECIMAL(38,7))"
    scaled = f"CASE WHEN {p}.u LIKE '万%' THEN {base} * 10000 ELSE {base} END"
    signed = f"CASE WHEN {p}.n1 <> '' OR {p}.n2 <> '' THEN -{scaled} ELSE {scaled} END"
    slow = (
        f"CASE WHEN {p}.w <> '' AND NOT ({p}.n1 <> '' AND {p}.n2 <> '') "
        f"AND length(ltrim({whole}, '0')) <= {MAX_WHOLE_DIGITS} "
        f"THEN try_cast(CAST({signed} AS DECIMAL(38,2)) AS DECIMAL(18,2)) END"
    )
    fast = f"regexp_full_match({raw}, '-?[0-9]{{1,15}}(\\.[0-9]{{1,2}})?')"
    return f"CASE WHEN {fast} THEN CAST({raw} AS DECIMAL(18,2)) ELSE {slow} END"


def number_sql(raw: str) -> str:
    text = compact_sql(raw)
    p = _extract(text, amounts.NUMBER_PATTERN, "['sign', 'w', 'f', 'e', 'pct']")
    literal = (
        f"{p}.sign || coalesce(nullif(replace({p}.w, ',', ''), ''), '0') || '.' "
        f"|| coalesce(nullif({p}.f, ''), '0') || 'e' || coalesce(nullif({p}.e, ''), '0')"
    )
    value = f"try_cast({literal} AS DOUBLE)"
    scaled = f"CASE WHEN {p}.pct <> '' THEN {value} / 100 ELSE {value} END"
    return f"CASE WHEN ({p}.w <> '' OR {p}.f <> '') AND isfinite({scaled}) THEN {scaled} END"


def integer_sql(raw: str) -> str:
    text = compact_sql(raw)
    p = _extract(text, amounts.INTEGER_PATTERN, "['sign', 'w']")
    digits = f"CASE WHEN {p}.sign = '-' THEN '-' ELSE '' END || replace({p}.w, ',', '')"
    return f"CASE WHEN {p}.w <> '' THEN try_cast({digits} AS INTEGER) END"


def error_sql(raw: str, value: str, reason: str) -> str:
    text = compact_sql(raw)
    return f"CASE WHEN ({value}) IS NULL AND {text} IS NOT NULL THEN {lit(reason)} || {text} END"
