"""Errors in Chinese, as a page or — for a client asking for JSON — as ``{"detail": …}``: what
went wrong and what to do, never a framework's English message. A path that does not parse
(``/cases/abc``) is simply not found."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from zhongben.web.deps import render, viewer_or_none

LOG = logging.getLogger(__name__)
MESSAGES = {400: "请求有误", 401: "请先登录", 403: "没有权限",
            404: "未找到（或不在本院管辖范围内）", 405: "不支持该操作方式",
            413: "上传的文件太大", 500: "服务器内部错误，请稍后重试或联系管理员"}
FIELDS = {"page": "页码", "until": "屏蔽期限", "reason": "理由", "assignee": "分派对象",
          "target": "移交对象", "mode": "移交方式", "event": "办理事项", "on": "日期",
          "amount": "金额", "keys": "所选线索", "username": "用户名", "password": "密码",
          "org_id": "所属院", "role": "角色", "file": "文件", "by": "统计维度", "q": "搜索内容",
          "text": "回复内容", "outcomes": "结案结果", "ids": "通知", "tag": "标签",
          "body": "评论内容", "display_name": "姓名"}
PROBLEMS = {"missing": "未填写", "int_parsing": "须为整数",
            "date_from_datetime_parsing": "须为日期",
            "date_parsing": "须为日期（如 2025-04-16）", "float_parsing": "须为数字",
            "bool_parsing": "须为是或否"}


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _viewer(request: Request) -> Any:
    try:
        return viewer_or_none(request)
    except Exception:  # the database itself may be what failed: the page goes without a menu
        return None


def answer(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message, "status": status}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message,
                                          "viewer": _viewer(request)},
                  status_code=status)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else ""
    if detail and detail.isascii():  # a framework's English reason: say it in Chinese instead
        detail = ""
    response = answer(request, exc.status_code,
                      detail or MESSAGES.get(exc.status_code, "出错了"))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


def _problem(error: dict[str, Any]) -> str:
    name = str(error.get("loc", ("", ""))[-1])
    what = PROBLEMS.get(str(error.get("type", "")), "格式不正确")
    return f"“{FIELDS.get(name, '输入项')}”{what}"


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("loc", ("",))[0] == "path" for e in errors):
        return answer(request, 404, MESSAGES[404])
    problems = "；".join(dict.fromkeys(_problem(e) for e in errors))
    return answer(request, 400, f"{problems}，请检查后重试")


async def server_error(request: Request, exc: Exception) -> Response:
    LOG.exception("未处理的错误：%s %s", request.method, request.url.path, exc_info=exc)
    return answer(request, 500, MESSAGES[500])


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)
