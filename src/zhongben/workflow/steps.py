"""What each workflow event records on the case, and the checks that keep it honest: reasons
where a decision needs one, the true result at 结案, 延期 only while it applies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from zhongben.store.models import Matter
from zhongben.workflow.deadlines import reply_due
from zhongben.workflow.errors import WorkflowError
from zhongben.workflow.machine import OUTCOMES, RESULTS


@dataclass
class StepInput:
    """What a user typed along with a workflow event (all optional; each event checks its own)."""

    on: date | None = None
    reason: str = ""
    text: str = ""
    outcomes: list[str] = field(default_factory=list)
    amount: Decimal | None = None
    result: str = ""
    confirm: bool = False


def recheck_persists(matter: Matter) -> str:
    """'all' when the last recheck found every lead still there, 'some', or '' (fixed/unknown)."""
    leads = (matter.recheck or {}).get("leads") or []
    still = [r for r in leads if r.get("still_fires") is True]
    if not still:
        return ""
    return "all" if len(still) == len(leads) else "some"


def _reject(matter: Matter, data: StepInput, on: date) -> None:
    if not data.reason:
        raise WorkflowError("不成案须写明理由")
    if data.reason == "其他" and not data.text:
        raise WorkflowError("不成案理由选择“其他”时，须写明具体理由")
    if not data.confirm:
        raise WorkflowError("不成案将终结对该线索的监督，请勾选“确认不成案”后再提交")
    matter.not_case_reason = data.reason + (f"：{data.text}" if data.text else "")
    matter.closed_on = on


def _accept(matter: Matter, data: StepInput, on: date) -> None:
    matter.decided_on = on


def _request_explanation(matter: Matter, data: StepInput, on: date) -> None:
    if matter.explanation_requested_on and not matter.explanation_received_on:
        raise WorkflowError("已发出说明案件执行情况通知书，法院尚未说明")
    matter.explanation_requested_on = on
    matter.explanation_received_on = None


def _explanation_received(matter: Matter, data: StepInput, on: date) -> None:
    if not matter.explanation_requested_on or matter.explanation_received_on:
        raise WorkflowError("尚未发出说明案件执行情况通知书")
    matter.explanation_received_on = on


def _issue(matter: Matter, data: StepInput, on: date) -> None:
    matter.sent_on = on
    matter.received_on = matter.replied_on = matter.reply_text = None
    matter.court_adopted, matter.reply_extended, matter.recheck = None, False, None


def _received(matter: Matter, data: StepInput, on: date) -> None:
    matter.received_on = on


def _extend(matter: Matter, data: StepInput, on: date) -> None:
    if matter.reply_extended:
        raise WorkflowError("回复期限只能延长一次（1个月）")
    if matter.received_on and on > reply_due(matter.received_on, False):
        raise WorkflowError(f"法院书面回复期限已于{reply_due(matter.received_on, False)}届满，"
                            "期满后不能再延期；请按“法院未回复”跟进监督或结案")
    matter.reply_extended = True


def _replied(matter: Matter, data: StepInput, on: date, adopted: bool) -> None:
    if not data.text:
        raise WorkflowError("请填写法院回复内容")
    matter.replied_on, matter.reply_text, matter.court_adopted = on, data.text, adopted
    matter.recheck = None


def _adopted(matter: Matter, data: StepInput, on: date) -> None:
    _replied(matter, data, on, True)


def _declined(matter: Matter, data: StepInput, on: date) -> None:
    _replied(matter, data, on, False)


def _needs_text(label: str) -> Callable[[Matter, StepInput, date], None]:
    def step(matter: Matter, data: StepInput, on: date) -> None:
        if not data.text:
            raise WorkflowError(f"{label}须写明理由或措施")
    return step


def _follow_up(matter: Matter, data: StepInput, on: date) -> None:
    if matter.state == "awaiting_reply" and matter.received_on:
        due = reply_due(matter.received_on, matter.reply_extended)
        if on <= due:
            raise WorkflowError(f"法院书面回复期限至{due}届满，期满未回复方可跟进监督"
                                "（两高执行监督规定 第十四条）")
    _needs_text("跟进监督")(matter, data, on)


def _reissue(matter: Matter, data: StepInput, on: date) -> None:
    _needs_text("再次制发检察建议")(matter, data, on)
    matter.sent_on = None


def _close(matter: Matter, data: StepInput, on: date) -> None:
    if data.result not in RESULTS:
        raise WorkflowError(f"请选择结案结果（{'、'.join(RESULTS)}）")
    _check_result(matter, data, on)
    unknown = [o for o in data.outcomes if o not in OUTCOMES]
    if unknown:
        raise WorkflowError(f"未知的办理结果：{'、'.join(unknown)}")
    if "执行款到位" in data.outcomes and (data.amount is None or data.amount <= 0):
        raise WorkflowError("选择“执行款到位”须填写大于零的到位金额")
    if data.amount is not None and data.amount < 0:
        raise WorkflowError("到位金额不能为负数")
    matter.result, matter.outcomes = data.result, list(data.outcomes)
    matter.recovered_amount = data.amount
    matter.closed_on = on


def _check_result(matter: Matter, data: StepInput, on: date) -> None:
    persists = recheck_persists(matter)
    if data.result == "纠正" and persists:
        raise WorkflowError("法院回复后规则重跑显示问题仍存在，不能以“纠正”结案")
    if data.result == "部分纠正" and persists == "all":
        raise WorkflowError("规则重跑显示全部线索问题仍存在，不能以“部分纠正”结案")
    if data.result == "法院未回复":
        if matter.replied_on:
            raise WorkflowError("法院已书面回复，不能以“法院未回复”结案")
        due = reply_due(matter.received_on, matter.reply_extended) if matter.received_on else None
        if due is None or on <= due:
            raise WorkflowError("法院书面回复期限尚未届满，不能以“法院未回复”结案")
    elif matter.state == "awaiting_reply" and data.result != "撤回":
        raise WorkflowError("法院尚未回复：只能以“法院未回复”（期满后）或“撤回”结案")
    if data.result == "撤回" and not data.text:
        raise WorkflowError("撤回检察建议须写明理由（建议规定 第二十二条）")


def _reopen(matter: Matter, data: StepInput, on: date) -> None:
    if not data.text:
        raise WorkflowError("重新办理须写明理由")
    matter.closed_on = None
    matter.result = None
    matter.not_case_reason = None


STEPS: dict[str, Callable[[Matter, StepInput, date], None]] = {
    "reject": _reject, "accept": _accept, "request_explanation": _request_explanation,
    "explanation_received": _explanation_received, "issue_recommendation": _issue,
    "court_received": _received, "extend_reply": _extend, "court_adopted": _adopted,
    "court_declined": _declined, "follow_up": _follow_up, "reissue": _reissue,
    "escalate": _needs_text("提请上级院"), "close": _close, "reopen": _reopen}
