"""无代码规则构建器 (role 模型管理员): choose the population and conditions through forms, preview
the hit count and ten sample leads on the live workspace (read-only), mark them 对/错, save an
ordinary rule file with tests made from the marks into the workspace's local library."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhongben.contracts import TABLES
from zhongben.engine.duckdb import DuckDBEngine
from zhongben.engine.opener import WorkspaceError, open_read
from zhongben.leads.model import Lead
from zhongben.leads.output.labels import field_zh
from zhongben.rules.builder.fixtures import resolve_subject, subject_digest
from zhongben.rules.builder.generate import describe
from zhongben.rules.builder.library import (
    PREVIEW_ROWS,
    Marked,
    check_tests,
    checked_rule,
    make_tests,
    next_id,
    preview,
    save,
)
from zhongben.rules.builder.spec import BuilderError, BuilderSpec, parse_spec
from zhongben.rules.explain import show
from zhongben.rules.local import local_library_dir
from zhongben.store.audit import record
from zhongben.store.security import BUILDER_ROLES
from zhongben.store.setup import workspace_courts
from zhongben.web.builder_form import (
    FormMark,
    apply_op,
    as_of_of,
    bases,
    choices,
    marks_of,
    state_of,
)
from zhongben.web.deps import TEMPLATES, Viewer, check_csrf, current_user, db, render

router = APIRouter()
TEMPLATES.env.globals["builder_roles"] = BUILDER_ROLES  # the rules page links here for them
SALT = "builder_salt"
EMPTY: dict[str, Any] = {"name": "", "family": "D", "severity": "medium", "basis": "",
                         "population": {"courts": []}, "conditions": []}


def _check(viewer: Viewer) -> None:
    if viewer.actor.role not in BUILDER_ROLES:
        raise HTTPException(status_code=403, detail="仅模型管理员可使用无代码规则构建器")


def _workspace(request: Request) -> Path | None:
    workspace = request.app.state.settings.workspace
    return Path(workspace) if workspace else None


def _salt(request: Request) -> str:
    salt = request.session.get(SALT)
    if not salt:
        salt = secrets.token_urlsafe(16)
        request.session[SALT] = salt
    return str(salt)


def _page(request: Request, viewer: Viewer, state: dict[str, Any], **extra: Any) -> Response:
    workspace = _workspace(request)
    context = {"viewer": viewer, "state": state, "choices": choices(),
               "courts": workspace_courts(workspace) if workspace else [],
               "workspace": workspace, "errors": [], "preview": None, "saved": None,
               "as_of": dt.date.today().isoformat(), "marks": [], **extra}
    context["errors"] = [viewer.text(e) for e in context["errors"]]  # a failed test names IDs
    status = 400 if context["errors"] else 200
    return render(request, "builder.html", context, status_code=status)


@router.get("/rules/builder")
def builder(request: Request, viewer: Viewer = Depends(current_user)) -> Response:
    _check(viewer)
    return _page(request, viewer, {**EMPTY, "conditions": []})


def _evidence_text(viewer: Viewer, lead: Lead) -> list[str]:
    lines = []
    for item in lead.evidence:
        table = str(item["table"] or "")
        fields = "，".join(f"{field_zh(k, table)} {show(v)}" for k, v in item["fields"].items()
                          if v is not None)
        name = TABLES[table].zh if table in TABLES else table
        lines.append(viewer.text(f"{name}：{fields}"))
    return lines


def _rows(viewer: Viewer, leads: list[Lead], salt: str,
          marks: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    rows = []
    for lead in leads[:PREVIEW_ROWS]:
        digest = subject_digest(salt, lead.subject_id)
        case_no = lead.case_no or ""
        rows.append({"case_no": case_no, "digest": digest, "name": lead.subject_name or "",
                     "subject": viewer.id_no(lead.subject_id) or "",
                     "explanation": viewer.text(lead.explanation),
                     "evidence": _evidence_text(viewer, lead),
                     "mark": marks.get((case_no, digest), "")})
    return rows


def _validate_choices(request: Request, spec: BuilderSpec) -> None:
    """The courts are the workspace's, the basis one the library cites (dropdowns)."""
    if spec.basis and spec.basis not in bases():
        raise BuilderError(["法律依据不在可选范围内"])
    workspace = _workspace(request)
    known = set(workspace_courts(workspace, limit=1000)) if workspace else set()
    unknown = [c for c in spec.population.courts if c not in known]
    if unknown:
        raise BuilderError([f"法院「{'、'.join(unknown)}」不在工作库的案件中"])


def _run(request: Request, spec: BuilderSpec, as_of: dt.date, rule_id: str | None = None,
         marks: list[FormMark] | None = None) -> tuple[list[Lead], str | None, int]:
    """Preview (and with ``rule_id``, save) on the workspace opened read-only."""
    workspace = _workspace(request)
    if workspace is None:
        raise BuilderError(["未配置工作库，无法预览（启动时请指定 --workspace）"])
    _validate_choices(request, spec)
    rule, _ = checked_rule(spec, rule_id or "ZD-00")
    try:
        with open_read(workspace) as con:
            engine = DuckDBEngine(con)
            leads = preview(engine, rule, as_of)
            if rule_id is None:
                return leads, None, 0
            marked = _marked(engine, marks or [], _salt(request))
            tests = make_tests(engine, rule, spec, as_of, marked)
    except WorkspaceError as exc:
        raise BuilderError([str(exc)]) from None
    check_tests(rule, tests)
    path = save(local_library_dir(workspace), spec, rule_id, tests)
    return leads, str(path), len(tests["tests"])


def _marked(engine: DuckDBEngine, marks: list[FormMark], salt: str) -> list[Marked]:
    out = []
    for item in marks:
        if item.mark not in ("right", "wrong"):
            continue
        subject = resolve_subject(engine, item.case_no, item.digest, salt)
        if subject is None:
            raise BuilderError([f"标记的线索 {item.case_no} 已不在工作库中，请重新预览"])
        out.append(Marked(item.case_no, subject, "right" if item.mark == "right" else "wrong"))
    return out


@router.post("/rules/builder", dependencies=[Depends(check_csrf)])
async def builder_post(request: Request, viewer: Viewer = Depends(current_user),
                       session: Session = Depends(db)) -> Response:
    _check(viewer)
    form = await request.form()
    state = state_of(form)
    op = str(form.get("op") or "")
    marks = marks_of(form)
    as_of_text = str(form.get("as_of") or dt.date.today().isoformat())
    carried = [m for m in marks if m.mark]
    keep: dict[str, Any] = {"as_of": as_of_text, "marks": carried}
    try:
        if op == "add" or op.startswith("remove-"):
            apply_op(state, op, str(form.get("new_kind") or ""))
            return _page(request, viewer, state, **keep)
        spec, as_of = parse_spec(state), as_of_of(form)
        if op == "save":
            return _save(request, viewer, session, state, spec, as_of, marks, keep)
        leads, _, _ = _run(request, spec, as_of)
    except BuilderError as exc:
        return _page(request, viewer, state, errors=exc.problems, **keep)
    record(session, viewer.actor, "rule.preview", "rule", None, count=len(leads),
           as_of=as_of.isoformat())
    session.commit()
    known = {(m.case_no, m.digest): m.mark for m in marks}
    rows = _rows(viewer, leads, _salt(request), known)
    shown = {(r["case_no"], r["digest"]) for r in rows}
    keep["marks"] = [m for m in carried if (m.case_no, m.digest) not in shown]
    return _page(request, viewer, state, preview={"total": len(leads), "rows": rows,
                                                  "describe": describe(spec)}, **keep)


def _save(request: Request, viewer: Viewer, session: Session, state: dict[str, Any],
          spec: BuilderSpec, as_of: dt.date, marks: list[FormMark],
          keep: dict[str, Any]) -> Response:
    workspace = _workspace(request)
    if workspace is None:
        raise BuilderError(["未配置工作库，无法保存"])
    rule_id = next_id(local_library_dir(workspace))
    leads, path, count = _run(request, spec, as_of, rule_id, marks)
    record(session, viewer.actor, "rule.build", "rule", rule_id, count=len(leads),
           tests=count, as_of=as_of.isoformat(), filename=path)
    session.commit()
    saved = {"id": rule_id, "path": path, "tests": count, "hits": len(leads)}
    return _page(request, viewer, state, saved=saved, **keep)
