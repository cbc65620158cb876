from pathlib import Path

import pytest
from statemachine.exceptions import TransitionNotAllowed

from zhongben.workflow import diagram
from zhongben.workflow.machine import STATE_NAMES, allowed_events, next_state

DOC = Path(__file__).parents[2] / "docs" / "workflow.md"


def test_the_happy_path_reaches_closed() -> None:
    state = "pending"
    for event in ("start_review", "accept", "investigate", "issue_recommendation",
                  "court_received", "extend_reply", "court_adopted", "close"):
        state = next_state(state, event)
    assert STATE_NAMES[state] == "结案"


def test_a_court_that_declines_leads_to_follow_up_or_escalation() -> None:
    assert next_state("awaiting_reply", "court_declined") == "not_adopted"
    assert set(allowed_events("not_adopted")) == {"follow_up", "reissue", "escalate", "close"}
    assert set(allowed_events("adopted")) == {"follow_up", "reissue", "escalate", "close"}
    assert next_state("reissuing", "issue_recommendation") == "recommended"
    assert next_state("following_up", "escalate") == "escalated"


def test_steps_cannot_be_skipped_and_finished_cases_only_reopen() -> None:
    with pytest.raises(TransitionNotAllowed):
        next_state("pending", "court_received")
    assert allowed_events("closed") == ["reopen"]
    assert allowed_events("not_a_case") == ["reopen"]
    assert next_state("not_a_case", "reopen") == "reviewing"


def test_the_committed_diagram_matches_the_machine() -> None:
    assert diagram.block() in DOC.read_text(encoding="utf-8"), \
        "docs/workflow.md is stale: run python -m zhongben.workflow.diagram"
