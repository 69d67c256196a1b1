"""Reading the files a run is given: bytes, or a one-line error naming the file."""

from __future__ import annotations

from pathlib import Path

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import foreign


def read_bytes(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RoadmapCheckError.of("error.no_file", path=display) from None
    except IsADirectoryError:
        raise RoadmapCheckError.of("error.is_directory", path=display) from None
    except OSError as exc:
        raise RoadmapCheckError.of("error.unreadable", path=display,
                                   reason=foreign("os", str(exc.strerror))) from None
