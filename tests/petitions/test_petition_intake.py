"""A matched petition's case is screened at once, only that case: its leads carry the petition
as their source (来源 12309申请); running again changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from petition_world import AS_OF, A, B, C, D, build


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_matched_cases_are_screened_at_once_and_their_leads_carry_the_source(
    tmp_path: Path,
) -> None:
    workspace = build(tmp_path)
    report = workspace.match_petitions(AS_OF)
    assert report.run_id is not None and report.leads > 0
    with workspace.connect() as con:
        screened = {r[0] for r in con.execute("SELECT DISTINCT case_no FROM leads").fetchall()}
        sources = con.execute("""SELECT s.petition_no, l.case_no, s.source, s.channel
            FROM lead_sources s JOIN leads l USING (lead_key) ORDER BY 1, 2""").fetchall()
        leads_of_b = con.execute(
            "SELECT count(*) FROM leads WHERE case_no = ?", [B]).fetchall()[0][0]
    assert screened == {A, B, D}  # C is named only by an ambiguous petition: not screened
    assert C not in {case for _, case, _, _ in sources}
    assert {(p, case) for p, case, _, _ in sources} == {("P1", A), ("P2", B), ("P3", B),
                                                        ("P6", D)}
    assert {s for _, _, s, _ in sources} == {"12309申请"}
    assert sum(1 for p, *_ in sources if p == "P3") == leads_of_b
    again = workspace.match_petitions(AS_OF)
    assert again.links == report.links == len(sources)
