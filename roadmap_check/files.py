"""Reading the files a run is given (their bytes, or a one-line error naming the file), and
writing a file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import foreign


def read_bytes(path: Path, display: str) -> bytes:
    """A file's bytes. A file that is not there, or is a folder, is a one-line error; one
    that is there but cannot be read raises ``OSError`` (a road map's finding, RM001, where a
    run of several files goes on without it; see ``read_or_fail``)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RoadmapCheckError.of("error.no_file", path=display) from None
    except IsADirectoryError:
        raise RoadmapCheckError.of("error.is_directory", path=display) from None


def read_or_fail(path: Path, display: str) -> bytes:
    """A file's bytes, or a one-line error whatever stops them being read."""
    try:
        return read_bytes(path, display)
    except OSError as exc:
        raise RoadmapCheckError.of("error.unreadable", path=display,
                                   reason=foreign("os", str(exc.strerror))) from None


def write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """``write`` a temporary file beside ``target``, then put it in its place."""
    folder = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=".roadmap-check-", suffix=target.suffix,
                                    dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a file the user writes (mkstemp's is 0600)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
