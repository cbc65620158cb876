from pathlib import Path

import duckdb
import pytest

from zhongben.contracts import TABLES, Kind
from zhongben.contracts.docs import render
from zhongben.contracts.storage import create_table_sql

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_DOC = ROOT.parent / "shared" / "data-contract.md"


def test_reference_doc_is_generated_from_the_code() -> None:
    current = (ROOT / "docs" / "reference" / "data-contract.md").read_text("utf-8")
    assert current == render(), "stale: run `python -m zhongben.contracts.docs`"


@pytest.mark.skipif(not CONTRACT_DOC.exists(), reason="shared/ not beside the checkout")
def test_every_table_and_column_of_the_shared_contract_is_in_the_code() -> None:
    text = CONTRACT_DOC.read_text("utf-8")
    for table in TABLES.values():
        if table.group in ("court", "registry", "bank"):
            assert f"`{table.name}`" in text, table.name
    for name in ("case_no", "filed_on", "owner_id", "txn_at", "seat_class", "ground", "balance",
                 "parent_uscc", "doc_no", "name_on_ticket", "name_pinyin", "old_value"):
        assert any(name in t.column_names for t in TABLES.values())


def test_identity_tables_are_in_the_reference_contract() -> None:
    # issue 15 part 1: the identity tables are documented in the generated reference; the shared
    # copy (../shared, read-only to branches) gains the same section when the lead merges.
    text = (ROOT / "docs" / "reference" / "data-contract.md").read_text("utf-8")
    for table in TABLES.values():
        if table.group == "identity":
            assert f"`{table.name}`" in text, table.name


def test_required_columns_match_the_shared_contract() -> None:
    expected = {
        "cases": {"case_no", "filed_on"},
        "parties": {"case_no", "role", "name"},
        "actions": {"case_no", "action", "acted_on"},
        "payments": {"case_no", "received_on", "amount"},
        "auctions": {"case_no", "item_id", "round"},
        "lawsuits": {"case_no", "filed_on"},
        "restrictions": {"subject_id", "kind", "start_on"},
        "vehicles": {"plate", "owner_id", "registered_on"},
        "vehicle_sightings": {"plate", "seen_at"},
        "real_estate": {"unit_no", "owner_id", "acquired_on"},
        "companies": {"uscc", "name"},
        "shareholdings": {"company_uscc", "holder_id"},
        "social_insurance": {"person_id", "month"},
        "housing_fund": {"person_id", "balance", "as_of"},
        "insurance_policies": {"policy_no", "holder_id", "start_on"},
        "travel": {"mode", "travelled_on"},  # issue 15: a journey on a passport has no ID
        "relations": {"person_a_id", "person_b_id", "relation"},
        "bank_accounts": {"account_no", "holder_id"},
        "transactions": {"account_no", "txn_at", "amount", "direction"},
        "identity_documents": {"id_no", "doc_no"},
        "person_names": {"id_no", "name"},
        "id_changes": {"old_id", "new_id"},
        "company_history": {"uscc", "item", "old_value"},
    }
    for name, required in expected.items():
        assert {c.name for c in TABLES[name].required} == required, name


def test_every_table_creates_in_duckdb_with_provenance() -> None:
    con = duckdb.connect()
    for table in TABLES.values():
        con.execute(create_table_sql(table))
        columns = {r[0] for r in con.execute(f"DESCRIBE {table.name}").fetchall()}
        assert {"_file", "_file_hash", "_row", "_batch"} <= columns
        for column in table.columns:
            if column.kind in (Kind.PERSON_ID, Kind.USCC, Kind.PARTY_ID):
                assert f"{column.name}_invalid" in columns
                assert f"{column.name}_entity" in columns


def test_synonyms_do_not_collide_within_a_table() -> None:
    from zhongben.ingest.headers import parse_header

    for table in TABLES.values():
        seen: dict[str, str] = {}
        for column in table.columns:
            for name in column.header_names:
                key = parse_header(name).name
                assert seen.setdefault(key, column.name) == column.name, (table.name, name)
