"""The petitions table (issue 18 part 5): a 12309 register loads like every table, its 案号 folded
to the canonical form; bad rows are quarantined naming the file, the row and the column in
Chinese, and the rest of the file loads."""

from __future__ import annotations

from pathlib import Path

from zhongben.identifiers import id_card
from zhongben.workspace import Workspace

APPLICANT = "33068319800101123" + id_card.check_digit("33068319800101123")


def test_a_petitions_register_loads_and_bad_rows_are_quarantined(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "12309申请.csv"
    path.write_text(
        "申请编号,收到日期,来源渠道,申请人,申请人证件号,案号,当事人,诉求\n"
        f"P1,2026年9月30日,12309网站,张三,{APPLICANT},（２０２３）浙0683执 1234号,,终本未查财产\n"
        "P2,2026/10/8,热线,李四,,,王五,反映法院未执行\n"
        "P3,不是日期,来信,赵六,,,,诉求\n"
        "P4,2026-10-09,传真,钱七,,,,诉求\n"
        "P5,2026-10-09,来访,,,,,诉求\n",
        encoding="utf-8",
    )
    report = workspace.ingest([path])
    assert report.ok
    assert report.by_table()["petitions"]["loaded"] == 2
    with workspace.connect() as con:
        stored = con.execute("SELECT petition_no, received_on::VARCHAR, channel, case_no, "
                             "applicant_id_entity FROM petitions ORDER BY 1").fetchall()
    assert stored == [
        ("P1", "2026-09-30", "12309网站", "(2023)浙0683执1234号", APPLICANT),
        ("P2", "2026-10-08", "12309热线", None, None),
    ]
    problems = sorted((c.row, c.column) for c in report.quarantine)
    assert problems == [(4, "收到日期（received_on）"), (5, "来源渠道（channel）"),
                        (6, "申请人（applicant_name）")]
    assert all(c.file == str(path) for c in report.quarantine)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in c.reason) for c in report.quarantine)
