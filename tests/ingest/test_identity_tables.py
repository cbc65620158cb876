"""The identity registries (issue 15): they load like every table; a malformed identity file is
refused or its bad rows quarantined with file, row and column, and nothing stored is lost; every
ID column gets its entity column, filled with the valid ID before any resolution."""

from __future__ import annotations

from pathlib import Path

import duckdb

from zhongben.contracts import TABLES
from zhongben.contracts.storage import create_table_sql
from zhongben.identifiers import id_card, uscc
from zhongben.workspace import Workspace


def person_id(first17: str) -> str:
    return first17 + id_card.check_digit(first17)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rows(ws: Workspace, sql: str) -> list[tuple[object, ...]]:
    with ws.connect() as con:
        return con.execute(sql).fetchall()


DEBTOR = person_id("33068319800101123")
COMPANY = "91330683MA2BX1234" + uscc.check_char("91330683MA2BX1234")
BAD_ID = DEBTOR[:-1] + ("0" if DEBTOR[-1] != "0" else "1")

NEW_ID = person_id("33068319800101456")
MASKED = DEBTOR[:4] + "*" * 10 + DEBTOR[-4:]


def test_identity_tables_load_and_entity_columns_start_as_the_id(
    workspace: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    files = {
        "出入境证件.csv": f"身份证号,护照号码,证件类型,姓名拼音\n"
        f"{DEBTOR},E12345678,普通护照,ZHANG SAN",
        "曾用名.csv": f"身份证号,姓名,类型\n{DEBTOR},张叁,曾用名",
        "id_changes.csv": f"old_id,new_id,changed_on\n{DEBTOR},{NEW_ID},2019-05-01",
        "企业变更记录.csv": f"统一社会信用代码,变更事项,变更前内容\n"
        f"{COMPANY},注册号,330683000012345",
        "travel.csv": "证件类型,护照号码,旅客姓名,mode,travelled_on\n"
        "护照,E12345678,ZHANG/SAN,航班,2024-01-02",
        "vehicles.csv": f"plate,owner_id,registered_on\n浙D1,{DEBTOR},2020-01-01\n"
        f"浙D2,{MASKED},2020-01-01",
    }
    for name, text in files.items():
        write(folder / name, text + "\n")
    report = workspace.ingest([folder])
    assert report.ok and not report.quarantine
    assert rows(workspace, "SELECT doc_type, doc_no, id_no_entity FROM identity_documents") == [
        ("护照", "E12345678", DEBTOR)
    ]
    assert rows(workspace, "SELECT kind, name FROM person_names") == [("曾用名", "张叁")]
    assert rows(workspace, "SELECT old_id_entity, new_id_entity FROM id_changes") == [
        (DEBTOR, NEW_ID)
    ]
    assert rows(workspace, "SELECT person_id, doc_no, name_on_ticket FROM travel") == [
        (None, "E12345678", "ZHANG/SAN")
    ]
    assert rows(
        workspace, "SELECT owner_id, owner_id_invalid, owner_id_entity FROM vehicles ORDER BY plate"
    ) == [(DEBTOR, None, DEBTOR), (None, MASKED, None)]  # the masked ID is kept as written


def test_a_mapping_with_a_bad_id_is_quarantined_naming_file_row_and_column(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "id_changes.csv",
        f"原身份证号,新身份证号\n{DEBTOR},{NEW_ID}\n{BAD_ID},{NEW_ID}\n{MASKED},{NEW_ID}\n",
    )
    report = workspace.ingest([path])
    assert report.by_table()["id_changes"]["loaded"] == 1
    problems = sorted((c.row, c.column, c.value) for c in report.quarantine)
    assert problems == [(3, "原身份证号（old_id）", BAD_ID), (4, "原身份证号（old_id）", MASKED)]
    assert all(c.file == str(path) and "校验" in c.reason for c in report.quarantine)


def test_a_malformed_identity_file_is_refused_and_nothing_stored_is_lost(
    workspace: Workspace, tmp_path: Path
) -> None:
    first = write(tmp_path / "a" / "出入境证件.csv", f"身份证号,护照号码\n{DEBTOR},E1\n")
    assert workspace.ingest([first]).ok
    broken = write(tmp_path / "b" / "出入境证件.csv", f"身份证号,签发日期\n{NEW_ID},2020-01-01\n")
    report = workspace.ingest([broken])
    assert not report.ok
    refusal = report.refused[0]
    assert refusal.file == str(broken) and "证件号码（doc_no）" in refusal.message
    assert rows(workspace, "SELECT id_no, doc_no FROM identity_documents") == [(DEBTOR, "E1")]


def test_an_older_workspace_gains_the_entity_columns_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    old = create_table_sql(TABLES["vehicles"]).replace(',\n  "owner_id_entity" VARCHAR', "")
    assert "owner_id_entity" not in old
    con.execute(old)
    con.execute("INSERT INTO vehicles (plate, owner_id, registered_on) VALUES "
                f"('浙D1', '{DEBTOR}', DATE '2020-01-01')")
    con.close()
    assert rows(Workspace(path), "SELECT plate, owner_id_entity FROM vehicles") == [
        ("浙D1", DEBTOR)
    ]
