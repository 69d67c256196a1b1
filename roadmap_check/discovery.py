"""Which files a run checks: files as given, folders walked for road maps, in path order."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from pathlib import Path

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import local

SUFFIXES = (".yaml", ".yml")
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__",
                       ".tox", ".mypy_cache", ".ruff_cache"})
_ROADMAP_KEY = re.compile(rb"^roadmap\s*:", re.MULTILINE)
_SNIFF_BYTES = 64 * 1024


def looks_like_roadmap(path: Path) -> bool:
    """A YAML file with a top-level ``roadmap:`` key near its start."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return _ROADMAP_KEY.search(head) is not None


def _excluded(path: Path, patterns: list[str]) -> bool:
    posix = path.as_posix()
    return any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(path.name, p)
               or fnmatch.fnmatch(posix, f"*/{p}") for p in patterns)


def _walk(folder: Path, patterns: list[str]) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        here = Path(root)
        try:
            stat = here.stat()
        except OSError:
            dirs[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop: been here already
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                         and not _excluded(here / d, patterns))
        for name in sorted(files):
            path = here / name
            if name.endswith(SUFFIXES) and not _excluded(path, patterns) \
                    and looks_like_roadmap(path):
                yield path


def expand(paths: list[Path], exclude: list[str], roadmaps_only: bool = False) -> list[Path]:
    """Files stay as given (even without a ``roadmap:`` key, unless ``roadmaps_only``);
    folders are walked for road maps."""
    out: dict[str, Path] = {}
    empty: list[Path] = []
    for path in paths:
        if str(path) == "-":
            out["-"] = path
        elif path.is_dir():
            found_any = False
            for found in _walk(path, exclude):
                out.setdefault(found.as_posix(), found)
                found_any = True
            if not found_any:
                empty.append(path)
        elif path.exists():
            if roadmaps_only and not looks_like_roadmap(path):
                continue
            if not _excluded(path, exclude):
                out.setdefault(path.as_posix(), path)
        else:
            raise RoadmapCheckError.of("error.no_file_or_folder", path=str(path))
    if not out and roadmaps_only:
        return []
    if not out:
        names = ", ".join(str(p) for p in empty) or local("error.the_paths_given")
        raise RoadmapCheckError.of("error.no_roadmaps", paths=names)
    return sorted(out.values(), key=lambda p: (str(p) != "-", p.as_posix()))
