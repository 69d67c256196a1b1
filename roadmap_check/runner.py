"""Check many files: in this process or in ``--jobs`` worker processes, in path order.

Each worker builds its Engine (and so compiles each rule set) once, then checks the files it
is given; results come back in the order of the paths whatever the parallelism. There are
never more workers than files or cores, and a worker ends when the process that started it
ends, however it ended (killed included): none is left behind.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from roadmap_check.engine import Engine, Options
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.report import FileReport

_WORKER: Engine | None = None


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def worker_count(jobs: int, files: int) -> int:
    """``--jobs``, but never more than the files to check or the cores this process may use."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1
    return max(1, min(jobs, files, cores))


def _start(options: Options, parent: int) -> None:
    global _WORKER
    _die_with(parent)
    _WORKER = Engine(options)


def _die_with(parent: int) -> None:
    """End this worker when ``parent`` ends: at once on Linux (the kernel sends SIGKILL), else
    within a second (a thread watches whether the parent changed)."""
    import signal
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread does it
            pass
    if os.getppid() != parent:  # it ended before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:  # pragma: no cover - runs in the workers
    import time

    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _check(path: str) -> FileReport | RoadmapCheckError:
    assert _WORKER is not None
    try:
        report = _WORKER.check_path(Path(path), path)
    except RoadmapCheckError as exc:  # sent back whole, its message keys kept
        return exc
    return report  # plain records: it crosses processes as it is


def check_stdin(engine: Engine, display: str) -> FileReport:
    return engine.check_data(sys.stdin.buffer.read(), display, Path(display).parent)


def run(paths: list[Path], options: Options, jobs: int, stdin_name: str,
        progress: Callable[[int], None] | None = None) -> Iterator[FileReport]:
    """FileReports in the order of ``paths`` (``-`` reads standard input)."""
    engine = Engine(options)
    if options.rules:  # an unusable --rules stops the run before any file is read (exit 2)
        engine.compiled(options.rules, Path.cwd())
    files = [p for p in paths if str(p) != "-"]
    if len(files) != len(paths):
        yield check_stdin(engine, stdin_name)
    jobs = worker_count(jobs, len(files))
    if jobs == 1:
        for path in files:
            yield engine.check_path(path, str(path))
            if progress:
                progress(1)
        return
    # Only a run of several files in several processes needs these.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers are children of this process, which _die_with relies on.
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                             initargs=(options, os.getpid())) as pool:
        for result in pool.map(_check, [str(p) for p in files], chunksize=1):
            if isinstance(result, RoadmapCheckError):
                raise result
            if progress:
                progress(1)
            yield result
