"""``zhongben screenshots``: renders the main pages into docs/screenshots/."""

from __future__ import annotations

from pathlib import Path

import typer

OUT = typer.Option(Path("docs/screenshots"), "--out", help="输出目录")
WORKSPACE = typer.Option(None, "--db", help="分析工作区（有线索时用其线索，否则用样例线索）")


def screenshots(out: Path = OUT, db: str | None = WORKSPACE) -> None:
    """用 Debian 的 chromium 渲染主要页面截图。"""
    from zhongben.web.screenshots import render_screenshots

    for path in render_screenshots(out, db):
        typer.echo(str(path))


def register(app: typer.Typer) -> None:
    app.command("screenshots")(screenshots)
