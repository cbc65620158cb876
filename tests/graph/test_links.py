"""Who counts as related is written once: FL-01 … FL-04 carry the same block, and the flow
report reads it from FL-03."""

from __future__ import annotations

import duckdb

from zhongben.graph.links import BLOCK_END, BLOCK_START, RULE_FILE, debtor_links


def block(rule_id: str) -> str:
    text = (RULE_FILE.parent / f"{rule_id}.sql").read_text(encoding="utf-8")
    start = text.index(BLOCK_START)
    end = text.index("\n)", text.index("moves AS (")) + 2
    assert text.index(BLOCK_END) < end
    return text[start:end]


def test_rules_share_one_links_block() -> None:
    assert block("FL-01") == block("FL-02") == block("FL-03") == block("FL-04")


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
    links = {(linked, link) for linked, _kind, link in debtor_links(con, "D")}
    assert links == {("R", "法定代表人"), ("S", "股东"), ("W", "法定代表人的配偶"),
                     ("B", "法定代表人的其他企业"), ("C", "法定代表人的配偶的企业"), ("E", "员工")}
