"""Time and memory budgets: run the real entry point in a child and measure it.

Wall time comes from a monotonic clock around the child; peak memory from ``os.wait4``'s
resource usage of that child alone (its maximum resident set size). A run over the time budget
is killed, so a stall fails the test instead of hanging the suite.
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


def measure(*args: str | Path, cwd: Path, seconds: float, stdin: bytes | None = None,
            env: dict[str, str] | None = None) -> Measured:
    """Run ``roadmap-check ARGS`` in ``cwd``; killed (and failed by the caller) after three
    times the budget, so that a stall ends."""
    environment = dict(os.environ)
    environment.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        child = subprocess.Popen([*entry_point(), *map(str, args)], cwd=cwd, stdout=out,
                                 stderr=err, stdin=subprocess.PIPE if stdin is not None
                                 else subprocess.DEVNULL, env=environment,
                                 start_new_session=True)
        if stdin is not None:
            assert child.stdin is not None
            child.stdin.write(stdin)
            child.stdin.close()
        limit = start + 3 * seconds + 1
        status = rusage = None
        while status is None:
            pid, raw, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                status, rusage = raw, usage
            elif time.monotonic() > limit:
                os.killpg(child.pid, signal.SIGKILL)
                _, status, rusage = os.wait4(child.pid, 0)
            else:
                time.sleep(0.005)
        elapsed = time.monotonic() - start
        assert rusage is not None
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
        return Measured(child.returncode, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), elapsed,
                        rusage.ru_maxrss * scale / 2**20)


def within(run: Measured, seconds: float = 2.0, mb: float = 300.0) -> None:
    """The run finished in time and memory, with a clean exit (0/1/2) and no traceback."""
    assert run.seconds <= seconds, f"took {run.seconds:.2f} s (budget {seconds} s)"
    assert run.peak_mb <= mb, f"peaked at {run.peak_mb:.0f} MB (budget {mb} MB)"
    assert run.code in (0, 1, 2), (run.code, run.stderr[-2000:])
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "internal error" not in run.stderr, run.stderr[-2000:]
