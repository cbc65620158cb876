"""Two writers at once: a second ``ingest`` (or ``screen``) started while an ingest holds the
workspace ends at once with 「工作库正被占用」 and exit code 3, no traceback, and the workspace
holds exactly what the first ingest alone gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from kill_harness import fresh, steps, tables

from zhongben.ready import wait_until
from zhongben.synth import generate

AS_OF = "2026-06-30"


def _holds_write_lock(path: Path, pid: int) -> bool:
    """Whether process ``pid`` holds a POSIX write lock on ``path`` — read from /proc/locks, so
    looking takes no lock (a reader's shared lock would itself keep the writer out)."""
    try:
        inode = path.stat().st_ino
    except FileNotFoundError:
        return False
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields:  # a waiting request, not a held lock
            continue
        kind, owner, device = fields[3], fields[4], fields[5]
        if kind == "WRITE" and owner == str(pid) and device.rsplit(":", 1)[-1] == str(inode):
            return True
    return False


def _wait_until_locked(path: Path, proc: subprocess.Popen[bytes]) -> None:
    wait_until(lambda: _holds_write_lock(path, proc.pid), "第一个导入（持有工作库写锁）",
               alive=lambda: proc.poll() is None, interval=0.01)


# The command line with its imports done before it is let go (a second of work instead of
# several seconds of start-up on a loaded machine): it tries the workspace while the first holds it
PRIMED = ("import sys; from zhongben.cli.main import app; print('ready', flush=True); "
          "sys.stdin.readline(); sys.argv = ['zhongben', *sys.argv[1:]]; app()")


def _primed(cmd: list[str]) -> subprocess.Popen[str]:
    args = cmd[cmd.index("zhongben.cli.main") + 1:]
    proc = subprocess.Popen([sys.executable, "-c", PRIMED, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")
def test_a_second_writer_is_told_busy_and_the_workspace_stays_whole(tmp_path: Path) -> None:
    world = tmp_path / "world"
    generate(seed=11, scale="tiny", out=world, plants=1)
    reference = fresh(tmp_path / "reference")
    subprocess.run(steps(world, reference, AS_OF)[0][1], check=True, capture_output=True)

    ws = fresh(tmp_path / "busy")
    ingest, screen = (cmd for _, cmd in steps(world, ws, AS_OF)[:2])
    seconds = [_primed(ingest), _primed(screen)]
    first = subprocess.Popen(ingest, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_locked(ws, first)
        answers = [proc.communicate("go\n", timeout=300) for proc in seconds]
        assert first.poll() is None  # still running: the refusals did not disturb it
    finally:
        _, err = first.communicate(timeout=600)
        for proc in seconds:
            proc.kill()
    for proc, (out, said) in zip(seconds, answers, strict=True):
        assert proc.returncode == 3, said[-2000:]
        assert "工作库正被占用" in said and f"进程 {first.pid}" in said
        assert "Traceback" not in said + out
    assert first.returncode == 0, err.decode()[-2000:]
    assert tables(ws) == tables(reference)
    assert not ws.with_suffix(".json").exists()  # the refused screen wrote nothing
