"""Scores are explained term by term; outputs carry the contract's fields."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
from python_calamine import CalamineWorkbook
from tests.screening import screen_on as screen

from zhongben.leads.evaluate import evaluate
from zhongben.leads.output import write_csv, write_json, write_xlsx

AS_OF = dt.date(2024, 12, 31)


def test_score_is_the_product_of_its_labelled_terms(con: duckdb.DuckDBPyConnection) -> None:
    result = screen(con, AS_OF, ["ZB-01", "DC-01"], store=False)
    for lead in result.leads:
        terms = {t["term"]: t for t in lead.score_terms}
        assert list(terms) == ["severity", "unpaid", "livelihood", "evidence", "repeat"]
        assert all(t["label"] for t in terms.values())
        product = 1.0
        for term in terms.values():
            product *= term["points"]
        assert abs(product - lead.score) < 0.05
    zb01 = next(lead for lead in result.leads if lead.rule_id == "ZB-01")
    dc01 = next(lead for lead in result.leads if lead.rule_id == "DC-01")
    assert zb01.livelihood and [t["points"] for t in zb01.score_terms][2] == 1.5
    assert not dc01.livelihood and str(dc01.unpaid_amount) == "900000.00"


def test_json_and_csv_have_the_contract_fields(con: duckdb.DuckDBPyConnection) -> None:
    leads = screen(con, AS_OF, ["ZB-01", "DC-01"], store=False).leads
    body = json.loads(write_json(leads, {"as_of": AS_OF.isoformat()}))
    required = {"rule_id", "case_no", "subject_id", "severity", "score", "legal_basis", "evidence"}
    assert all(required <= set(lead) for lead in body["leads"])
    zb01 = next(lead for lead in body["leads"] if lead["rule_id"] == "ZB-01")
    assert zb01["subject_id"] is None and zb01["evidence"][0]["table"] == "cases"
    rows = list(csv.DictReader(io.StringIO(write_csv(leads))))
    assert {r["rule_id"] for r in rows} == {"ZB-01", "DC-01"}


def test_workbook_has_summary_and_one_sheet_per_model(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    leads = screen(con, AS_OF, ["ZB-01", "DC-01"], store=False).leads
    path = tmp_path / "leads.xlsx"
    write_xlsx(leads, path)
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["汇总", "带财终本", "终本程序要件", "说明"]
    rows = book.get_sheet_by_name("带财终本").to_python()
    assert rows[0][:5] == ["评分", "规则编号", "规则名称", "严重程度", "案号"]
    assert rows[1][1] == "DC-01" and "浙D12345" in rows[1][10]
    assert "第2行" in rows[1][12] and "机动车登记" in rows[1][12]  # the table's Chinese name
    assert isinstance(rows[1][8], float) and str(rows[1][14]).startswith("2024-12-31")
    notes = book.get_sheet_by_name("说明").to_python()
    assert any(str(r[0]).startswith("DC-01") and "法律依据" in str(r[1]) for r in notes)


def test_evaluate_counts_per_rule() -> None:
    found = [("ZB-01", "A", None), ("ZB-01", "B", None), ("DC-01", "C", "x")]
    truth = [("ZB-01", "A", None), ("DC-01", "C", "x"), ("DC-01", "D", "y")]
    scores = {s.rule_id: s for s in evaluate(found, truth).scores}
    assert (scores["ZB-01"].precision, scores["ZB-01"].recall) == (0.5, 1.0)
    assert (scores["DC-01"].precision, scores["DC-01"].recall) == (1.0, 0.5)
