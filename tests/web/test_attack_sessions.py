"""Attacks on signing in and on sessions: guessing passwords, replaying a cookie after logout or
a password change, weak passwords, and telling from the answers which user names exist."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from helpers import csrf_of, login
from sqlalchemy import select

from zhongben.store import accounts
from zhongben.store.demo import DEMO_PASSWORD
from zhongben.store.models import AuditEntry, User
from zhongben.store.throttle import ACCOUNT_FAILURES, CLIENT_FAILURES, REFUSED, login_refusal
from zhongben.store.users_admin import UserError, check_password

WRONG = "Wrong-pass-0"


def _try(client: TestClient, username: str, password: str) -> tuple[int, str]:
    token = csrf_of(client.get("/").text)
    answer = client.post("/login", data={"username": username, "password": password,
                                         "csrf_token": token})
    return answer.status_code, answer.text


def test_an_account_is_locked_after_five_failures_even_for_the_right_password(
        web_app: FastAPI) -> None:
    client = TestClient(web_app)
    for _ in range(ACCOUNT_FAILURES):
        assert _try(client, "jcg", WRONG)[0] == 401
    status, text = _try(client, "jcg", DEMO_PASSWORD)
    assert status == 429 and REFUSED in text
    with web_app.state.sessions() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "login_locked")).all()
    assert _try(TestClient(web_app), "zl", DEMO_PASSWORD)[0] == 200  # others are not locked


def test_a_lock_does_not_tell_whether_the_user_exists(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    for name in ("jcg", "nobody-here"):
        answers = [_try(client, name, WRONG) for _ in range(ACCOUNT_FAILURES + 1)]
        assert [a[0] for a in answers] == [401] * ACCOUNT_FAILURES + [429]
        assert "用户名或密码错误" in answers[0][1] and REFUSED in answers[-1][1]


def test_an_unknown_user_costs_the_same_password_check(web_app: FastAPI) -> None:
    accounts._dummy_hash.cache_clear()
    _try(TestClient(web_app), "nobody-here", WRONG)
    assert accounts._dummy_hash.cache_info().currsize == 1  # an argon2 verify was run


def test_the_lock_ends_after_the_window_and_at_a_password_reset(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    for _ in range(ACCOUNT_FAILURES):
        _try(client, "jcg", WRONG)
    assert _try(client, "jcg", DEMO_PASSWORD)[0] == 429
    with web_app.state.sessions() as s:  # the audit log is append-only: ask as of later
        assert login_refusal(s, "jcg", None) == REFUSED
        assert login_refusal(s, "jcg", None, datetime.now() + timedelta(minutes=16)) is None
        user_id = s.scalars(select(User).where(User.username == "jcg")).one().id
    admin = TestClient(web_app)
    admin.post(f"/users/{user_id}/password", data={"csrf_token": login(admin, "admin"),
                                                    "password": "Reset-2026-x"})
    status, text = _try(client, "jcg", "Reset-2026-x")
    assert status == 200 and "请先设置新密码" in text


def test_one_address_spraying_many_names_is_refused(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    for n in range(CLIENT_FAILURES):
        assert _try(client, f"guess{n}", WRONG)[0] == 401
    assert _try(client, "zl", DEMO_PASSWORD)[0] == 429


def test_logout_ends_the_session_and_a_replayed_cookie_is_refused(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    token = login(client, "jcg")
    stolen = dict(client.cookies)
    client.post("/logout", data={"csrf_token": token})
    replay = TestClient(web_app, cookies=stolen)
    assert not str(replay.get("/leads").url).endswith("/leads")  # sent to sign in
    with web_app.state.sessions() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "logout")).all()


def test_a_password_change_ends_the_other_sessions_but_not_this_one(web_app: FastAPI) -> None:
    here, there = TestClient(web_app), TestClient(web_app)
    token = login(here, "jcg")
    login(there, "jcg")
    changed = here.post("/password", data={"csrf_token": token, "current": DEMO_PASSWORD,
                                           "new": "Xin-mima-2027", "again": "Xin-mima-2027",
                                           "next": "/leads"})
    assert "密码已修改" in changed.text
    assert str(here.get("/leads").url).endswith("/leads")
    assert not str(there.get("/leads").url).endswith("/leads")


def test_a_login_rotates_the_session_cookie(web_app: FastAPI) -> None:
    client = TestClient(web_app)
    client.get("/")
    before = client.cookies.get("zhongben_session")
    login(client, "jcg")
    assert client.cookies.get("zhongben_session") not in (None, before)


def test_weak_passwords_are_refused_in_chinese() -> None:
    for password, said in (("1", "至少 10 位"), ("1234567890", "字母"),
                           ("jcg-2026-secret", "用户名"), ("Password2026!", "过于常见"),
                           ("qwertyuiop123", "过于常见"), ("a123456789", "过于常见"),
                           ("2026!!!!zhongben", "过于常见")):
        try:
            check_password(password, "jcg")
        except UserError as exc:
            assert said in str(exc), (password, str(exc))
        else:
            raise AssertionError(f"{password} was accepted")
    check_password("Xin-mima-2027", "jcg")


def test_session_version_is_raised_by_a_reset(web_app: FastAPI) -> None:
    with web_app.state.sessions() as s:
        before = s.scalars(select(User).where(User.username == "zl")).one().session_version
    client = TestClient(web_app)
    login(client, "zl")
    admin = TestClient(web_app)
    page_token = login(admin, "admin")
    with web_app.state.sessions() as s:
        user_id = s.scalars(select(User).where(User.username == "zl")).one().id
    admin.post(f"/users/{user_id}/password", data={"csrf_token": page_token,
                                                    "password": "Reset-2026-x"})
    with web_app.state.sessions() as s:
        after = s.scalars(select(User).where(User.username == "zl")).one().session_version
    assert after == before + 1
    assert not str(client.get("/leads").url).endswith("/leads")
