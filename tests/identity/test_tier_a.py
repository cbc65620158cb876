"""Tier A on hand-made files through the real ingest: what an authority states links, nothing
else does — two valid IDs are never one entity unless a registry says so, a name alone links
nothing, and a document two registries give to two people links nobody."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhongben.identifiers import id_card, uscc
from zhongben.identity.tier_a import id_components, opaque_id
from zhongben.workspace import Workspace


def pid(first17: str) -> str:
    return first17 + id_card.check_digit(first17)


OLD, NEW, NEWER = pid("33068319800101123"), pid("33068319800101456"), pid("33068319800101789")
OTHER = pid("33068319900202222")
COMPANY = "91330683MA2BX1234" + uscc.check_char("91330683MA2BX1234")


def _workspace(tmp_path: Path, files: dict[str, str]) -> Workspace:
    for name, text in files.items():
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(text + "\n", encoding="utf-8")
    ws = Workspace(tmp_path / "w.duckdb")
    assert ws.ingest([tmp_path / "in"]).ok
    ws.resolve_entities()
    return ws


def _rows(ws: Workspace, sql: str) -> list[tuple[object, ...]]:
    with ws.connect() as con:
        return con.execute(sql).fetchall()


def test_the_newest_number_of_an_id_change_chain_names_the_person() -> None:
    names = id_components([(OLD, NEW, "2010-01-01"), (NEW, NEWER, "2015-01-01")])
    assert names == {OLD: NEWER, NEW: NEWER}


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_registry_mappings_link_and_valid_ids_stay_apart(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, {
        "id_changes.csv": f"old_id,new_id,changed_on\n{OLD},{NEW},2019-01-01",
        "identity_documents.csv": f"id_no,doc_no\n{NEW},E1234\n{OTHER},E7777",
        "company_history.csv": f"uscc,item,old_value\n{COMPANY},注册号,330683000012345\n"
                               f"{COMPANY},名称,嵊州旧名贸易有限公司",
        "companies.csv": f"uscc,name\n{COMPANY},嵊州新名贸易有限公司",
        "travel.csv": "doc_type,doc_no,name_on_ticket,mode,travelled_on\n"
                      "护照,E1234,ZHANG/SAN,航班,2024-01-01\n护照,E5555,LI/SI,航班,2024-01-02\n"
                      "护照,E5555,LI/SI,航班,2024-02-01",
        "vehicles.csv": f"plate,owner_id,owner_name,registered_on\n浙D1,{OLD},张三,2020-01-01\n"
                        f"浙D2,{OTHER},张三,2020-01-01",
        "shareholdings.csv": "company_uscc,holder_id\n330683000012345," + OTHER,
        "parties.csv": "case_no,role,name,party_type\n(2024)浙0683执1号,申请执行人,"
                       "嵊州旧名贸易有限公司,法人\n(2024)浙0683执1号,被执行人,张三,自然人",
    })
    assert _rows(ws, "SELECT plate, owner_id_entity FROM vehicles ORDER BY plate") == [
        ("浙D1", NEW), ("浙D2", OTHER)]  # the same name, two valid IDs: two people
    travel = _rows(ws, "SELECT doc_no, person_id_entity FROM travel ORDER BY travelled_on")
    assert travel[0] == ("E1234", NEW)
    assert travel[1][1] == travel[2][1] == opaque_id("DOC:E5555")  # one unknown passport
    assert _rows(ws, "SELECT company_uscc_entity FROM shareholdings") == [(COMPANY,)]
    parties = dict(_rows(ws, "SELECT role, id_no_entity FROM parties"))
    assert parties["申请执行人"] == COMPANY  # a registered former name is the company
    assert parties["被执行人"] not in (NEW, OTHER, None)  # a name alone links nothing
    assert _rows(ws, "SELECT retired_id, entity_id FROM entity_aliases") == [(OLD, NEW)]


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_a_document_two_registries_give_to_two_people_links_nobody(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, {
        "identity_documents.csv": f"id_no,doc_no,doc_type\n{NEW},E1234,护照\n"
                                  f"{OTHER},E1234,港澳通行证",
        "travel.csv": "doc_no,mode,travelled_on\nE1234,航班,2024-01-01",
    })
    (entity,) = _rows(ws, "SELECT person_id_entity FROM travel")[0]
    assert entity not in (NEW, OTHER)
    with ws.connect() as con:
        tier = con.execute("SELECT tier FROM entity_mentions").fetchall()
    assert tier == [("U",)]


def test_two_name_only_mentions_of_one_name_stay_two(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, {
        "payments.csv": "case_no,received_on,amount,payee_name\n"
                        "(2024)浙0683执1号,2024-01-01,100,王伟\n(2024)浙0683执2号,2024-01-01,100,王伟",
    })
    entities = [e for (e,) in _rows(ws, "SELECT payee_id_entity FROM payments")]
    assert len(set(entities)) == 2 and all(e.startswith("E-") for e in entities)


def test_a_petition_naming_its_case_is_the_party_of_that_name_in_it(tmp_path: Path) -> None:
    case, crowded = "(2024)浙0683执1号", "(2024)浙0683执2号"
    ws = _workspace(tmp_path, {
        "parties.csv": "case_no,role,name,id_no,party_type\n"
                       f"{case},申请执行人,张三,{NEW},自然人\n{case},被执行人,李四,{OTHER},自然人\n"
                       f"{crowded},申请执行人,王伟,{OLD},自然人\n"
                       f"{crowded},申请执行人,王伟,{NEWER},自然人",
        "petitions.csv": "petition_no,received_on,channel,applicant_name,case_no,claim_text\n"
                         f"P1,2025-01-02,来信,张三,{case},执行不力\n"
                         f"P2,2025-01-02,来信,张三,,执行不力\n"
                         f"P3,2025-01-02,来信,王伟,{crowded},执行不力\n"
                         f"P4,2025-01-02,来信,赵六,{case},执行不力",
    })
    linked = dict(_rows(ws, "SELECT petition_no, applicant_id_entity FROM petitions"))
    assert linked["P1"] == NEW  # the 案号 and the name: the court's party list says who
    assert linked["P2"] != NEW  # a name alone links nothing
    assert linked["P3"] not in (OLD, NEWER)  # two parties of that name in the case: nobody
    assert linked["P4"] not in (NEW, OTHER)  # no party of that name in the case
    assert ws.resolve_entities().conflicts == []  # two 王伟 in a case contradict no registry
    with ws.connect() as con:
        how = con.execute("SELECT tier, how FROM entity_mentions WHERE tbl = 'petitions' "
                          "AND entity_id = ?", [NEW]).fetchall()
    assert how == [("A", "parties")]
