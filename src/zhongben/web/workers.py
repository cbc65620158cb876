"""Serving with several worker processes (``zhongben serve --workers N``).

uvicorn starts each worker process from ``app`` (a factory), so the settings travel in the
environment. Sessions are signed cookies: every worker must sign with the same key, so one is
made for the run when none is configured. Migrations and publishing run once, in the parent,
before the workers start; the application database takes their concurrent writes (SQLite in WAL
mode with a lock timeout, or PostgreSQL)."""

from __future__ import annotations

import os
import secrets

from fastapi import FastAPI

from zhongben.web.app import Settings, create_app

DB, WORKSPACE, SECURE = "ZHONGBEN_SERVE_APP_DB", "ZHONGBEN_SERVE_WORKSPACE", "ZHONGBEN_SERVE_SECURE"
SECRET = "ZHONGBEN_SECRET_KEY"  # also read by create_app


def export_settings(settings: Settings) -> dict[str, str]:
    """The environment the workers read their settings from (a secret is made when none)."""
    secret = settings.secret_key or os.environ.get(SECRET) or secrets.token_hex(32)
    return {DB: settings.db, WORKSPACE: settings.workspace or "",
            SECURE: "1" if settings.secure_cookies else "", SECRET: secret}


def settings_from_env() -> Settings:
    return Settings(db=os.environ[DB], workspace=os.environ.get(WORKSPACE) or None,
                    secret_key=os.environ[SECRET], secure_cookies=bool(os.environ.get(SECURE)))


def app() -> FastAPI:
    """One worker's application."""
    return create_app(settings_from_env())
