"""Who may do what in a case, enforced on the server (the pages only hide what is refused here).

An assistant (检察官助理) prepares and records: starts the review, investigates, records the
court's receipt and reply, drafts and edits documents. Deciding — 成案/不成案, 结案, reopening,
following up, escalating, submitting a draft, approving, issuing — belongs to a prosecutor, the
department head or the chief (建议规定 第六条, 第十三条; 监督规则 第一百零八条)."""

from __future__ import annotations

from zhongben.store.audit import Actor
from zhongben.store.security import DECIDING_ROLES, WORKFLOW_ROLES
from zhongben.workflow.errors import WorkflowError

# Events an assistant may send; every other event needs a deciding role.
RECORDING_EVENTS = frozenset({"start_review", "investigate", "explanation_received",
                              "court_received", "extend_reply", "court_adopted",
                              "court_declined"})
ACTION_NAMES = {"accept": "决定成案", "reject": "决定不成案", "close": "结案", "reopen": "重新办理",
                "follow_up": "决定跟进监督", "reissue": "决定再次制发检察建议",
                "escalate": "提请上级院", "submit": "提交审批", "approve": "审批文书",
                "issue": "签发文书"}


class PermissionDenied(WorkflowError):
    """The actor's role may not do this; the message (Chinese) is shown to the user."""


def require_workflow(actor: Actor) -> None:
    if actor.role not in WORKFLOW_ROLES:
        raise PermissionDenied(f"角色“{actor.role}”不能办理监督案件")


def require_event(actor: Actor, event: str) -> None:
    require_workflow(actor)
    if event not in RECORDING_EVENTS and actor.role not in DECIDING_ROLES:
        raise PermissionDenied(_refusal(actor, event))


def require_decider(actor: Actor, action: str) -> None:
    require_workflow(actor)
    if actor.role not in DECIDING_ROLES:
        raise PermissionDenied(_refusal(actor, action))


def may(actor: Actor, event: str) -> bool:
    try:
        require_event(actor, event)
    except PermissionDenied:
        return False
    return True


def _refusal(actor: Actor, action: str) -> str:
    name = ACTION_NAMES.get(action, action)
    return f"“{actor.role}”无权{name}，须由承办检察官、部门负责人或检察长办理"
