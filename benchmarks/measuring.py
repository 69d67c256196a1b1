"""Run a command in a fresh child process and measure its wall time and peak memory.

The wall time is perf_counter around the child; the peak RSS is os.wait4's rusage of that child
only (ru_maxrss). A command that exits with a code it should not, or outlives its timeout, is a
CommandFailed carrying the tail of its standard error, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

Env = dict[str, str] | None


class CommandFailed(RuntimeError):
    pass


@dataclass
class Sample:
    wall: float  # seconds
    rss_mb: float | None  # peak resident set size, MiB (None where the platform cannot tell)


@dataclass
class Series:
    """The runs of one command on one file; `error` says why it stopped, if it did."""

    samples: list[Sample] = field(default_factory=list)
    error: str | None = None

    @property
    def best(self) -> float | None:
        return min((s.wall for s in self.samples), default=None)

    @property
    def peak(self) -> float | None:
        return max((s.rss_mb for s in self.samples if s.rss_mb is not None), default=None)


def run_once(cmd: list[str], ok_codes: tuple[int, ...], env: Env = None,
             timeout: float | None = None) -> Sample:
    """Run cmd once, output discarded; its wall time and peak RSS, or CommandFailed."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=err, env=env)
        except OSError as exc:
            raise CommandFailed(f"cannot start {cmd[0]}: {exc}") from None
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                wall = time.perf_counter() - t0
                proc.returncode = os.waitstatus_to_exitcode(status)
                scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
                rss: float | None = usage.ru_maxrss * scale / 2**20
            else:  # pragma: no cover - Windows
                proc.wait()
                wall, rss = time.perf_counter() - t0, None
        finally:
            if timer:
                timer.cancel()
        if killed.is_set():
            raise CommandFailed(f"killed after the {timeout:g} s timeout: {' '.join(cmd)}")
        if proc.returncode not in ok_codes:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-8:]
            raise CommandFailed(f"exit code {proc.returncode}: {' '.join(cmd)}"
                                + "".join("\n    " + line for line in tail))
    return Sample(wall, rss)


def add_run(series: Series, cmd: list[str], ok_codes: tuple[int, ...], env: Env = None,
            timeout: float | None = None) -> None:
    """One more sample in series, unless it has failed before (a failure ends the series)."""
    if series.error is not None:
        return
    try:
        series.samples.append(run_once(cmd, ok_codes, env, timeout))
    except CommandFailed as exc:
        series.error = str(exc)
