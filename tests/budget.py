"""Time and memory budgets: run the real entry point in a child and measure it.

Time is the command's processor time (user and system, from ``os.wait4``'s resource usage of
that child alone): what a stall or a blow-up costs, and not what other processes on a busy
machine take from it (a wall-clock budget failed whenever the suite shared two cores with
other work). The wall clock still bounds the run: a command that waits instead of computing
is killed at three times its budget and fails. Peak memory comes from the same resource usage
(the maximum resident set size), read by a small launcher
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
    seconds: float  # processor time of the command (user + system)
    peak_mb: float
    wall: float = 0.0  # seconds on the wall clock, launcher included
    traced: float = 1.0  # how much slower the command ran under coverage's tracer (1: not)


# Under `pytest --cov` (patch = subprocess) every command runs under coverage's line tracer,
# about three times slower in this code: a budget is for the command, so a traced run is
# allowed that much more (a blow-up the budget is there to catch costs orders of magnitude).
TRACER_SLOWDOWN = 3.0


def _traced() -> float:
    return TRACER_SLOWDOWN if any(name in os.environ for name in (
        "COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")) else 1.0


# Forks the command, waits for it, and writes its exit code, peak RSS (ru_maxrss) and processor
# time (user + system) to argv[1].
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
    "    f.write(f'{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss} '\n"
    "            f'{usage.ru_utime + usage.ru_stime}')\n"
)


def measure(*args: str | Path, cwd: Path, seconds: float, stdin: bytes | None = None,
            env: dict[str, str] | None = None) -> Measured:
    """Run ``roadmap-check ARGS`` in ``cwd``; killed (and failed by the caller) after three
    times the budget, so that a stall ends."""
    traced = _traced()
    run = _run_command([*entry_point(), *map(str, args)], cwd=cwd, seconds=seconds * traced,
                       stdin=stdin, env=env)
    run.traced = traced
    return run


def _run_command(argv: list[str], cwd: Path, seconds: float, stdin: bytes | None = None,
                 env: dict[str, str] | None = None) -> Measured:
    environment = dict(os.environ)
    environment.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result"
        command = [sys.executable, "-S", "-c", _LAUNCHER, str(result), *argv]
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
            code_text, maxrss, cpu_text = result.read_text().split()
            code, cpu = int(code_text), float(cpu_text)
        except (OSError, ValueError):  # killed before the command ended
            code, maxrss, cpu = -signal.SIGKILL, "0", elapsed
        out.seek(0)
        err.seek(0)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
        return Measured(code, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), cpu,
                        int(maxrss) * scale / 2**20, elapsed)


def within(run: Measured, seconds: float = 2.0, mb: float = 300.0) -> None:
    """The run finished in time and memory, with a clean exit (0/1/2) and no traceback."""
    assert run.code != -signal.SIGKILL, f"still running after {run.wall:.1f} s: killed"
    assert run.seconds <= seconds * run.traced, f"took {run.seconds:.2f} s of processor " \
        f"time (budget {seconds} s, x{run.traced:g} under coverage; {run.wall:.2f} s on the " \
        "wall clock)"
    assert run.peak_mb <= mb, f"peaked at {run.peak_mb:.0f} MB (budget {mb} MB)"
    assert run.code in (0, 1, 2), (run.code, run.stderr[-2000:])
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "internal error" not in run.stderr, run.stderr[-2000:]
