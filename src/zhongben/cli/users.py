"""``zhongben users``: procuratorates (with the courts they supervise) and user accounts."""

from __future__ import annotations

import typer
from sqlalchemy import select

from zhongben.cli.serve import app_db_for
from zhongben.store.accounts import AccountError, add_org, add_user, list_orgs
from zhongben.store.db import open_database
from zhongben.store.models import Org, User
from zhongben.store.offices import setup_office
from zhongben.store.security import ROLES
from zhongben.store.setup import prepare_demo
from zhongben.workspace import DEFAULT_DB

users = typer.Typer(help="机构与用户管理。", no_args_is_help=True)
DB = typer.Option(DEFAULT_DB, "--db", help="分析工作区（DuckDB 文件）")
APP_DB = typer.Option(None, "--app-db", help="应用数据库")
COURTS = typer.Option([], help="管辖法院（可多次）")


@users.command("add-org")
def add_org_cmd(code: str, name: str, level: str = typer.Option("县级", help="县级/市级/省级"),
                parent: str | None = typer.Option(None, help="上级机构代码"),
                court: list[str] = COURTS,
                db: str = DB, app_db: str | None = APP_DB) -> None:
    """新增检察院（机构）。"""
    with open_database(app_db_for(db, app_db)).begin() as session:
        up = session.scalar(select(Org).where(Org.code == parent)) if parent else None
        if parent and up is None:
            raise typer.BadParameter(f"找不到上级机构 {parent}")
        add_org(session, code, name, level, court, up)
    typer.echo(f"已新增机构 {code} {name}")


@users.command("add-office")
def add_office_cmd(court: str = typer.Argument(..., help="所监督法院的代字，如 京0105、川01、浙"),
                   children: bool = typer.Option(True, "--children/--no-children",
                                                 help="同时建立下一级检察院"),
                   db: str = DB, app_db: str | None = APP_DB) -> None:
    """按法院代字建立检察院：名称、级别、管辖法院取自全国法院表。"""
    with open_database(app_db_for(db, app_db)).begin() as session:
        try:
            made = setup_office(session, court, children)
        except AccountError as exc:
            raise typer.BadParameter(str(exc)) from exc
        for org in made:
            courts = "、".join(org.courts)
            typer.echo(f"已新增机构 {org.code} {org.name}（{org.level}）法院：{courts}")
    if not made:
        typer.echo("机构均已存在，未改动")


@users.command("add")
def add_cmd(username: str, role: str = typer.Option(..., help="、".join(ROLES)),
            org: str = typer.Option(..., help="机构代码"), name: str | None = None,
            password: str = typer.Option(..., prompt=True, hide_input=True,
                                         confirmation_prompt=True),
            db: str = DB, app_db: str | None = APP_DB) -> None:
    """新增用户（密码以 argon2 散列保存）。"""
    with open_database(app_db_for(db, app_db)).begin() as session:
        found = session.scalar(select(Org).where(Org.code == org))
        if found is None:
            raise typer.BadParameter(f"找不到机构 {org}")
        try:
            add_user(session, username, password, role, found, name)
        except AccountError as exc:
            raise typer.BadParameter(str(exc)) from exc
    typer.echo(f"已新增用户 {username}（{role}）")


@users.command("list")
def list_cmd(db: str = DB, app_db: str | None = APP_DB) -> None:
    """列出机构和用户。"""
    with open_database(app_db_for(db, app_db))() as session:
        for org in list_orgs(session):
            typer.echo(f"{org.code} {org.name}（{org.level}）法院：{'、'.join(org.courts or [])}")
            for user in session.scalars(select(User).where(User.org_id == org.id)):
                typer.echo(f"    {user.username} {user.display_name} {user.role}")


@users.command("demo")
def demo_cmd(db: str = DB, app_db: str | None = APP_DB) -> None:
    """按工作区中的法院建立演示机构和账号（已有机构时不做任何事）。"""
    made = prepare_demo(open_database(app_db_for(db, app_db)), db)
    typer.echo("已建立演示账号：" + "，".join(u for u, _ in made) if made else "已有机构，未改动")


def register(app: typer.Typer) -> None:
    app.add_typer(users, name="users")
