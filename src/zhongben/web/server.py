"""Running the app: in the foreground (``zhongben serve``), in a background thread on a free
loopback port (screenshots, browser tests), or as ``zhongben serve`` in a child process of its
own (multi-worker and kill tests, benchmarks). Both wait for readiness (zhongben.ready), however
busy the machine, not for a fixed time."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from zhongben.ready import answers, wait_until


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Serve ``app`` in a thread; yields the base URL; stops the server on exit."""
    port = port or free_port()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: bool(server.started), "网页服务（后台线程）", alive=thread.is_alive,
               interval=0.02)  # a server that cannot start ends its thread
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def start_process(args: list[str], port: int, log: Path | None = None,
                  env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``zhongben serve ARGS --port PORT`` in a process group of its own, returned once it
    answers on the loopback address; its stderr goes to ``log``. A server that dies while
    starting, or never answers, is killed and reported (NotReady, with the log's end)."""
    cmd = [sys.executable, "-m", "zhongben.cli.main", "serve", *args, "--port", str(port)]
    err = log.open("wb") if log else None
    with err or open(os.devnull, "wb") as sink:
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=sink, env=env,
                                  start_new_session=True)
    try:
        wait_until(answers(f"http://127.0.0.1:{port}/"), f"网页服务（{' '.join(args)}）",
                   alive=lambda: server.poll() is None, log=log, interval=0.2)
    except BaseException:
        stop_process(server, signal.SIGKILL)
        raise
    return server


def stop_process(server: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Signal the server's process group (its workers too) and reap it; SIGKILL after 30 s."""
    if server.poll() is None:
        os.killpg(server.pid, sig)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


@contextmanager
def serving(args: list[str], log: Path | None = None,
            env: dict[str, str] | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """:func:`start_process` on a free port until the block ends; yields (base URL, process)."""
    port = free_port()
    server = start_process(args, port, log, env)
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        stop_process(server)
