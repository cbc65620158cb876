"""The SQL tiers of the fast path: for each common, already-clean form of a raw cell, an exact
guard on the raw text and the DuckDB cast that reads it as the reference does. A cell that no tier
guards falls through to the reference, run as a UDF (``udfs``)."""

from __future__ import annotations

from zhongben.identifiers import case_no, courts, id_card, uscc
from zhongben.ingest.normalise import dates
from zhongben.ingest.sql_text import literal

Tier = tuple[str, str]  # (guard, value) SQL expressions


def lit(text: str) -> str:
    """A SQL string literal (never NULL: the tiers quote patterns and codes)."""
    return literal(text)


def full_match(raw: str, pattern: str) -> str:
    return f"regexp_full_match({raw}, {lit(pattern)})"


def chain(raw: str, tiers: list[Tier], fallback: str, retry: bool = False) -> str:
    """CASE over the tiers in order, else the fallback; NULL for an empty cell. With ``retry`` a
    tier whose cast gives NULL hands the cell to the fallback too (the reference may read what
    DuckDB's cast refuses, e.g. a trailing non-ASCII blank)."""
    arms = " ".join(
        f"WHEN {guard} THEN {f'coalesce({value}, {fallback})' if retry else value}"
        for guard, value in tiers
    )
    return f"CASE WHEN {raw} IS NULL OR {raw} = '' THEN NULL {arms} ELSE {fallback} END"


# --- dates -----------------------------------------------------------------------------------
SEP_DATE = r"[1-9][0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
TIME = r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?"
DASH_SLASH_DATE_TIME = rf"[1-9][0-9]{{3}}[-/][0-9]{{1,2}}[-/][0-9]{{1,2}}[ T]{TIME}"
CN_DATE = r"[1-9][0-9]{3}年[0-9]{1,2}月[0-9]{1,2}[日号]?"
CN_FORMATS = "['%Y年%m月%d日', '%Y年%m月%d号', '%Y年%m月%d']"  # the forms CN_DATE allows


def _iso_guard(raw: str) -> str:
    """YYYY-MM-DD shaped, first character 1–9 (what DuckDB's cast reads beyond that, e.g. a
    trailing ASCII blank, the reference reads alike; what it refuses goes to the reference)."""
    return f"({raw} LIKE '____-__-__' AND {raw} >= '1' AND {raw} < ':')"


def _dashed(raw: str) -> str:
    return f"replace(replace({raw}, '/', '-'), '.', '-')"


def _serial_guard(raw: str) -> str:
    return (
        f"(({raw} LIKE '_____' OR {raw} LIKE '_____.%') "
        f"AND {full_match(raw, dates.SERIAL_PATTERN)} AND try_cast(substr({raw}, 1, 5) AS INTEGER) "
        f"BETWEEN {dates.SERIAL_MIN} AND {dates.SERIAL_MAX})"
    )


def _serial_seconds(raw: str) -> str:
    """Seconds since 1899-12-30 of an Excel serial, rounded half-up as the reference does."""
    return f"CAST(floor(CAST({raw} AS DOUBLE) * 86400 + 0.5) AS BIGINT)"


def serial_timestamp(raw: str) -> str:
    return f"(TIMESTAMP '1899-12-30' + to_seconds({_serial_seconds(raw)}))"


def serial_date(raw: str) -> str:
    return f"(DATE '1899-12-30' + CAST({_serial_seconds(raw)} // 86400 AS INTEGER))"


def _iso_time_guard(raw: str) -> str:
    """YYYY-MM-DD HH:MM:SS shaped with hour < 24 (DuckDB rolls 24:00:00 over to the next day, the
    reference refuses it; minute or second 60 DuckDB refuses too)."""
    return (
        f"({raw} LIKE '____-__-__ __:__:__' AND {raw} >= '1' AND {raw} < ':' "
        f"AND substr({raw}, 12, 2) < '24')"
    )


def _slash_guard(raw: str) -> str:
    """YYYY/M/D (8–10 bytes): DuckDB's cast reads it (and a trailing ASCII blank) as the
    reference does."""
    return f"({raw} LIKE '____/%' AND {raw} >= '1' AND {raw} < ':' AND strlen({raw}) <= 10)"


def _date_and_stamp_tiers(raw: str) -> list[tuple[str, str, str]]:
    """(guard, DATE value, TIMESTAMP value), cheapest guards first; a cast that fails hands the
    cell to the reference (``chain(retry=True)``)."""
    stamp = f"try_cast({raw} AS TIMESTAMP)"
    any_stamp = f"try_cast(replace(replace({raw}, 'T', ' '), '/', '-') AS TIMESTAMP)"
    # strptime reads a shape the guard has checked three times faster than casting a rebuilt
    # string (and a day that does not exist, e.g. 2月30日, gives NULL: the reference says why).
    compact = f"CAST(try_strptime({raw}, '%Y%m%d') AS DATE)"
    serial = serial_timestamp(raw)
    sep_shaped = f"({raw} LIKE '____-%' OR {raw} LIKE '____/%' OR {raw} LIKE '____.%')"
    dated = [
        (_iso_guard(raw), f"try_cast({raw} AS DATE)"),
        (_slash_guard(raw), f"try_cast({raw} AS DATE)"),
        (f"{sep_shaped} AND {full_match(raw, SEP_DATE)}", f"try_cast({_dashed(raw)} AS DATE)"),
        (
            f"strlen({raw}) = 8 AND {full_match(raw, '[1-9][0-9]{7}')}",
            compact,
        ),
    ]
    chinese = f"CAST(try_strptime({raw}, {CN_FORMATS}) AS DATE)"
    return [
        (dated[0][0], dated[0][1], f"CAST({dated[0][1]} AS TIMESTAMP)"),
        (_iso_time_guard(raw), f"CAST({stamp} AS DATE)", stamp),
        *[(guard, value, f"CAST({value} AS TIMESTAMP)") for guard, value in dated[1:]],
        (_serial_guard(raw), serial_date(raw), serial),
        (
            f"contains({raw}, ':') AND {full_match(raw, DASH_SLASH_DATE_TIME)}",
            f"CAST({any_stamp} AS DATE)",
            any_stamp,
        ),
        (
            f"contains({raw}, '年') AND {full_match(raw, CN_DATE)}",
            chinese,
            f"CAST({chinese} AS TIMESTAMP)",
        ),
    ]


def date_tiers(raw: str) -> list[Tier]:
    """DATE tiers; each value is a DATE."""
    return [(guard, value) for guard, value, _ in _date_and_stamp_tiers(raw)]


def timestamp_tiers(raw: str) -> list[Tier]:
    """TIMESTAMP tiers: midnight for a date, with the time where one is written."""
    return [(guard, value) for guard, _, value in _date_and_stamp_tiers(raw)]


def month_tiers(raw: str) -> list[Tier]:
    """MONTH tiers (first day of the month)."""
    yyyymm = f"substr({raw}, 1, 4) || '-' || substr({raw}, 5, 2) || '-01'"
    return [
        (
            full_match(raw, r"[1-9][0-9]{3}[-/.][0-9]{1,2}"),
            f"try_cast({_dashed(raw)} || '-01' AS DATE)",
        ),
        (full_match(raw, "[1-9][0-9]{5}"), f"try_cast({yyyymm} AS DATE)"),
        (_iso_guard(raw), f"CAST(date_trunc('month', try_cast({raw} AS DATE)) AS DATE)"),
    ]


# --- numbers -----------------------------------------------------------------------------------
COMMA_AMOUNT = r"-?[0-9]{1,3}(,[0-9]{3}){1,4}(\.[0-9]+)?"
YUAN_AMOUNT = r"[¥￥]?-?([0-9]{1,15}|[0-9]{1,3}(,[0-9]{3}){1,4})(\.[0-9]+)?元?"
WAN_AMOUNT = r"-?[0-9]{1,11}(\.[0-9]{1,7})?万元?"


def amount_value(raw: str, fallback: str) -> str:
    """Plain numbers go straight to DuckDB's DECIMAL cast, which reads them as the reference does
    once exponents and digit separators (``1e3``, ``1_000``) are kept away; thousands commas,
    ¥/元 and 万 have tiers of their own. A failing cast is slow in DuckDB, so each guard keeps the
    other forms away from it; a guarded cast that still fails goes to the reference."""
    plain = (
        f"{raw} >= '+' AND {raw} < ':' AND NOT contains({raw}, ',') AND NOT contains({raw}, '_') "
        f"AND NOT contains({raw}, 'e') AND NOT contains({raw}, 'E') "
        f"AND {raw} NOT LIKE '%元' AND {raw} NOT LIKE '%万'"
    )
    marked = f"({raw} LIKE '%元' OR {raw} LIKE '¥%' OR {raw} LIKE '￥%')"
    yuan = f"{marked} AND {full_match(raw, YUAN_AMOUNT)}"
    bare = f"replace(replace(replace(replace({raw}, '¥', ''), '￥', ''), '元', ''), ',', '')"
    wan = f"({raw} LIKE '%万' OR {raw} LIKE '%万元') AND {full_match(raw, WAN_AMOUNT)}"
    # At most 7 decimals: × 10 000 then rounding to fen equals rounding the exact value.
    wan_value = f"CAST(CAST(rtrim({raw}, '万元') AS DECIMAL(38,7)) * 10000 AS DECIMAL(38,2))"
    tiers = [
        (plain, f"try_cast({raw} AS DECIMAL(18,2))"),
        (f"{full_match(raw, COMMA_AMOUNT)}", f"try_cast(replace({raw}, ',', '') AS DECIMAL(18,2))"),
        (yuan, f"try_cast({bare} AS DECIMAL(18,2))"),
        (wan, f"try_cast({wan_value} AS DECIMAL(18,2))"),
    ]
    return chain(raw, tiers, fallback, retry=True)


def number_tiers(raw: str) -> list[Tier]:
    return [(full_match(raw, r"-?[0-9]{1,15}(\.[0-9]{1,15})?"), f"CAST({raw} AS DOUBLE)")]


def integer_tiers(raw: str) -> list[Tier]:
    return [(full_match(raw, "-?[0-9]{1,9}"), f"CAST({raw} AS INTEGER)")]


# --- IDs ---------------------------------------------------------------------------------------
ID18 = "[0-9]{17}[0-9X]"
USCC18 = f"[{uscc.CHARSET}]{{18}}"


def _digit(raw: str, pos: int) -> str:
    return f"(ascii(substr({raw}, {pos}, 1)) - 48)"


def person_valid(raw: str) -> str:
    """``id_card.is_valid`` for a raw cell already matching ID18."""
    terms = " + ".join(f"{_digit(raw, i + 1)} * {w}" for i, w in enumerate(id_card.WEIGHTS))
    check = f"substr({lit(id_card.CHECK_CHARS)}, ({terms}) % 11 + 1, 1)"
    born = f"substr({raw}, 7, 4) || '-' || substr({raw}, 11, 2) || '-' || substr({raw}, 13, 2)"
    return (
        f"({check} = substr({raw}, 18, 1) AND substr({raw}, 7, 4) >= '{id_card.MIN_BIRTH_YEAR}' "
        f"AND try_cast({born} AS DATE) IS NOT NULL)"
    )


def uscc_valid(raw: str) -> str:
    """``uscc.is_valid`` for a raw cell already matching USCC18."""
    charset = lit(uscc.CHARSET)
    terms = " + ".join(
        f"(strpos({charset}, substr({raw}, {i + 1}, 1)) - 1) * {w}"
        for i, w in enumerate(uscc.WEIGHTS)
    )
    return f"(substr({charset}, (31 - ({terms}) % 31) % 31 + 1, 1) = substr({raw}, 18, 1))"


# --- case numbers ------------------------------------------------------------------------------
CANONICAL_NEW = (
    case_no.NEW_PATTERN.replace(r"\(?", r"\(", 1).replace(r"\)?", r"\)", 1).replace("号?", "号", 1)
)
CANONICAL_LEGACY = (
    case_no.LEGACY_PATTERN.replace(r"\(?", r"\(", 1)
    .replace(r"\)?", r"\)", 1)
    .replace("字第?", "字第", 1)
    .replace("号?", "号", 1)
)
# Splits a number already known to match CANONICAL_NEW into year, court and type.
NEW_PARTS = rf"^\(([0-9]{{4}})\)({courts.SUPREME}|.[0-9]*)([^0-9]+)[0-9]"
CANONICAL_NEW_NO_ZERO = CANONICAL_NEW.replace("([0-9]+)", "([1-9][0-9]*)", 1)
# The same with the year in full-width or CJK brackets, as Chinese ledgers usually write it.
WIDE_BRACKETS_NEW = CANONICAL_NEW_NO_ZERO.replace(r"\(", "[（〔【［]", 1).replace(
    r"\)", "[）〕】］]", 1
)


def canonical_new(raw: str) -> str:
    """The cell is a new-scheme case number written canonically (its own value)."""
    return full_match(raw, CANONICAL_NEW_NO_ZERO)


def case_no_tiers(raw: str, canonical: str | None = None) -> list[Tier]:
    """Canonical already (``canonical``: ``canonical_new(raw)`` computed once by the caller); or
    canonical but for the brackets around the year."""
    rebracketed = f"'(' || substr({raw}, 2, 4) || ')' || substr({raw}, 7)"
    return [
        (canonical or canonical_new(raw), raw),
        (full_match(raw, WIDE_BRACKETS_NEW), rebracketed),
    ]


# Characters that ``width.clean_code`` changes or removes: a cell without any is its own code.
CODE_CHANGERS = r"[^a-z \t\n\r\x{0B}\x{0C}\x{A0}\x{200B}\x{FEFF}\x{3000}\x{FF01}-\x{FF5E}]+"
