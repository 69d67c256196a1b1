"""The whole run's result, as reporters receive it."""

from __future__ import annotations

from dataclasses import dataclass

from roadmap_check.checks.coverage import Need
from roadmap_check.engine import FileReport
from roadmap_check.errors import EXIT_FINDINGS, EXIT_OK
from roadmap_check.findings import Finding, Severity
from roadmap_check.limits import weight


@dataclass
class Report:
    files: list[FileReport]
    fail_on: Severity | None   # None: never fail
    lang: str = "en"           # the run's language (--lang, the config's, else the locale's)
    limit: int | None = None   # findings of one check listed per file (limits.py)

    def __post_init__(self) -> None:
        self.files.sort(key=lambda f: f.path)

    @property
    def language(self) -> str:
        """The language of the whole report: its files' when they agree, else the run's."""
        langs = {f.lang for f in self.files}
        return langs.pop() if len(langs) == 1 else self.lang

    @property
    def findings(self) -> list[Finding]:
        """Every finding, sorted by path, line, column, code (files are in path order)."""
        return [f for report in self.files for f in report.findings]

    def count(self, severity: Severity) -> int:
        """Unsuppressed findings of that severity, those beyond the cap included."""
        return sum(weight(f, r.omitted) for r in self.files for f in r.findings
                   if f.severity == severity and not f.suppressed)

    @property
    def suppressed(self) -> int:
        return sum(weight(f, r.omitted) for r in self.files for f in r.findings if f.suppressed)

    @property
    def omitted(self) -> dict[str, int]:
        """Findings beyond the cap, not listed, by code over all files."""
        out: dict[str, int] = {}
        for report in self.files:
            for code, count in report.omitted.items():
                out[code] = out.get(code, 0) + count
        return dict(sorted(out.items()))

    @property
    def fixable(self) -> int:
        """Unsuppressed findings with a fix, those beyond the cap included."""
        return sum(1 for r in self.files for f in r.findings if f.fix and not f.suppressed) + \
            sum(r.omitted_fixable for r in self.files)

    @property
    def needs(self) -> list[Need]:
        return [n for r in self.files for n in r.needs]

    def coverage(self) -> tuple[int, int]:
        found = self.needs
        return sum(n.covered for n in found), len(found)

    @property
    def exit_code(self) -> int:
        if self.fail_on is None:
            return EXIT_OK
        threshold = self.fail_on
        failing = any(f.severity >= threshold and not f.suppressed
                      for r in self.files for f in r.findings)
        return EXIT_FINDINGS if failing else EXIT_OK
