"""Baselines: record today's findings, then report only what a change makes worse.

The file is plain text, one finding a line, sorted, so it reviews well in a pull request::

    # roadmap-check baseline 1: fingerprint, path, code, item, framework, subject
    3f2a...  roadmaps/a.yaml  RM201  2.1  cis-infosec-2030  ...

A finding matches an entry by path and fingerprint (code, item, framework and the normalised
text it is about), never by line, so moving or editing other items changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding
from roadmap_check.fingerprints import fingerprint, identity
from roadmap_check.i18n import foreign

HEADER = "# roadmap-check baseline 1: fingerprint, path, code, item, framework, subject"


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    path: str
    code: str
    item: str
    framework: str
    subject: str

    def line(self) -> str:
        return "\t".join((self.fingerprint, self.path, self.code, self.item, self.framework,
                          self.subject))


def relative(path: str, base: Path) -> str:
    """The path as the baseline records it: relative to the baseline's folder, in one field
    (a tab or a line break of a file name shown as an escape)."""
    try:
        posix = Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        posix = Path(path).as_posix()
    return _field(posix)


def _field(text: str) -> str:
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def entry(finding: Finding, base: Path) -> Entry:
    code, item, framework, subject = identity(finding).split("|", 3)
    clean = " ".join(subject.replace("\t", " ").split())
    return Entry(fingerprint(finding), relative(finding.path, base), code,
                 _field(item) or "-", _field(framework) or "-", clean)


def write(path: Path, findings: list[Finding]) -> int:
    entries = sorted(entry(f, path.parent).line() for f in findings if not f.suppressed)
    try:
        # an undecodable file name is recorded by its own bytes, and read back the same way
        path.write_text("\n".join([HEADER, *entries]) + "\n", encoding="utf-8",
                        errors="surrogateescape")
    except OSError as exc:
        raise RoadmapCheckError.of("error.baseline_write", path=str(path),
                                   reason=foreign("os", str(exc.strerror))) from None
    return len(entries)


def read(path: Path) -> list[Entry]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RoadmapCheckError.of("error.baseline_read", path=str(path),
                                   reason=foreign("os", str(exc.strerror))) from None
    if b"\x00" in data:
        raise RoadmapCheckError.of("error.baseline_binary", path=str(path))
    text = data.decode("utf-8", "surrogateescape")
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6:
            raise RoadmapCheckError.of("error.baseline_line", path=str(path), line=number)
        out.append(Entry(*parts))
    return out


def apply(findings: list[Finding], entries: list[Entry], base: Path,
          checked: set[str]) -> tuple[list[Finding], list[Entry]]:
    """The findings not in the baseline, and the entries of checked files that no longer occur."""
    remaining = Counter((e.path, e.fingerprint) for e in entries)
    kept: list[Finding] = []
    for finding in findings:
        if finding.suppressed:
            kept.append(finding)
            continue
        mark = (relative(finding.path, base), fingerprint(finding))
        if remaining[mark] > 0:
            remaining[mark] -= 1
        else:
            kept.append(finding)
    stale: list[Entry] = []
    for e in entries:
        mark = (e.path, e.fingerprint)
        if e.path in checked and remaining[mark] > 0:
            remaining[mark] -= 1
            stale.append(e)
    return kept, stale
