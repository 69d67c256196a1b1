"""What a check run found, as plain serialisable records: the report that reporters read.

Nothing here imports the engine: a ``FileReport`` is made by the engine, crosses processes
(``--jobs``) as it is, and carries everything every output format needs: the findings, the
road map's header and items as summaries, what each item cites, the coverage needs, and a
summary of the rule set (title, version, sources, the frameworks the report speaks of).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from roadmap_check.findings import Finding
from roadmap_check.severity import Severity

EXIT_OK, EXIT_FINDINGS = 0, 1
MORE_KEY = "<more>"  # the subject of a finding that summarises those beyond the cap


def weight(found: Finding, omitted: dict[str, int]) -> int:
    """How many findings one listed finding stands for: a summary, all those it summarises."""
    return omitted.get(found.code, 1) if found.subject == MORE_KEY else 1


class Need(NamedTuple):
    """One thing the road map must cover, and whether it does."""

    id: str
    kind: str                  # framework | provision | group
    members: tuple[str, ...]
    provision: str | None
    at_least: int
    covered_by: tuple[str, ...]
    line: int = 0              # where a rule set declares it (0: roadmap.requires)
    source: str | None = None  # the rule-set file that declares it
    title: tuple[tuple[str, str], ...] = ()   # (lang, title) pairs, where the rule set has one

    @property
    def covered(self) -> bool:
        return len(self.covered_by) >= self.at_least

    def title_in(self, lang: str) -> str | None:
        titles = dict(self.title)
        return titles.get(lang) or titles.get("en")


class Source(NamedTuple):
    url: str
    kind: str | None = None    # official | legal-database | news | secondary


class FrameworkInfo(NamedTuple):
    """What a report says of one framework of the rule set."""

    id: str
    title: tuple[tuple[str, str], ...]       # (lang, title)
    group: str | None = None
    kind: str | None = None
    adopted: str | None = None
    in_force_until: str | None = None
    confidence: str | None = None
    provenance: tuple[tuple[str, str], ...] = ()
    sources: tuple[Source, ...] = ()
    short: tuple[tuple[str, str], ...] = ()  # (lang, its first short name), where it has one

    def title_in(self, lang: str) -> str:
        titles = dict(self.title)
        return titles.get(lang) or titles.get("en") or self.id

    def short_in(self, lang: str) -> str | None:
        names = dict(self.short)
        return names.get(lang) or names.get("en")


class RuleSetInfo(NamedTuple):
    name: str
    title: tuple[tuple[str, str], ...]       # (lang, title)
    version: str | None
    sources: tuple[str, ...]                 # the files it was layered from
    frameworks: tuple[FrameworkInfo, ...]    # those required or cited in this road map
    total: int                               # how many frameworks it has in all

    def title_in(self, lang: str) -> str | None:
        titles = dict(self.title)
        return titles.get(lang) or titles.get("en")


class ItemInfo(NamedTuple):
    """One item of the road map, in file order (ids may repeat in a broken draft)."""

    id: str
    title: str | None
    section: str | None
    line: int
    cited: tuple[tuple[str, str | None], ...] = ()   # (framework, provision) it cites, resolved
    content: tuple[object, ...] = ()                 # its texts, for ``diff`` (kept on request)


class RoadmapInfo(NamedTuple):
    id: str | None
    title: str | None
    version: str | None = None
    date: str | None = None
    status: str | None = None
    period: str | None = None
    language: str | None = None
    line: int = 1


class Place(NamedTuple):
    """Where a value of a road map read from a Word or Excel table is in its document: the
    reader gives each cell a position of its own (``line``: a row, ``column``: the column's
    number) and the report maps it back to the table, the row and the column's header."""

    table: int = 0            # the table's number in the document (Word); 0: not in a table
    row: int = 0              # the row, as the document counts it (Word: of its table;
                              # Excel: of its sheet); 0: a paragraph before the table
    column: str = ""          # the column's header, as written
    text: str = ""            # the cell's text (its first 200 characters)
    col: int = 0              # the column's number in the table (Word) or the sheet (Excel)
    sheet: str | None = None  # the worksheet (Excel)
    ref: str | None = None    # the cell (Excel: "E7")
    paragraph: int = 0        # a paragraph before the table (Word), 1-based


@dataclass(eq=False)
class FileReport:
    path: str
    findings: list[Finding]
    lang: str = "en"                      # the language its messages are said in
    roadmap: RoadmapInfo | None = None
    items: tuple[ItemInfo, ...] = ()
    needs: tuple[Need, ...] = ()
    ruleset: RuleSetInfo | None = None
    omitted: dict[str, int] = field(default_factory=dict)  # code -> findings beyond the cap
    omitted_fixable: int = 0  # of those, the ones with a safe fix
    omitted_unsafe: int = 0   # ... and with an unsafe one
    hidden: list[Finding] = field(default_factory=list)  # below --min-severity: counted, not listed
    # A road map read from a Word or Excel table: (line, column) of its findings -> the cell
    places: dict[tuple[int, int], Place] | None = None
    kind: str = "yaml"        # yaml | docx | xlsx

    def place(self, finding: Finding) -> Place | None:
        """The cell (or paragraph) a finding of a Word or Excel road map is on."""
        return self.places.get((finding.line, finding.column)) if self.places else None


@dataclass(eq=False)
class Report:
    files: list[FileReport]
    fail_on: Severity | None   # None: never fail
    lang: str = "en"           # the run's language (--lang, the config's, else the locale's)
    limit: int | None = None   # findings of one check listed per file (limits.py)
    statistics: bool = False   # --statistics: counts per code instead of (terminal) the listing
    provenance: bool = True    # the HTML annex's appendix on the rule set and its sources

    def __post_init__(self) -> None:
        self.files.sort(key=lambda f: f.path)

    @property
    def language(self) -> str:
        """The language of the whole report: its files' when they agree, else the run's."""
        langs = {f.lang for f in self.files}
        return langs.pop() if len(langs) == 1 else self.lang

    @property
    def findings(self) -> Iterator[Finding]:
        """Every finding, sorted by path, line, column, code (files are in path order)."""
        for report in self.files:
            yield from report.findings

    def count(self, severity: Severity) -> int:
        """Unsuppressed findings of that severity, those beyond the cap and those hidden by
        --min-severity included."""
        return sum(weight(f, r.omitted) for r in self.files for f in (*r.findings, *r.hidden)
                   if f.severity == severity and f.suppression is None)

    @property
    def suppressed(self) -> int:
        """Findings waived in the road map (a waiver or a comment)."""
        return sum(weight(f, r.omitted) for r in self.files for f in r.findings
                   if f.suppression is not None and f.suppression.kind != "baseline")

    @property
    def omitted(self) -> dict[str, int]:
        """Findings beyond the cap, not listed, by code over all files."""
        out: dict[str, int] = {}
        for report in self.files:
            for code, count in report.omitted.items():
                out[code] = out.get(code, 0) + count
        return dict(sorted(out.items()))

    @property
    def baselined(self) -> int:
        """Findings the baseline records, so not counted against this change."""
        return sum(1 for r in self.files for f in r.findings
                   if f.suppression is not None and f.suppression.kind == "baseline")

    @property
    def fixable(self) -> int:
        """Unsuppressed findings with a safe fix, those beyond the cap included."""
        return sum(1 for r in self.files for f in (*r.findings, *r.hidden)
                   if f.fix is not None and f.fix.safe and f.suppression is None) + \
            sum(r.omitted_fixable for r in self.files)

    @property
    def unsafe_fixable(self) -> int:
        """Unsuppressed findings with an unsafe fix (applied only with --unsafe-fixes)."""
        return sum(1 for r in self.files for f in (*r.findings, *r.hidden)
                   if f.fix is not None and not f.fix.safe and f.suppression is None) + \
            sum(r.omitted_unsafe for r in self.files)

    def per_code(self) -> list[tuple[str, int, int]]:
        """(code, count, fixable) of the unsuppressed findings, by code: those beyond the cap
        and those hidden by --min-severity counted too; fixable: with a safe fix."""
        counts: dict[str, list[int]] = {}
        for report in self.files:
            for found in (*report.findings, *report.hidden):
                if found.suppression is None:
                    row = counts.setdefault(found.code, [0, 0])
                    row[0] += weight(found, report.omitted)
                    row[1] += found.fix is not None and found.fix.safe
        return [(code, count, fixable) for code, (count, fixable) in sorted(counts.items())]

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
        failing = any(f.severity >= threshold and f.suppression is None
                      for r in self.files for f in (*r.findings, *r.hidden))
        return EXIT_FINDINGS if failing else EXIT_OK
