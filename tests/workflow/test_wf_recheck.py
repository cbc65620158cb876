"""After the court's reply the originating rule is re-run on the workspace: still firing or not."""

from pathlib import Path

from zhongben.contracts.storage import unresolved_entities_sql
from zhongben.store.models import Lead
from zhongben.workflow.recheck import _recheck_lead
from zhongben.workspace import Workspace

DEBTOR, CASE = "330683198001010013", "(2023)浙0683执500号"


def workspace(path: Path, travelled: bool) -> str:
    with Workspace(path).connect() as con:
        con.execute("insert into restrictions (subject_id, name, kind, case_no, start_on, end_on)"
                    " values (?, '张三', '限制消费', ?, date '2024-03-01', date '2024-05-01')",
                    [DEBTOR, CASE])
        if travelled:
            con.execute("insert into travel (person_id, mode, travelled_on, seat_class, origin,"
                        " destination, carrier_no) values (?, '航班', date '2024-04-02', '经济舱',"
                        " '杭州', '三亚', 'MU5101')", [DEBTOR])
        for sql in unresolved_entities_sql():
            con.execute(sql)
    return str(path)


def lead() -> Lead:
    return Lead(lead_key="k", rule_id="XG-01", case_no=CASE, subject_id=DEBTOR)


def test_the_rule_still_fires_when_the_problem_remains(tmp_path: Path) -> None:
    result = _recheck_lead(lead(), workspace(tmp_path / "ws.duckdb", travelled=True))
    assert result["still_fires"] is True and "XG-01" in result["source"]


def test_the_rule_no_longer_fires_when_the_facts_changed(tmp_path: Path) -> None:
    result = _recheck_lead(lead(), workspace(tmp_path / "ws.duckdb", travelled=False))
    assert result["still_fires"] is False


def test_no_workspace_gives_no_answer_rather_than_a_wrong_one(tmp_path: Path) -> None:
    result = _recheck_lead(lead(), str(tmp_path / "missing.duckdb"))
    assert result["still_fires"] is None
