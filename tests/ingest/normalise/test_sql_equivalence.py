"""The SQL fast path returns exactly what the Python reference returns, cell by cell, on batches of
generated values written every accepted way and on junk made of the characters the forms use."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from id_strategies import case_parts, full_width, legacy_parts, person_ids, usccs
from value_strategies import (
    AMOUNT_FORMS,
    AMOUNTS,
    DATE_FORMS,
    DATES,
    EXCEL_DATES,
    TIMESTAMP_FORMS,
    excel_serial,
    render_amount,
    render_date,
    render_timestamp,
)

from zhongben.contracts import table
from zhongben.contracts.model import Column, Kind
from zhongben.ingest.normalise.reference import normalise
from zhongben.ingest.normalise.sql import (
    case_no_part,
    case_no_parts_sql,
    case_no_sql,
    column_sql,
)
from zhongben.ingest.normalise.sql_tiers import canonical_new

SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
BLANKS = " \t\xa0\u3000\u200b\ufeff"


def run_sql(
    con: duckdb.DuckDBPyConnection, columns: list[Column], raws: list[str | None]
) -> list[list[tuple[Any, Any, Any]]]:
    """Per column, the (value, error, invalid) the SQL gives for each raw cell (one query)."""
    exprs = []
    for column in columns:
        sql = column_sql(column, '"raw"')
        exprs += [sql.value, sql.error, sql.invalid or "NULL"]
    ids = pa.array(range(len(raws)), pa.int32())
    con.register("batch", pa.table({"i": ids, "raw": pa.array(raws, pa.string())}))
    rows = con.execute(f"SELECT {', '.join(exprs)} FROM batch ORDER BY i").fetchall()
    con.unregister("batch")
    return [[tuple(row[3 * k : 3 * k + 3]) for row in rows] for k in range(len(columns))]


def assert_equivalent(
    con: duckdb.DuckDBPyConnection, columns: Column | list[Column], raws: list[str | None]
) -> None:
    columns = columns if isinstance(columns, list) else [columns]
    for column, results in zip(columns, run_sql(con, columns, raws), strict=True):
        for raw, got in zip(raws, results, strict=True):
            ref = normalise(column, raw)
            want = (ref.value, ref.error, ref.invalid)
            assert got == want, f"{column.name} {column.kind} {raw!r}: {got} != {ref}"
            assert ref.value is None or type(got[0]) is type(ref.value)


def junk(alphabet: str, max_size: int = 24) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet + BLANKS, max_size=max_size)


def batch_of(*valid: st.SearchStrategy[str], noise: str) -> st.SearchStrategy[list[str | None]]:
    cell = st.one_of(*valid, junk(noise), st.none(), st.sampled_from(["", " ", "\u3000"]))
    return st.lists(cell, min_size=1, max_size=40)


def _column(kind: Kind) -> Column:
    return Column("c", "c", kind)


DATE_NOISE = "0123456789-/.:T 年月日号〇一二三四五六七八九十零OＯ○０１２"
dates_written = st.builds(render_date, DATES, st.sampled_from(DATE_FORMS[:8] + DATE_FORMS[10:]))
excel_written = st.builds(render_date, EXCEL_DATES, st.sampled_from(["excel", "excel_float"]))
moments = st.datetimes(datetime(1000, 1, 1), datetime(9999, 12, 31))
stamps_written = st.builds(render_timestamp, moments, st.sampled_from(TIMESTAMP_FORMS))
serial_stamps = st.builds(excel_serial, st.datetimes(datetime(1927, 6, 1), datetime(2119, 1, 1)))


@st.composite
def date_shapes(draw: st.DrawFn) -> str:
    """Dates and times assembled from out-of-range parts, pads and separators: the near misses
    of the SQL tiers' guards."""
    year = draw(st.sampled_from(["2023", "0023", " 023", "-023", "1999", "9999", "1000"]))
    part = st.integers(0, 99).map(lambda n: draw(st.sampled_from([f"{n:02d}", str(n)])))
    sep = st.sampled_from(["-", "/", ".", " ", "年"])
    text = f"{year}{draw(sep)}{draw(part)}{draw(sep)}{draw(part)}"
    if draw(st.booleans()):
        text += draw(st.sampled_from([" ", "T", "  ", ""])) + f"{draw(part)}:{draw(part)}"
        text += draw(st.sampled_from(["", f":{draw(part)}", f":{draw(part)}.5"]))
    return text + draw(st.sampled_from(["", "", " ", "\xa0", "x", "BC", " (BC)"]))


shaped_dates = st.one_of(
    date_shapes(),
    st.from_regex(r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,3}", fullmatch=True),
    # Near misses of the SQL tiers' shapes: a stray sign, blank or letter where a digit goes.
    st.from_regex(r"[-+ 0-9]{4}[-/][0-9 ]{1,2}[-/][0-9 x\xa0]{1,3}", fullmatch=True),
    st.from_regex(
        r"[12][0-9]{3}-[01][0-9]-[0-3][0-9][ T][0-9ax ]{1,2}:[0-6][0-9](:[0-6][0-9])?",
        fullmatch=True,
    ),
    st.from_regex(r"[0-9]{5}(\.[0-9]{0,4})?|[0-9]{4,6}", fullmatch=True),
)
month_written = st.from_regex(r"[0-9]{4}([-/.年][0-9]{1,2}月?|[0-9]{2})", fullmatch=True)


@pytest.mark.slow
@SETTINGS
@given(batch=batch_of(dates_written, excel_written, stamps_written, shaped_dates, noise=DATE_NOISE))
def test_dates(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    assert_equivalent(con, _column(Kind.DATE), batch)


NEAR_MISSES = [
    "2023-05-12 24:00:00",
    "2023-05-12 23:60:00",
    "2023-05-12 23:59:60",
    "2023-05-12 1:00:00",
    "0023-05-12",
    " 023-05-12",
    "-023-05-12",
    "2023-05-1\xa0",
    "2023-05-1 ",
    "2023/1/1 (BC)",
    "2023/1/1BC",
    "2023/1/1 ",
    "2023/1/1x",
    "2023/13/1",
    "2023-02-29",
    "2024-02-29",
    "9999",
    "10000",
    "80001",
    "45000.",
    "45000.5",
    "2023年5月12日 14:03",
    "20230230",
    "2023.5.12",
    "+5",
    ".5",
    "1e3",
    "1_000",
    "1,000",
    "1,00",
    "--1",
    "+-1",
    "inf",
    "nan",
    "0x10",
]


def test_near_misses(con: duckdb.DuckDBPyConnection) -> None:
    kinds = (Kind.DATE, Kind.TIMESTAMP, Kind.MONTH, Kind.AMOUNT, Kind.NUMBER, Kind.INTEGER)
    assert_equivalent(con, [_column(kind) for kind in kinds], NEAR_MISSES)


@SETTINGS
@given(batch=batch_of(stamps_written, serial_stamps, dates_written, shaped_dates, noise=DATE_NOISE))
def test_timestamps(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    assert_equivalent(con, _column(Kind.TIMESTAMP), batch)


@SETTINGS
@given(batch=batch_of(month_written, dates_written, excel_written, noise=DATE_NOISE))
def test_months(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    assert_equivalent(con, _column(Kind.MONTH), batch)


AMOUNT_NOISE = "0123456789,.-+¥￥万元eE_x%，．０１"
amounts_written = st.builds(render_amount, AMOUNTS, st.sampled_from(AMOUNT_FORMS))
numbers_written = st.from_regex(r"-?[0-9]{1,18}(\.[0-9]{0,12})?", fullmatch=True)
float_reprs = st.floats(allow_nan=False, allow_infinity=False).map(repr)


@SETTINGS
@given(batch=batch_of(amounts_written, numbers_written, float_reprs, noise=AMOUNT_NOISE))
def test_amounts(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    assert_equivalent(con, _column(Kind.AMOUNT), batch)


@SETTINGS
@given(batch=batch_of(numbers_written, float_reprs, amounts_written, noise=AMOUNT_NOISE))
def test_numbers(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    assert_equivalent(con, [_column(Kind.NUMBER), _column(Kind.INTEGER)], batch)


ID_NOISE = "0123456789Xx*×ABCDEFGHJKLMNPQRTUWXYIOSVZ"
ids_written = st.one_of(
    person_ids(),
    person_ids().map(str.lower),
    person_ids().map(full_width),
    person_ids(1900, 1999).map(lambda n: n[:6] + n[8:17]),
    person_ids().map(lambda n: n[:10] + "****" + n[14:]),
    usccs(),
    usccs().map(str.lower),
    st.from_regex(r"[0-9]{17}[0-9X]|[0-9]{15}", fullmatch=True),
)


@pytest.mark.slow
@SETTINGS
@given(batch=batch_of(ids_written, noise=ID_NOISE))
def test_ids(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    kinds = (Kind.PERSON_ID, Kind.USCC, Kind.PARTY_ID)
    assert_equivalent(con, [_column(kind) for kind in kinds], batch)


def _case_no(parts: tuple[int, str, str, int, str], legacy: bool, how: int) -> str:
    year, court, type_code, seq, suffix = parts
    body = f"{court}{type_code}{'字第' if legacy else ''}{'0' * (how % 2)}{seq}号{suffix}"
    forms = [f"({year}){body}", f"（{year}）{body}", f"〔{year}〕{body}", f"{year}{body}"]
    return [*forms, f"【{year}］{body}", f"（{year}）{body} "][how]


case_nos_written = st.one_of(
    st.builds(_case_no, case_parts(), st.just(False), st.integers(0, 5)),
    st.builds(_case_no, legacy_parts(), st.just(True), st.integers(0, 5)),
)
CASE_NOISE = "()（）〔〕20236浙执恢民初号之一字第"


@pytest.mark.slow
@SETTINGS
@given(batch=batch_of(case_nos_written, noise=CASE_NOISE))
def test_case_numbers_and_parts(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    column = _column(Kind.CASE_NO)
    assert_equivalent(con, column, batch)
    from zhongben.identifiers.case_no import CaseNoError, parse_case_no

    court, year, type_ = (case_no_part("p", c) for c in ("court_code", "case_year", "case_type"))
    sql = column_sql(column, '"raw"').value
    shared = case_no_sql('"raw"', "canonical").value  # the guard computed once, as ingest does
    con.register("batch", pa.table({"raw": pa.array(batch, pa.string())}))
    rows = con.execute(
        f"SELECT value, {court}, {year}, {type_} FROM (SELECT value, "
        f"{case_no_parts_sql('value')} AS p FROM (SELECT {sql} AS value FROM batch))"
    ).fetchall()
    rows_shared = con.execute(
        f"SELECT value, {court}, {year}, {type_} FROM (SELECT value, "
        f"{case_no_parts_sql('value', 'canonical')} AS p FROM (SELECT {shared} AS value, "
        f"canonical FROM (SELECT raw, {canonical_new('raw')} AS canonical FROM batch)))"
    ).fetchall()
    con.unregister("batch")
    assert rows_shared == rows
    for value, court, year, type_code in rows:
        try:
            parsed = parse_case_no(value) if value is not None else None
        except CaseNoError:
            parsed = None
        expected = (parsed.court_code, parsed.year, parsed.type_code) if parsed else (None,) * 3
        assert (court, year, type_code) == expected


codes_written = st.from_regex(r"[浙A-Za-z0-9 ａＢ１\u3000\xa0-]{1,10}", fullmatch=True)


@SETTINGS
@given(batch=st.lists(st.one_of(st.text(max_size=20), codes_written, st.none()), max_size=40))
def test_text_and_codes(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    assert_equivalent(con, [_column(Kind.TEXT), _column(Kind.CODE)], batch)


ENUM_COLUMNS = [
    table("cases").column("close_method"),
    table("transactions").column("direction"),
    table("parties").column("role"),
]


@SETTINGS
@given(
    batch=st.lists(
        st.one_of(
            st.sampled_from([k for c in ENUM_COLUMNS for k in (*c.values, *c.value_synonyms)]),
            st.sampled_from(["in", "OUT", " c ", "ｄ", "终本 ", "其它", "x"]),
            st.text(max_size=6),
            st.none(),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_enums(con: duckdb.DuckDBPyConnection, batch: list[str | None]) -> None:
    assert_equivalent(con, ENUM_COLUMNS, batch)


@pytest.mark.slow
def test_every_contract_column_compiles_and_runs(con: duckdb.DuckDBPyConnection) -> None:
    from zhongben.contracts import TABLES

    samples = ["", None, "2023-05-12", "12.5", "11010519491231002X", "(2023)浙0683执1号", "是"]
    for contract in TABLES.values():
        assert_equivalent(con, list(contract.columns), samples)


def test_bad_check_digit_is_kept_as_invalid(con: duckdb.DuckDBPyConnection) -> None:
    [rows] = run_sql(con, [_column(Kind.PERSON_ID)], ["110105194912310021", "11010519491231002x"])
    assert rows == [(None, None, "110105194912310021"), ("11010519491231002X", None, None)]
    [rows] = run_sql(con, [_column(Kind.USCC)], ["91110000600037341M"])
    assert rows == [(None, None, "91110000600037341M")]


def test_typed_results(con: duckdb.DuckDBPyConnection) -> None:
    [rows] = run_sql(con, [_column(Kind.DATE)], ["2023/5/12", "二〇二三年五月十二日", "2023-02-30"])
    assert rows == [
        (date(2023, 5, 12), None, None),
        (date(2023, 5, 12), None, None),
        (None, "无法识别的日期：2023-02-30", None),
    ]
    [rows] = run_sql(con, [_column(Kind.AMOUNT)], ["123.4万元"])
    assert rows == [(Decimal("1234000.00"), None, None)]


def test_register_is_idempotent_and_loads_the_courts() -> None:
    from zhongben.ingest.normalise.sql import COURTS_TABLE, register

    connection = duckdb.connect()
    register(connection)
    register(connection)
    name = connection.execute(f"SELECT name FROM {COURTS_TABLE} WHERE code = '浙0683'").fetchone()
    assert name == ("嵊州市人民法院",)
    assert connection.execute("SELECT zb_clean(' （２０２３） ')").fetchone() == ("(2023)",)


@SETTINGS
@given(
    batch=st.lists(
        st.one_of(st.text(alphabet=st.sampled_from(f"ab中Ａ１（{BLANKS}"), max_size=6), st.none()),
        max_size=40,
    ),
    start=st.integers(0, 5),
)
def test_free_text_cleaned_a_column_at_a_time(batch: list[str | None], start: int) -> None:
    """Ingest cleans free-text columns whole (numpy over the Arrow buffers), also slices and
    arrays with NULLs; the result is the reference cell by cell."""
    from zhongben.identifiers.width import clean
    from zhongben.ingest.normalise.udfs import clean_array

    array = pa.array(batch, pa.string()).slice(min(start, len(batch)))
    assert clean_array(array).to_pylist() == [clean(v) for v in array.to_pylist()]
    chunked = pa.chunked_array([array, array], pa.string())
    assert clean_array(chunked).to_pylist() == [clean(v) for v in chunked.to_pylist()]
