"""Reading the files a run is given: their bytes, or a one-line error naming the file."""

from __future__ import annotations

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
