"""Run a command in a fresh process and measure its wall time, processor time and peak memory.

The command is started by a small launcher (a Python without site, only os, sys and time) that
forks it, times it from fork to exit with perf_counter and reads its processor time (user +
system) and peak RSS from os.wait4.
Measured from the runner directly, a child's ru_maxrss would start at the runner's own
high-water mark (Linux carries the parent's into the child at exec), so the runner's memory
would count as the command's. A command that exits with a code it should not, or outlives its
timeout, is a CommandFailed carrying the tail of its standard error, never a traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

Env = dict[str, str] | None


class CommandFailed(RuntimeError):
    pass


@dataclass
class Sample:
    wall: float  # seconds
    rss_mb: float | None  # peak resident set size, MiB (None where the platform cannot tell)
    cpu: float | None = None  # processor seconds, user + system (None where it cannot tell)


@dataclass
class Series:
    """The runs of one command on one file; `error` says why it stopped, if it did."""

    samples: list[Sample] = field(default_factory=list)
    error: str | None = None
    clock: str = "wall"  # which time `best` takes: "wall", or "cpu" (processor time)

    @property
    def best(self) -> float | None:
        if self.clock == "cpu":
            return min((s.cpu for s in self.samples if s.cpu is not None), default=None)
        return min((s.wall for s in self.samples), default=None)

    @property
    def peak(self) -> float | None:
        return max((s.rss_mb for s in self.samples if s.rss_mb is not None), default=None)


LAUNCHER = (
    "import os, sys, time\n"
    "t0 = time.perf_counter()\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    try:\n"
    "        os.execvp(sys.argv[2], sys.argv[2:])\n"
    "    except OSError as exc:\n"
    "        print(f'cannot start {sys.argv[2]}: {exc}', file=sys.stderr)\n"
    "    os._exit(127)\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "wall = time.perf_counter() - t0\n"
    "cpu = usage.ru_utime + usage.ru_stime\n"
    "with open(sys.argv[1], 'w') as f:\n"
    "    f.write(f'{wall!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {cpu!r}')\n"
)


def run_once(cmd: list[str], ok_codes: tuple[int, ...], env: Env = None,
             timeout: float | None = None) -> Sample:
    """Run cmd once, output discarded; its wall time and peak RSS, or CommandFailed."""
    forks = hasattr(os, "fork") and hasattr(os, "wait4")
    with tempfile.TemporaryDirectory(prefix="roadmap-run-") as tmp:
        result, err_path = Path(tmp) / "result", Path(tmp) / "stderr"
        launch = [sys.executable, "-S", "-c", LAUNCHER, str(result)] if forks else []
        with open(err_path, "wb") as err:
            t0 = time.perf_counter()
            try:
                proc = subprocess.Popen([*launch, *cmd], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=err, env=env,
                                        start_new_session=forks)
            except OSError as exc:
                raise CommandFailed(f"cannot start {cmd[0]}: {exc}") from None
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                _kill(proc, forks)
                raise CommandFailed(f"killed after the {timeout:g} s timeout: {' '.join(cmd)}") \
                    from None
            wall, rss, code, cpu = time.perf_counter() - t0, None, proc.returncode, None
        if forks:
            try:
                text_wall, maxrss, text_code, text_cpu = result.read_text().split()
            except (OSError, ValueError):
                raise CommandFailed(f"the launcher failed (exit {proc.returncode}): "
                                    f"{' '.join(cmd)}{_tail(err_path)}") from None
            scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
            wall, rss, code = float(text_wall), int(maxrss) * scale / 2**20, int(text_code)
            cpu = float(text_cpu)
        if code not in ok_codes:
            raise CommandFailed(f"exit code {code}: {' '.join(cmd)}{_tail(err_path)}")
    return Sample(wall, rss, cpu)


def _kill(proc: subprocess.Popen[bytes], group: bool) -> None:
    """Kill the launcher and the command it started (one process group)."""
    try:
        if group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    proc.wait()


def _tail(path: Path) -> str:
    lines = path.read_bytes().decode("utf-8", "replace").strip().splitlines()[-8:]
    return "".join("\n    " + line for line in lines)


def add_run(series: Series, cmd: list[str], ok_codes: tuple[int, ...], env: Env = None,
            timeout: float | None = None) -> None:
    """One more sample in series, unless it has failed before (a failure ends the series)."""
    if series.error is not None:
        return
    try:
        series.samples.append(run_once(cmd, ok_codes, env, timeout))
    except CommandFailed as exc:
        series.error = str(exc)
