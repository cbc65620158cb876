"""Matching petitions to cases: by 案号 in any bracket/width/blank variant, by the applicant's ID,
by name only when one person and one case fit; an ambiguous name is never linked and an
unknown petition is listed for manual matching."""

from __future__ import annotations

from pathlib import Path

import pytest
from petition_world import AS_OF, A, B, C, D, build

from zhongben.petitions.match import AMBIGUOUS, BY_CASE_NO, BY_ID, BY_NAME, UNMATCHED


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_each_petition_is_matched_or_left_for_a_person(tmp_path: Path) -> None:
    workspace = build(tmp_path)
    report = workspace.match_petitions(AS_OF)
    got = {m.petition_no: (m.method, m.case_no) for m in report.matches}
    assert got == {
        "P1": (BY_CASE_NO, A),  # full-width brackets and digits, a blank
        "P2": (BY_CASE_NO, B),  # 〔〕 brackets
        "P3": (BY_ID, B),
        "P4": (AMBIGUOUS, None),  # two different 陈七
        "P5": (UNMATCHED, None),
        "P6": (BY_NAME, D),  # 陈七 with 周九: one case, one person
    }
    p4 = next(m for m in report.matches if m.petition_no == "P4")
    assert p4.candidates == [C, D] and "人工" in p4.note
    listed = workspace.petitions()
    assert [r["petition_no"] for r in listed[:2]] == ["P4", "P5"]  # the unmatched first
    assert listed[0]["method"] == AMBIGUOUS and listed[0]["case_no"] is None


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_an_unknown_case_no_falls_back_and_another_id_is_another_person(tmp_path: Path) -> None:
    from petition_world import person

    stranger = person("33068319600101333")
    petitions = ("申请编号,收到日期,来源渠道,申请人,申请人证件号,案号,当事人,诉求\n"
                 "Q1,2026-06-01,来信,张三,,(2022)浙0683执9号,,诉求\n"
                 f"Q2,2026-06-01,来信,李四,{stranger},,,诉求\n")
    workspace = build(tmp_path, petitions)
    got = {m.petition_no: m for m in workspace.match_petitions(AS_OF).matches}
    assert (got["Q1"].method, got["Q1"].case_no) == (BY_NAME, A)
    assert "不在执行案件台账中" in got["Q1"].note
    assert got["Q2"].case_no is None  # 李四 of case B has another ID
