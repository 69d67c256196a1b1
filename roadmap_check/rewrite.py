"""Replace a file's text without ever damaging it: what ``roadmap-check fix`` writes with.

- A symbolic link is followed: its target is rewritten, the link stays a link.
- A file with one name is replaced atomically: a temporary file beside it, then a rename,
  keeping its permissions.
- A file with other hard links is written in place, so that every name sees the new text; a
  copy of it is made and read back first, and it is restored from that copy if the new text
  does not read back (the copy is named if even that fails).
- A read-only file is refused unless forced; a file changed on disk since it was read is never
  written; an operating-system error is a one-line error naming the file.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import foreign


class Refused(RoadmapCheckError):
    """A file left as it was (one line naming it); the run goes on with the next file."""


def _reason(exc: OSError) -> dict[str, str]:
    return foreign("os", str(exc.strerror or exc))


def replace_text(path: Path, original: bytes, data: bytes, force: bool = False) -> None:
    """Give the file ``path`` (read as ``original``) the bytes ``data``."""
    shown = str(path)
    target = Path(os.path.realpath(path))
    try:
        if target.read_bytes() != original:
            raise Refused.of("error.changed_on_disk", path=shown)
        info = target.stat()
    except OSError as exc:
        raise Refused.of("error.cannot_write", path=shown, reason=_reason(exc)) from None
    if not force and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise Refused.of("error.read_only", path=shown)
    try:
        if info.st_nlink > 1:
            _in_place(target, original, data, shown)
        else:
            _replace(target, data, info.st_mode & 0o7777)
    except OSError as exc:
        raise Refused.of("error.cannot_write", path=shown, reason=_reason(exc)) from None


def _replace(target: Path, data: bytes, mode: int) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _overwrite(target: Path, data: bytes) -> None:
    with open(target, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    if target.read_bytes() != data:
        raise OSError(errno.EIO, "Input/output error")


def _in_place(target: Path, original: bytes, data: bytes, shown: str) -> None:
    fd, backup = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".orig", dir=target.parent)
    copy = Path(backup)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(original)
            handle.flush()
            os.fsync(handle.fileno())
        if copy.read_bytes() != original:
            raise OSError(errno.EIO, "Input/output error")
        os.close(os.open(target, os.O_WRONLY))  # can it be written at all? (nothing changes)
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    try:
        _overwrite(target, data)
    except OSError as exc:
        try:
            _overwrite(target, original)
        except OSError:
            raise Refused.of("error.kept_in_copy", path=shown, reason=_reason(exc),
                             copy=backup) from None
        copy.unlink(missing_ok=True)
        raise
    copy.unlink(missing_ok=True)
