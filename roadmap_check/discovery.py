"""Which files a run checks: files as given, folders walked for road maps, in path order.

Only regular files are read: a named pipe or a device could block a read forever or never end.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import local

SUFFIXES = (".yaml", ".yml")
OFFICE_SUFFIXES = (".docx", ".xlsx", ".odt", ".ods")  # Word, Excel, OpenDocument road maps
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__",
                       ".tox", ".mypy_cache", ".ruff_cache"})
_ROADMAP_KEY = re.compile(rb"^roadmap\s*:", re.MULTILINE)
_SNIFF_BYTES = 64 * 1024


class Skipped(NamedTuple):
    """A path of a walked folder that is not read: ``why`` is a message key."""

    path: Path
    why: str
    target: str = ""


def looks_like_roadmap(path: Path) -> bool:
    """A YAML file with a top-level ``roadmap:`` key near its start, a Word or Excel file with
    a road-map table (``office.detect``, a sniff of its start); a file that cannot be
    read may be one (it is reported when it is read, RM001), one that is not a regular file
    (a named pipe, a device) never is, and is not opened: reading it could block forever."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        if path.name.lower().endswith(OFFICE_SUFFIXES):
            from roadmap_check.office.detect import holds_roadmap

            return holds_roadmap(path)
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True
    return _ROADMAP_KEY.search(head) is not None


def special_kind(mode: int) -> str | None:
    """The message key of what a path is, if it is not a regular file (nor a folder)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "kind.fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "kind.device"
    if stat.S_ISSOCK(mode):
        return "kind.socket"
    return "kind.special"


def _excluded(path: Path, patterns: list[str]) -> bool:
    if not patterns:
        return False
    import fnmatch

    posix = path.as_posix()
    return any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(path.name, p)
               or fnmatch.fnmatch(posix, f"*/{p}") for p in patterns)


def _inside(path: str, folder: str) -> bool:
    return path == folder or os.path.commonpath([path, folder]) == folder


def _walk(folder: Path, patterns: list[str], skipped: list[Skipped]) -> Iterator[Path]:
    """Road maps under ``folder``. Links to folders are followed only inside it (each folder
    once, so link loops end); only regular files are read."""
    top = os.path.realpath(folder)
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        here = Path(root)
        try:
            info = here.stat()
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:  # a link to a folder walked already
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        kept = []
        for name in sorted(dirs):
            path = here / name
            if name in SKIP_DIRS or name.startswith(".") or _excluded(path, patterns):
                continue
            if path.is_symlink() and not _inside(target := os.path.realpath(path), top):
                skipped.append(Skipped(path, "cli.skipped_link_outside", target))
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = here / name
            office = name.lower().endswith(OFFICE_SUFFIXES)  # not Word's lock files, "~$..."
            if not (name.endswith(SUFFIXES) or (office and not name.startswith("~$"))) or \
                    _excluded(path, patterns):
                continue
            try:
                kind = special_kind(path.stat().st_mode)
            except FileNotFoundError:  # a link to nothing
                skipped.append(Skipped(path, "cli.skipped_broken_link", os.readlink(path)))
                continue
            except OSError:  # it may be a road map: RM001 says why it cannot be read
                yield path
                continue
            if kind is not None:
                skipped.append(Skipped(path, kind))
            elif looks_like_roadmap(path):
                yield path


def expand(paths: list[Path], exclude: list[str], roadmaps_only: bool = False,
           skipped: list[Skipped] | None = None) -> list[Path]:
    """Files stay as given (even without a ``roadmap:`` key, unless ``roadmaps_only``);
    folders are walked for road maps; what a walk leaves out is added to ``skipped``."""
    out: dict[str, Path] = {}
    empty: list[Path] = []
    skipped = [] if skipped is None else skipped
    for path in paths:
        if str(path) == "-":
            out["-"] = path
        elif path.is_dir():
            found_any = False
            for found in _walk(path, exclude, skipped):
                out.setdefault(found.as_posix(), found)
                found_any = True
            if not found_any:
                empty.append(path)
        elif path.exists():
            kind = special_kind(path.stat().st_mode)
            if kind is not None:
                raise RoadmapCheckError.of("error.not_regular", path=str(path), kind=local(kind))
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
