"""SQL for ID columns: 身份证号 (checksum, birth date, 15→18), 统一社会信用代码, party IDs.

Each builder returns (value, invalid) SQL expressions mirroring ``identifiers``: value is the
normalised ID when valid, invalid the cleaned text when it is not (checksum failed, masked, or, for
a person or USCC column, anything that is not such an ID).
"""

from __future__ import annotations

from collections.abc import Callable

from zhongben.identifiers import id_card, uscc
from zhongben.ingest.normalise.sql_text import (
    ascii_upper_sql,
    fold_sql,
    let_sql,
    lit,
    remove_blanks_sql,
)

ID18 = "[0-9]{17}[0-9X]"
ID15 = "[0-9]{15}"
USCC18 = f"[{uscc.CHARSET}]{{18}}"
MASKED = id_card.MASKED_RE.pattern


def clean_id_sql(raw: str) -> str:
    """``id_card.clean_id`` (folded, blanks removed, ASCII upper) with empty → NULL; a value that
    is already 18 digits is taken as it is."""
    full = f"nullif({ascii_upper_sql(remove_blanks_sql(fold_sql(raw)))}, '')"
    return f"CASE WHEN regexp_full_match({raw}, '[0-9]{{18}}') THEN {raw} ELSE {full} END"


def _digit(text: str, pos: int) -> str:
    return f"(ascii(substr({text}, {pos}, 1)) - 48)"


def person_check_sql(first17: str) -> str:
    """The check character for an expression of 17 digits."""
    terms = " + ".join(f"{_digit(first17, i + 1)} * {w}" for i, w in enumerate(id_card.WEIGHTS))
    return f"substr({lit(id_card.CHECK_CHARS)}, ({terms}) % 11 + 1, 1)"


def _birth_ok(id18: str) -> str:
    born = f"substr({id18}, 7, 4) || '-' || substr({id18}, 11, 2) || '-' || substr({id18}, 13, 2)"
    return (
        f"(substr({id18}, 7, 4) >= '{id_card.MIN_BIRTH_YEAR}' "
        f"AND try_cast({born} AS DATE) IS NOT NULL)"
    )


def person_valid_sql(text: str) -> str:
    """``id_card.is_valid`` for a cleaned expression."""
    return (
        f"(regexp_full_match({text}, '{ID18}') "
        f"AND {person_check_sql(text)} = substr({text}, 18, 1) AND {_birth_ok(text)})"
    )


def upgrade_15_sql(text: str) -> str:
    first17 = f"(substr({text}, 1, 6) || '19' || substr({text}, 7, 9))"
    return f"({first17} || {person_check_sql(first17)})"


def person_value_sql(text: str) -> str:
    """The valid 18-digit number for a cleaned expression, or NULL."""
    upgraded = upgrade_15_sql(text)
    return (
        f"CASE WHEN regexp_full_match({text}, '{ID15}') "
        f"THEN CASE WHEN {person_valid_sql(upgraded)} THEN {upgraded} END "
        f"WHEN {person_valid_sql(text)} THEN {text} END"
    )


def uscc_valid_sql(text: str) -> str:
    charset = lit(uscc.CHARSET)
    terms = " + ".join(
        f"(strpos({charset}, substr({text}, {i + 1}, 1)) - 1) * {w}"
        for i, w in enumerate(uscc.WEIGHTS)
    )
    check = f"substr({charset}, (31 - ({terms}) % 31) % 31 + 1, 1)"
    return f"(regexp_full_match({text}, '{USCC18}') AND {check} = substr({text}, 18, 1))"


def _invalid(text: str, value: str) -> str:
    return f"CASE WHEN {text} IS NOT NULL AND ({value}) IS NULL THEN {text} END"


def _bound(raw: str, value_of: Callable[[str], str]) -> tuple[str, str]:
    """(value, invalid) with the cleaned input and the value each computed once."""
    value = let_sql(clean_id_sql(raw), "zb_t", value_of("zb_t"))
    invalid = let_sql(clean_id_sql(raw), "zb_t", let_sql(value_of("zb_t"), "zb_v",
                                                        _invalid("zb_t", "zb_v")))
    return value, invalid


def _person_value(text: str) -> str:
    upgraded = upgrade_15_sql(text)
    return let_sql(upgraded, "zb_u", f"CASE WHEN regexp_full_match({text}, '{ID15}') "
                   f"THEN CASE WHEN {person_valid_sql('zb_u')} THEN zb_u END "
                   f"WHEN {person_valid_sql(text)} THEN {text} END")


def person_id_sql(raw: str) -> tuple[str, str]:
    return _bound(raw, _person_value)


def uscc_sql(raw: str) -> tuple[str, str]:
    return _bound(raw, lambda text: f"CASE WHEN {uscc_valid_sql(text)} THEN {text} END")


def _party_value(text: str) -> str:
    return let_sql(_person_value(text), "zb_p", (
        f"CASE WHEN zb_p IS NOT NULL THEN zb_p "
        f"WHEN {uscc_valid_sql(text)} THEN {text} "
        f"WHEN regexp_full_match({text}, '{ID18}|{ID15}|{USCC18}') THEN NULL "
        f"WHEN length({text}) = 18 AND regexp_full_match({text}, {lit(MASKED)}) THEN NULL "
        f"ELSE {text} END"))


def party_id_sql(raw: str) -> tuple[str, str]:
    return _bound(raw, _party_value)
