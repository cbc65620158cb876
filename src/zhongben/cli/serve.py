"""``zhongben serve`` (the web application) and ``zhongben publish`` (leads → app database)."""

from __future__ import annotations

import os

import typer
from sqlalchemy.orm import Session, sessionmaker

from zhongben.ready import start_timeout
from zhongben.store.db import open_database
from zhongben.store.demo import DEMO_PASSWORD, DEMO_USERS
from zhongben.store.publish import PublishReport
from zhongben.store.setup import prepare_demo, publish_if_present
from zhongben.workspace import DEFAULT_DB, Workspace

WORKER_HEALTHCHECK_SECONDS = 120  # the least; more on a loaded machine (zhongben.ready)


def app_db_for(db: str, app_db: str | None) -> str:
    """The application database: ``--app-db``, else $ZHONGBEN_APP_DB, else beside the workspace."""
    return Workspace(db).app_database(app_db)


def _report(result: PublishReport | str) -> None:
    if isinstance(result, str):
        typer.echo(result)
    else:
        typer.echo(f"已发布线索：新增 {result.inserted}，更新 {result.updated}；"
                   f"被执行人画像 {result.profiles} 份")


def seed_demo_history(sessions: sessionmaker[Session]) -> None:
    from zhongben.store.demo_history import seed_history

    with sessions.begin() as session:
        made = seed_history(session)
    if made:
        typer.echo(f"已生成演示办案历史：监督案件 {made} 件（供模型成效回测）")


def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help="分析工作区（DuckDB 文件）"),
    app_db: str | None = typer.Option(None, "--app-db", help="应用数据库：SQLite 文件或 "
                                      "postgresql:// 地址（默认在工作区旁）"),
    host: str = typer.Option("127.0.0.1", help="监听地址"),
    port: int = typer.Option(8000, help="端口"),
    demo: bool = typer.Option(False, "--demo", help="没有机构时按工作区中的法院建立演示机构和账号"),
    publish: bool = typer.Option(True, "--publish/--no-publish", help="启动前发布工作区中的线索"),
    secure_cookies: bool = typer.Option(False, "--secure-cookies",
                                        help="会话 Cookie 仅经 HTTPS 发送"),
    workers: int = typer.Option(1, "--workers", min=1,
                                help="工作进程数（多核服务器上可设为核数）"),
) -> None:
    """启动网页应用（线索收件箱、监督案件办理、统计分析）。"""
    import uvicorn

    from zhongben.web.app import Settings, create_app

    target = app_db_for(db, app_db)
    sessions = open_database(target)
    if demo:
        prepare_demo(sessions, db)
    if publish:
        _report(publish_if_present(sessions, db))
    if demo:
        seed_demo_history(sessions)
    settings = Settings(db=target, workspace=db, secure_cookies=secure_cookies)
    typer.echo(f"终本案件检察监督平台：http://{host}:{port}/"
               + (f"（{workers} 个工作进程）" if workers > 1 else ""))
    if demo:
        typer.echo(f"演示账号（密码均为 {DEMO_PASSWORD}）："
                   + "，".join(f"{u}（{name}，{role}）" for u, name, role, _ in DEMO_USERS))
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
        return
    from zhongben.web.workers import export_settings

    os.environ.update(export_settings(settings))
    # uvicorn restarts a worker that has not answered its health check within 5 s; a worker
    # still importing and building the app on a busy machine (10 s and more) was killed and
    # respawned for ever. Give the start the time it takes — the same load-scaled cap as every
    # start-up wait ($ZHONGBEN_START_TIMEOUT); a hung worker is still replaced.
    healthcheck = round(max(WORKER_HEALTHCHECK_SECONDS, start_timeout()))
    uvicorn.run("zhongben.web.workers:app", factory=True, workers=workers, host=host, port=port,
                log_level="warning", timeout_worker_healthcheck=healthcheck)


def publish_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="分析工作区（DuckDB 文件）"),
    app_db: str | None = typer.Option(None, "--app-db", help="应用数据库"),
) -> None:
    """把工作区中的线索发布到应用数据库（一个事务）。"""
    _report(publish_if_present(open_database(app_db_for(db, app_db)), db))


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("publish")(publish_cmd)
