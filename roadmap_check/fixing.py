"""``roadmap-check fix``: apply the safe fixes, editing only the spans they name.

Comments, key order, quoting and blank lines stay as they were. A file is written atomically
(a temporary file beside it, then a rename, keeping its permissions), and never when it changed
on disk since it was read.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from roadmap_check.checks.base import NO_FIX
from roadmap_check.engine import Engine
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding, Fix
from roadmap_check.i18n import foreign
from roadmap_check.registry import CHECKS

FIXABLE = frozenset(code for code, check in CHECKS.items() if check.fix != NO_FIX)
SAFE = FIXABLE  # the checks whose findings carry fixes; each fix says whether it is safe
_BOM = "\ufeff"


@dataclass
class Outcome:
    path: Path
    before: str
    after: str
    applied: list[Finding]

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        name = self.path.as_posix()
        old, new = (name, name) if self.path.is_absolute() else (f"a/{name}", f"b/{name}")
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=old, tofile=new))


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _offsets(text: str) -> list[int]:
    """The offset where each line starts, counting line breaks as the YAML reader does."""
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def apply(body: str, findings: Iterable[Finding],
          unsafe: bool = False) -> tuple[str, list[Finding]]:
    """The text (without BOM) with the given findings' fixes (the safe ones, and the unsafe
    ones too with ``unsafe``); overlapping fixes are skipped."""
    starts = _offsets(body)
    spans: list[tuple[int, int, Fix, Finding]] = []
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.suppression is not None or not (fix.safe or unsafe):
            continue
        if fix.line > len(starts) or fix.end_line > len(starts):
            continue
        start = starts[fix.line - 1] + fix.column - 1
        end = starts[fix.end_line - 1] + fix.end_column - 1
        if body[start:end] != fix.replacement:
            spans.append((start, end, fix, finding))
    spans.sort(key=lambda s: (s[0], s[1]))
    applied: list[Finding] = []
    out: list[str] = []
    cursor = 0
    for start, end, fix, finding in spans:
        if start < cursor:
            continue  # overlaps a fix already taken; the next run picks it up
        out.append(body[cursor:start])
        out.append(fix.replacement)
        cursor = end
        applied.append(finding)
    out.append(body[cursor:])
    return "".join(out), applied


def read(path: Path) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RoadmapCheckError.of("error.unreadable", path=str(path),
                                   reason=foreign("os", str(exc.strerror))) from None
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError:
        raise RoadmapCheckError.of("error.not_utf8", path=str(path)) from None


def write(path: Path, original: bytes, text: str) -> None:
    """Replace the file atomically, unless it changed on disk since ``original`` was read."""
    if path.read_bytes() != original:
        raise RoadmapCheckError.of("error.changed_on_disk", path=str(path))
    mode = path.stat().st_mode & 0o7777
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def fix_file(engine: Engine, path: Path) -> tuple[bytes, Outcome, str]:
    """The file's bytes as read, the outcome of its safe fixes, and the file's language.

    ``engine`` should select only the SAFE codes. Fixes are applied until none is left (a fix
    can uncover another, e.g. after two overlapped), at most three rounds.
    """
    original, text = read(path)
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    fixed, applied, lang = body, [], "en"
    for _ in range(3):
        report = engine.check_text(fixed, str(path), path.parent)
        lang = report.lang
        fixed, done = apply(fixed, report.findings)
        applied += done
        if not done:
            break
    return original, Outcome(path, text, (_BOM if bom else "") + fixed, applied), lang
