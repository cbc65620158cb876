"""Who counts as related: the shared view debtor_links, as the flow report reads it."""

from __future__ import annotations

import duckdb

from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.graph.links import debtor_links


def test_links_of_a_company_debtor(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        INSERT INTO cases (case_no, filed_on, closed_on, close_method) VALUES
          ('(2024)浙0683执1号', DATE '2024-03-01', DATE '2024-08-30', '终结本次执行程序');
        INSERT INTO parties (case_no, role, name, id_no, party_type) VALUES
          ('(2024)浙0683执1号', '被执行人', '甲公司', 'D', '法人');
        INSERT INTO companies (uscc, name, legal_rep_id) VALUES
          ('D', '甲公司', 'R'), ('B', '乙公司', 'R'), ('C', '丙公司', 'W'), ('Z', '丁公司', 'Q');
        INSERT INTO relations (person_a_id, person_b_id, relation) VALUES ('R', 'W', '配偶');
        INSERT INTO shareholdings (company_uscc, holder_id) VALUES ('D', 'S');
        INSERT INTO social_insurance (person_id, employer_uscc, month) VALUES
          ('E', 'D', DATE '2024-01-01'), ('E', 'D', DATE '2024-02-01');
    """).fetchall()
    for sql in unresolved_entities_sql():
        con.execute(sql)
    links = {(linked, link) for linked, _kind, link in debtor_links(con, "D")}
    assert links == {("R", "法定代表人"), ("S", "股东"), ("W", "法定代表人的配偶"),
                     ("B", "法定代表人的其他企业"), ("C", "法定代表人的配偶的企业"), ("E", "员工")}
