"""Waiting until something is ready — a web server answering, a port accepting connections — for
as long as a busy machine takes, not for a fixed time.

One generous cap keeps a hung start from waiting forever: $ZHONGBEN_START_TIMEOUT seconds
(default 180), multiplied by how overloaded the machine is when the wait begins (the one-minute
load average per core, when it is above 1) — eight test workers on two cores wait four times as
long before a start counts as hung. A process that dies while starting is reported at once, with
the end of its log. The tests, the benchmarks, the screenshot run and the start of
``zhongben serve --workers N``'s worker processes all wait through here.
"""

from __future__ import annotations

import http.client
import os
import socket
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

TIMEOUT_VARIABLE = "ZHONGBEN_START_TIMEOUT"
DEFAULT_TIMEOUT = 180.0  # seconds on an idle machine


class NotReady(RuntimeError):
    """What was awaited never got ready: it died while starting, or outlived the cap."""


def start_timeout() -> float:
    """The cap on one wait: $ZHONGBEN_START_TIMEOUT (default 180 s) × the machine's load."""
    raw = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    try:
        base = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError as bad:
        raise NotReady(f"{TIMEOUT_VARIABLE} 应为秒数，而不是 {raw!r}") from bad
    try:
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
    except OSError:  # no load average on this platform
        load = 1.0
    return base * max(1.0, load)


def _tail(log: Path | None) -> str:
    if log is None or not log.exists():
        return ""
    return "\n" + log.read_text(errors="replace")[-2000:]


def wait_until(ready: Callable[[], bool], what: str, *, alive: Callable[[], bool] | None = None,
               log: Path | None = None, timeout: float | None = None,
               interval: float = 0.1) -> float:
    """Poll ``ready`` until it is true; returns the seconds waited. Raises NotReady naming
    ``what`` at once when ``alive`` turns false, or when the cap (``timeout`` or
    :func:`start_timeout`) has passed; ``log`` (the starting process's output) ends the message."""
    cap = start_timeout() if timeout is None else timeout
    began = time.monotonic()
    while not ready():
        waited = time.monotonic() - began
        if alive is not None and not alive():
            raise NotReady(f"{what}在就绪前退出（等了 {waited:.0f} 秒）{_tail(log)}")
        if waited > cap:
            raise NotReady(f"{what}在 {cap:.0f} 秒内未就绪（上限：环境变量 {TIMEOUT_VARIABLE}，"
                           f"默认 {DEFAULT_TIMEOUT:.0f} 秒，按机器负载放大）{_tail(log)}")
        time.sleep(interval)
    return time.monotonic() - began


def answers(url: str) -> Callable[[], bool]:
    """A check: ``url`` answers 200 (after redirects)."""

    def check() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status) == 200
        except (OSError, http.client.HTTPException):  # refused, reset, an error status
            return False

    return check


def accepts(host: str, port: int) -> Callable[[], bool]:
    """A check: something accepts TCP connections on ``host:port``."""

    def check() -> bool:
        try:
            with socket.create_connection((host, port), timeout=5):
                return True
        except OSError:
            return False

    return check
