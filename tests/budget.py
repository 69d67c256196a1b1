"""Time and memory budgets: run the real entry point in a child and measure it.

Wall time comes from a monotonic clock around the child; peak memory from ``os.wait4``'s
resource usage of that child alone (its maximum resident set size), read by a small launcher
(a Python without site) that forks the command: Linux carries the high-water mark of the
process that forks into the child at exec, so forked from the test run itself (hundreds of MB
after a while) the command would be charged the test run's memory. A run over the time budget
is killed with its launcher, so a stall fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from helpers import entry_point


@dataclass
class Measured:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


# Forks the command, waits for it, and writes its exit code and peak RSS (ru_maxrss) to argv[1].
_LAUNCHER = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    try:\n"
    "        os.execv(sys.argv[2], sys.argv[2:])\n"
    "    except OSError as exc:\n"
    "        print(f'cannot start {sys.argv[2]}: {exc}', file=sys.stderr)\n"
    "    os._exit(127)\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "with open(sys.argv[1], 'w') as f:\n"
    "    f.write(f'{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}')\n"
)


def measure(*args: str | Path, cwd: Path, seconds: float, stdin: bytes | None = None,
            env: dict[str, str] | None = None) -> Measured:
    """Run ``roadmap-check ARGS`` in ``cwd``; killed (and failed by the caller) after three
    times the budget, so that a stall ends."""
    environment = dict(os.environ)
    environment.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result"
        command = [sys.executable, "-S", "-c", _LAUNCHER, str(result), *entry_point(),
                   *map(str, args)]
        start = time.monotonic()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err,
                                 stdin=subprocess.PIPE if stdin is not None
                                 else subprocess.DEVNULL, env=environment,
                                 start_new_session=True)
        if stdin is not None:
            assert child.stdin is not None
            child.stdin.write(stdin)
            child.stdin.close()
        try:
            child.wait(3 * seconds + 1)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # the launcher and the command
            child.wait()
        elapsed = time.monotonic() - start
        try:
            code_text, maxrss = result.read_text().split()
            code = int(code_text)
        except (OSError, ValueError):  # killed before the command ended
            code, maxrss = -signal.SIGKILL, "0"
        out.seek(0)
        err.seek(0)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
        return Measured(code, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), elapsed,
                        int(maxrss) * scale / 2**20)


def within(run: Measured, seconds: float = 2.0, mb: float = 300.0) -> None:
    """The run finished in time and memory, with a clean exit (0/1/2) and no traceback."""
    assert run.seconds <= seconds, f"took {run.seconds:.2f} s (budget {seconds} s)"
    assert run.peak_mb <= mb, f"peaked at {run.peak_mb:.0f} MB (budget {mb} MB)"
    assert run.code in (0, 1, 2), (run.code, run.stderr[-2000:])
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "internal error" not in run.stderr, run.stderr[-2000:]
