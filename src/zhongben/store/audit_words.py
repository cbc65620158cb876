"""The audit log in words: who did what to which case or lead, in Chinese (never a code, a
dictionary or a hash) — for the audit page and its Excel export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhongben.leads.output.labels import SEVERITY_ZH, value_text
from zhongben.store.models import AuditEntry, Lead, Matter, User

ACTIONS = {
    "login": "登录", "login_failed": "登录失败", "login_locked": "登录被暂停",
    "logout": "退出登录", "view_personal": "查看", "view_list": "浏览",
    "export": "导出", "search": "搜索", "create_matter": "立案核查", "document.create": "起草文书",
    "matter.recheck": "法院回复后重跑规则", "lead.assign": "分派线索", "lead.suppress": "屏蔽线索",
    "lead.unsuppress": "取消屏蔽线索", "lead.transfer": "移交线索", "comment.add": "发表评论",
    "attachment.add": "上传附件", "tag.add": "添加标签", "tag.remove": "删除标签",
    "notification.read": "阅读通知", "user.create": "创建用户", "user.update": "修改用户",
    "user.reset_password": "重置密码", "user.change_password": "修改本人密码",
    "document.edit": "修改文书", "document.upload": "上传文书", "document.submit": "提交审批",
    "document.approve": "审批同意", "document.return": "退回文书", "document.issue": "签发文书",
    "office.settings": "修改本院文书设置", "rule.preview": "预览自定义规则",
    "rule.build": "以无代码构建器保存规则",
}
OBJECTS = {"lead": "线索", "leads": "线索列表", "matter": "监督案件", "cases": "监督案件列表",
           "document": "文书", "user": "用户", "flows": "资金流向报告", "attachment": "附件",
           "rules": "规则目录", "dashboard": "统计表", "reminders": "待办提醒", "audit": "审计日志",
           "org": "检察院", "models": "模型成效回测",
           "rule": "规则", "profile": "被执行人画像", "relations": "关系图谱",
           "debtor": "被执行人页面", "debtor_relations": "被执行人关系图谱"}
DETAILS = {
    "shown": "显示条数", "page": "页码", "rows": "行数", "subject": "证件号码", "case_no": "案号",
    "masked": "已脱敏", "kind": "类型", "leads": "线索", "from_state": "原状态",
    "to_state": "新状态", "on": "日期", "reason": "理由", "text": "内容", "outcomes": "结案结果",
    "amount": "金额", "assignee": "分派给", "until": "屏蔽至", "mode": "方式", "note": "说明",
    "from_org": "原院", "to_org": "接收院", "filename": "文件", "summary": "结论",
    "mentions": "提及", "length": "字数", "tag": "标签", "size": "大小（字节）",
    "ocr_pages": "文字识别页数", "username": "用户名", "role": "角色", "changes": "改动",
    "count": "条数", "as_of": "筛查日期", "paths": "资金路径数", "cases": "案件数",
    "attachments": "附件数", "comments": "评论数", "rule": "规则", "family": "模型",
    "court": "法院", "severity": "风险等级", "livelihood": "民生案件", "min_amount": "金额下限",
    "max_amount": "金额上限", "status": "状态", "date_from": "筛查日期自", "date_to": "筛查日期至",
    "q": "搜索", "by": "统计维度", "sort": "排序",
    "step": "审批环节", "version": "版本", "doc_no": "文号", "signed_on": "签发日期",
    "short_name": "院简称", "objection_days": "异议期限（日）", "cc": "抄送",
    "tests": "生成测试数",
}
VALUES: dict[str, dict[str, str]] = {"severity": SEVERITY_ZH,
          "sort": {"score": "按评分", "amount": "按金额", "date": "按日期"},
          "livelihood": {"1": "是", "0": "否"},
          "by": {"family": "模型", "court": "法院", "month": "月份", "rule": "规则版本",
                 "quarter": "季度"}}


@dataclass(frozen=True)
class Workflow:
    """The case workflow's words (``zhongben.workflow.machine``), handed in by the caller: the
    store does not import the workflow that is built on it."""

    events: dict[str, str]
    states: dict[str, str]


@dataclass(frozen=True)
class Said:
    action: str
    target: str
    details: str


def _value(key: str, value: Any, words: Workflow) -> str:
    values = {**VALUES, "from_state": words.states, "to_state": words.states}
    if key in values and str(value) in values[key]:
        return values[key][str(value)]
    if key == "leads" and isinstance(value, list):
        return f"{len(value)} 条"
    return value_text(value)


def details_text(detail: dict[str, Any], words: Workflow) -> str:
    """The recorded details with Chinese names; keys with no Chinese name are internal ids."""
    return "；".join(f"{DETAILS[k]}：{_value(k, v, words)}" for k, v in detail.items()
                    if k in DETAILS and v not in (None, "", [], {}))


def action_name(action: str, words: Workflow) -> str:
    if action.startswith("matter.") and action[7:] in words.events:
        return f"办理“{words.events[action[7:]]}”"
    return ACTIONS.get(action, "其他操作")


def _targets(session: Session, entries: list[AuditEntry]) -> dict[tuple[str, str], str]:
    keys = {e.object_id for e in entries if e.object_type in ("lead", "flows") and e.object_id}
    ids = {int(e.object_id or 0) for e in entries if e.object_type == "matter"
           and (e.object_id or "").isdigit()}
    users = {int(e.object_id or 0) for e in entries if e.object_type == "user"
             and (e.object_id or "").isdigit()}
    names: dict[tuple[str, str], str] = {}
    for lead in session.scalars(select(Lead).where(Lead.lead_key.in_(keys))) if keys else []:
        shown = f"{lead.rule_id} {lead.case_no or lead.party_names or lead.rule_name}"
        names[("lead", lead.lead_key)] = names[("flows", lead.lead_key)] = shown
    for matter in session.scalars(select(Matter).where(Matter.id.in_(ids))) if ids else []:
        names[("matter", str(matter.id))] = matter.number
    for user in session.scalars(select(User).where(User.id.in_(users))) if users else []:
        names[("user", str(user.id))] = f"{user.display_name}（{user.username}）"
    return names


def describe(session: Session, entries: list[AuditEntry], words: Workflow) -> list[Said]:
    names = _targets(session, entries)
    said = []
    for e in entries:
        what = OBJECTS.get(e.object_type, "记录")
        known = names.get((e.object_type, e.object_id or ""))
        if e.object_type == "user" and e.action in ("login_failed", "login_locked"):
            known = f"用户名“{e.object_id}”"
        target = f"{what} {known or (e.detail or {}).get('filename') or ''}".strip()
        said.append(Said(action_name(e.action, words), target,
                         details_text(e.detail or {}, words)))
    return said


def action_choices(words: Workflow) -> list[tuple[str, str]]:
    events = {f"matter.{e}": action_name(f"matter.{e}", words) for e in words.events}
    return sorted({**ACTIONS, **events}.items(), key=lambda item: item[1])
