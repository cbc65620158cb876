"""The case workflow as one declared state machine. python-statemachine checks the declaration when
the class is defined (every state reachable, finals without exits); ``docs/workflow.md`` holds the
diagram generated from it (``python -m zhongben.workflow.diagram``)."""

from __future__ import annotations

from statemachine import State, StateMachine


class CaseWorkflow(StateMachine):
    """States carry Chinese names (what users see); ids and events are English. No state is final:
    a finished case (不成案, 结案) can be reopened with a reason."""

    pending = State("待核查", initial=True)
    reviewing = State("核查中")
    not_a_case = State("不成案")
    opened = State("成案")
    investigating = State("调查核实")
    recommended = State("检察建议已制发")
    awaiting_reply = State("待法院回复")
    adopted = State("已采纳")
    not_adopted = State("未采纳")
    following_up = State("跟进监督")
    reissuing = State("再次制发检察建议")
    escalated = State("提请上级院")
    closed = State("结案")

    start_review = pending.to(reviewing)
    reject = reviewing.to(not_a_case)
    accept = reviewing.to(opened)
    investigate = opened.to(investigating)
    # 说明案件执行情况通知书: sent when the approved notice is issued; the court explains in 15 days
    request_explanation = investigating.to.itself(internal=True)
    explanation_received = investigating.to.itself(internal=True)
    # sent when an approved 检察建议书 is issued (zhongben.documents.issue), never by hand
    issue_recommendation = (investigating.to(recommended) | opened.to(recommended)
                            | reissuing.to(recommended))
    court_received = recommended.to(awaiting_reply)
    extend_reply = awaiting_reply.to.itself(internal=True)
    court_adopted = awaiting_reply.to(adopted) | following_up.to(adopted)
    court_declined = awaiting_reply.to(not_adopted) | following_up.to(not_adopted)
    # after a reply (or none) that leaves the problem: 监督规则 第124条, 两高执行监督规定 第14条
    follow_up = not_adopted.to(following_up) | awaiting_reply.to(following_up) | adopted.to(
        following_up)
    reissue = adopted.to(reissuing) | not_adopted.to(reissuing) | following_up.to(reissuing)
    escalate = adopted.to(escalated) | not_adopted.to(escalated) | following_up.to(escalated)
    close = (
        adopted.to(closed)
        | not_adopted.to(closed)
        | following_up.to(closed)
        | escalated.to(closed)
        | awaiting_reply.to(closed)
    )
    reopen = closed.to(following_up) | not_a_case.to(reviewing)


EVENT_LABELS: dict[str, str] = {
    "start_review": "开始核查",
    "reject": "不成案",
    "accept": "成案",
    "investigate": "调查核实",
    "request_explanation": "发出说明案件执行情况通知书",
    "explanation_received": "收到法院情况说明",
    "issue_recommendation": "制发检察建议",
    "court_received": "法院签收",
    "extend_reply": "法院申请延期回复",
    "court_adopted": "法院采纳",
    "court_declined": "法院未采纳",
    "follow_up": "跟进监督",
    "reissue": "再次制发检察建议",
    "escalate": "提请上级院",
    "close": "结案",
    "reopen": "重新办理",
}

# The case's true result at 结案; measures taken are recorded beside it (OUTCOMES).
RESULTS = ("纠正", "部分纠正", "未纠正", "法院未回复", "撤回")
OUTCOMES = ("恢复执行", "执行款到位", "移送刑事线索", "司法救助", "执行和解")
NOT_CASE_REASONS = ("线索不实", "法院已自行纠正", "证据不足", "不属于监督范围", "其他")
# Events only the issue of an approved document sends (the case page offers no button).
DOCUMENT_EVENTS = frozenset({"issue_recommendation", "request_explanation"})
STATE_NAMES: dict[str, str] = {s.id: s.name for s in CaseWorkflow.states}
STATE_IDS: dict[str, str] = {s.name: s.id for s in CaseWorkflow.states}
# States after which the court has replied: the originating rule is re-run then.
REPLIED_STATES = frozenset({"adopted", "not_adopted"})
FINISHED_STATES = frozenset({"closed", "not_a_case"})


def allowed_events(state: str) -> list[str]:
    """The events that may be sent to a case in ``state``, in declaration order."""
    machine = CaseWorkflow(start_value=state)
    allowed = {e.id for e in machine.allowed_events}
    return [e for e in EVENT_LABELS if e in allowed]


def next_state(state: str, event: str) -> str:
    """The state after ``event``; raises ``statemachine.exceptions.TransitionNotAllowed``."""
    machine = CaseWorkflow(start_value=state)
    machine.send(event)
    return str(next(iter(machine.configuration)).id)
