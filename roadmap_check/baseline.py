"""Baselines: record today's findings, then report only what a change makes worse.

The file is plain text, one finding a line, sorted, so it reviews well in a pull request::

    # roadmap-check baseline 1: fingerprint, path, code, item, framework, subject
    3f2a...  roadmaps/a.yaml  RM201  2.1  cis-infosec-2030  ...

A finding matches an entry by path and fingerprint (code, item, framework and the normalised
text it is about), never by line, so moving or editing other items changes nothing. A stage of
the run (across files): matched findings are marked waived by the baseline (SARIF shows them
as suppressed); an entry of a checked file that no longer occurs is RM406 (declared here).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

from roadmap_check.checks.base import INFO, NO_FIX, Check, Family
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding, Waived
from roadmap_check.fingerprints import fingerprint, identity
from roadmap_check.i18n import foreign, msg
from roadmap_check.report import FileReport

RM406 = Check("RM406", "stale-baseline-entry", INFO, NO_FIX,
              ("rm406.stale", "rm406.stale_item", "rm406.stale.hint", "suppression.baseline"))
FAMILY = Family("baseline", (RM406,))
HEADER = "# roadmap-check baseline 1: fingerprint, path, code, item, framework, subject"


class Entry(NamedTuple):
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
    entries = sorted(entry(f, path.parent).line() for f in findings if f.suppression is None)
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


def apply(findings: list[Finding], entries: list[Entry], base: Path, checked: set[str],
          note: Waived) -> tuple[list[Finding], list[Entry]]:
    """The findings with those in the baseline waived by it, and the entries of checked files
    that no longer occur."""
    remaining = Counter((e.path, e.fingerprint) for e in entries)
    out: list[Finding] = []
    for finding in findings:
        if finding.suppression is None:
            mark = (relative(finding.path, base), fingerprint(finding))
            if remaining[mark] > 0:
                remaining[mark] -= 1
                finding = finding._replace(suppression=note)
        out.append(finding)
    stale: list[Entry] = []
    for e in entries:
        mark = (e.path, e.fingerprint)
        if e.path in checked and remaining[mark] > 0:
            remaining[mark] -= 1
            stale.append(e)
    return out, stale


def apply_to(reports: list[FileReport], path: Path, wanted: frozenset[str]) -> None:
    """The baseline stage of a run: ``wanted`` are the codes the run checks (an entry of a
    check it does not make cannot be found, so it is not stale either)."""
    entries = [e for e in read(path) if e.code in wanted]
    base = path.parent
    note = Waived("baseline", msg("suppression.baseline", path=str(path)))
    for report in reports:
        report.findings, stale = apply(report.findings, entries, base,
                                       {relative(report.path, base)}, note)
        for e in stale if "RM406" in wanted else []:
            about = f" ({e.framework})" if e.framework != "-" else ""
            message = msg("rm406.stale_item", code=e.code, item=e.item, about=about) \
                if e.item != "-" else msg("rm406.stale", code=e.code, about=about)
            report.findings.append(RM406.at(report.path, (1, 1), message, subject=e.fingerprint,
                                            hint=msg("rm406.stale.hint", path=str(path))))
        report.findings.sort(key=Finding.sort_key)
