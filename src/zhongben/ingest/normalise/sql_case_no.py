"""SQL for 案号 cells and the parts derived from a canonical case number, mirroring ``case_no``."""

from __future__ import annotations

from zhongben.identifiers import case_no
from zhongben.ingest.normalise.sql_text import fold_brackets_sql, fold_sql, lit, remove_blanks_sql

_GROUPS = "['y', 'court', 'type', 'seq', 'suffix']"
_CANONICAL_NEW = (
    case_no.NEW_PATTERN.replace(r"\(?", r"\(", 1).replace(r"\)?", r"\)", 1).replace("号?", "号", 1)
)
_CANONICAL_LEGACY = (
    case_no.LEGACY_PATTERN.replace(r"\(?", r"\(", 1)
    .replace(r"\)?", r"\)", 1)
    .replace("字第?", "字第", 1)
    .replace("号?", "号", 1)
)


def fold_case_no_sql(raw: str) -> str:
    return f"nullif({remove_blanks_sql(fold_brackets_sql(fold_sql(raw)))}, '')"


def _extract(text: str, pattern: str) -> str:
    return f"regexp_extract({text}, {lit('^' + pattern + '$')}, {_GROUPS})"


def _seq(group: str) -> str:
    return f"coalesce(nullif(ltrim({group}, '0'), ''), '0')"


def case_no_sql(raw: str) -> str:
    """Canonical form when it parses, else the folded text, empty → NULL."""
    text = fold_case_no_sql(raw)
    new = _extract(text, case_no.NEW_PATTERN)
    old = _extract(text, case_no.LEGACY_PATTERN)
    new_form = f"'(' || {new}.y || ')' || {new}.court || {new}.type || {_seq(f'{new}.seq')} || '号' || {new}.suffix"  # noqa: E501
    old_form = (
        f"'(' || {old}.y || ')' || {old}.court || {old}.type || '字第' || {_seq(f'{old}.seq')} "
        f"|| '号' || {old}.suffix"
    )
    slow = (
        f"CASE WHEN {new}.y <> '' THEN {new_form} WHEN {old}.y <> '' THEN {old_form} "
        f"ELSE {text} END"
    )
    fast = f"regexp_full_match({raw}, {lit(_CANONICAL_NEW.replace('([0-9]+)', '([1-9][0-9]*)'))})"
    return f"CASE WHEN {fast} THEN {raw} ELSE {slow} END"


def case_no_parts_sql(canonical: str) -> dict[str, str]:
    """court_code, case_year (INTEGER) and case_type from a canonical case_no expression; NULL for
    a case number kept as text because it did not parse."""
    new = _extract(canonical, _CANONICAL_NEW)
    old = _extract(canonical, _CANONICAL_LEGACY)

    def pick(group: str) -> str:
        return (
            f"CASE WHEN {new}.y <> '' THEN {new}.{group} WHEN {old}.y <> '' THEN {old}.{group} END"
        )

    return {
        "court_code": pick("court"),
        "case_year": f"CAST({pick('y')} AS INTEGER)",
        "case_type": pick("type"),
    }
