"""Check many files: in this process or in ``--jobs`` worker processes, in path order.

Each worker builds its Engine (and so compiles each rule set) once, then checks the files it
is given; results come back in the order of the paths whatever the parallelism.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from roadmap_check.engine import Engine, Options
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.report import FileReport

_WORKER: Engine | None = None


def _start(options: Options) -> None:
    global _WORKER
    _WORKER = Engine(options)


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
    if jobs <= 1 or len(files) < 2:
        for path in files:
            yield engine.check_path(path, str(path))
            if progress:
                progress(1)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(options,)) as pool:
        for result in pool.map(_check, [str(p) for p in files], chunksize=1):
            if isinstance(result, RoadmapCheckError):
                raise result
            if progress:
                progress(1)
            yield result
