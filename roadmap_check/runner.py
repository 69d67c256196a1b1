"""Check many files: in this process or in ``--jobs`` worker processes, in path order.

Each worker builds its Engine (and so compiles each rule set) once, then checks the files it
is given; results come back in the order of the paths whatever the parallelism.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from roadmap_check.engine import Engine, FileReport, Options
from roadmap_check.errors import RoadmapCheckError

_WORKER: Engine | None = None


def _start(options: Options) -> None:
    global _WORKER
    _WORKER = Engine(options)


def _check(path: str) -> FileReport | RoadmapCheckError:
    assert _WORKER is not None
    try:
        report = _WORKER.check_path(Path(path), path)
    except RoadmapCheckError as exc:  # sent back as a plain error, its message keys kept
        return RoadmapCheckError(str(exc), template=exc.template, values=exc.values)
    report.ruleset = None  # the name travels; the rule set need not cross processes
    return report


def check_stdin(engine: Engine, display: str) -> FileReport:
    from roadmap_check.yaml_io import decode, load_text

    data = sys.stdin.buffer.read()
    text, problem = decode(data, display)
    if text is None:
        from roadmap_check.yaml_io import Loaded

        return engine.check_loaded(Loaded(display, None, [problem] if problem else []),
                                   Path.cwd())
    return engine.check_loaded(load_text(text, display), Path(display).parent)


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
