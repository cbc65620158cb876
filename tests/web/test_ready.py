"""Start-up waits depend on readiness (zhongben.ready): they end as soon as the thing answers,
at once when its process dies (naming what and showing its log), and only after a load-scaled
cap when it hangs."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from fastapi import FastAPI

from zhongben import ready
from zhongben.ready import NotReady, accepts, answers, start_timeout, wait_until
from zhongben.web.server import free_port, running, start_process


def test_a_wait_ends_when_ready() -> None:
    calls = iter([False, False, True])
    assert wait_until(lambda: next(calls), "测试对象", interval=0.001) < 5


def test_a_process_that_dies_is_reported_at_once_with_its_log(tmp_path: Path) -> None:
    log = tmp_path / "start.log"
    log.write_text("Traceback: 端口已被占用\n")
    began = time.monotonic()
    with pytest.raises(NotReady, match=r"(?s)网页服务在就绪前退出.*端口已被占用"):
        wait_until(lambda: False, "网页服务", alive=lambda: False, log=log, timeout=600)
    assert time.monotonic() - began < 5


def test_a_hung_start_fails_after_the_cap_naming_what_and_the_variable() -> None:
    with pytest.raises(NotReady, match=f"数据库在 0 秒内未就绪.*{ready.TIMEOUT_VARIABLE}"):
        wait_until(lambda: False, "数据库", timeout=0.05, interval=0.01)


def test_the_cap_comes_from_the_environment_and_grows_with_the_load(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ready.TIMEOUT_VARIABLE, "10")
    monkeypatch.setattr(ready.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(ready.os, "getloadavg", lambda: (8.0, 0.0, 0.0))
    assert start_timeout() == 40  # eight runnable on two cores: four times as long
    monkeypatch.setattr(ready.os, "getloadavg", lambda: (0.5, 0.0, 0.0))
    assert start_timeout() == 10  # an idle machine never shortens it
    monkeypatch.delenv(ready.TIMEOUT_VARIABLE)
    assert start_timeout() == ready.DEFAULT_TIMEOUT
    monkeypatch.setenv(ready.TIMEOUT_VARIABLE, "abc")
    with pytest.raises(NotReady, match="应为秒数"):
        start_timeout()


def test_the_checks_see_a_threaded_server_and_an_open_port() -> None:
    app = FastAPI()
    app.get("/")(lambda: {"ok": True})
    port = free_port()
    assert not answers(f"http://127.0.0.1:{port}/")() and not accepts("127.0.0.1", port)()
    with running(app, port=port) as base:
        assert answers(base + "/")() and accepts("127.0.0.1", port)()
        assert not answers(base + "/missing")()  # a 404 is not "ready"
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        assert accepts(*listening.getsockname())()


@pytest.mark.slow  # a CLI process (imports the whole app)
def test_a_serve_process_that_cannot_start_is_reported_with_its_error(tmp_path: Path) -> None:
    with pytest.raises(NotReady, match=r"(?s)网页服务（--workers 0）在就绪前退出.*workers"):
        start_process(["--workers", "0"], free_port(), tmp_path / "serve.log")
