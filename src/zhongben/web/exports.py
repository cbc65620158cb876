"""What every export needs: the purpose (asked on a small form when the link carries none) and
the watermark built from it, the signed-in user and the time (``zhongben.protect``)."""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse

from zhongben.protect.mark import ExportMark, PurposeError
from zhongben.web.deps import Viewer, current_user, render


class PurposeNeeded(Exception):
    """Raised by ``export_mark``; the app answers with the purpose form for the same URL."""

    def __init__(self, viewer: Viewer, message: str) -> None:
        super().__init__(message)
        self.viewer, self.message = viewer, message


def export_mark(request: Request, viewer: Viewer = Depends(current_user)) -> ExportMark:
    purpose = request.query_params.get("purpose")
    try:
        return ExportMark.new(viewer.display_name, viewer.actor.username, purpose or "")
    except PurposeError as exc:
        raise PurposeNeeded(viewer, str(exc) if purpose is not None else "") from exc


async def ask_purpose(request: Request, exc: Exception) -> HTMLResponse:
    assert isinstance(exc, PurposeNeeded)
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "purpose"]
    return render(request, "export_purpose.html", {
        "viewer": exc.viewer, "action": request.url.path, "kept": kept, "error": exc.message})
