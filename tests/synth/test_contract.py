"""Every generated file follows the data contract (docs: ../shared/data-contract.md)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pytest

from zhongben.contracts import TABLES, Kind
from zhongben.identifiers import id_card
from zhongben.synth.ids import USCC_CHARS, USCC_WEIGHTS

# contract tables a world may lack: the identity registries are planted with identity noise
NOT_YET: set[str] = {"identity_documents", "person_names", "id_changes", "company_history"}
CASE_NO = re.compile(r"^\((\d{4})\)浙\d{2,4}(执|执恢|民初)(\d+)号$")


def _uscc_ok(value: str) -> bool:
    if len(value) != 18 or any(ch not in USCC_CHARS for ch in value):
        return False
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(value[:17], USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31] == value[17]


def _id_ok(value: str) -> bool:
    return (
        id_card.is_valid(value)
        if value[0].isdigit()
        and value[1].isdigit()
        and (len(value) == 18 and not value.startswith("91"))
        else _uscc_ok(value)
    )


def test_every_contract_file_has_exactly_the_contract_header(world: Path) -> None:
    written = {p.stem for p in world.glob("*.csv")} - {"truth", "entities_truth"}
    assert written <= set(TABLES)
    assert set(TABLES) - written <= NOT_YET, set(TABLES) - written
    for name, table in TABLES.items():
        if name not in written:
            continue
        with (world / f"{name}.csv").open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert header == list(table.column_names), name


@pytest.mark.parametrize("name", sorted(TABLES))
def test_required_columns_are_filled(db: duckdb.DuckDBPyConnection, name: str) -> None:
    for col in TABLES[name].required:
        nulls = db.execute(f'SELECT count(*) FROM "{name}" WHERE "{col.name}" IS NULL').fetchone()
        assert nulls == (0,), f"{name}.{col.name}"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_ids_pass_their_checksums_and_enums_are_known(
    db: duckdb.DuckDBPyConnection, name: str
) -> None:
    for col in TABLES[name].columns:
        values = [
            r[0]
            for r in db.execute(
                f'SELECT DISTINCT "{col.name}" FROM "{name}" WHERE "{col.name}" IS NOT NULL'
            ).fetchall()
        ]
        if col.kind == Kind.PERSON_ID:
            assert all(id_card.is_valid(v) for v in values), f"{name}.{col.name}"
        elif col.kind == Kind.USCC:
            assert all(_uscc_ok(v) for v in values), f"{name}.{col.name}"
        elif col.kind == Kind.PARTY_ID:
            assert all(_id_ok(v) for v in values), f"{name}.{col.name}"
        elif col.kind == Kind.ENUM and not col.open_values:
            assert set(values) <= set(col.values), (
                f"{name}.{col.name}: {set(values) - set(col.values)}"
            )
        elif col.kind == Kind.CASE_NO:
            assert all(CASE_NO.match(v) for v in values), f"{name}.{col.name}"


def test_keys_are_unique_and_case_numbers_follow_court_sequences(
    db: duckdb.DuckDBPyConnection,
) -> None:
    for name, table in TABLES.items():
        if table.key:
            cols = ", ".join(f'"{c}"' for c in table.key)
            dup = db.execute(
                f'SELECT count(*) FROM (SELECT {cols} FROM "{name}" GROUP BY {cols} '
                "HAVING count(*) > 1)"
            ).fetchone()
            assert dup == (0,), name
    years = db.execute("SELECT case_year, count(*) FROM cases GROUP BY 1").fetchall()
    assert years and all(2019 <= y <= 2026 for y, _ in years)


def test_ids_carry_the_birth_date_and_region(db: duckdb.DuckDBPyConnection) -> None:
    ids = [
        r[0]
        for r in db.execute(
            "SELECT id_no FROM parties WHERE party_type = '自然人' LIMIT 200"
        ).fetchall()
    ]
    assert all(
        (id_card.birth_date(v) is not None and v.startswith("33")) or v[:2] != "33" for v in ids
    )
    assert sum(v.startswith("3306") for v in ids) > 100  # mostly born in the county's city


def test_terminated_share_of_closures_is_realistic(db: duckdb.DuckDBPyConnection) -> None:
    share = db.execute(
        "SELECT avg((close_method = '终结本次执行程序')::INT) FROM cases "
        "WHERE closed_on IS NOT NULL"
    ).fetchone()[0]  # type: ignore[index]
    assert 0.35 <= share <= 0.5  # ~0.40 at county scale; tiny worlds carry relatively more plants
