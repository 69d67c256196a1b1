"""The engine: one file through the stages, into a plain ``FileReport``.

    read      bytes in; nodes, what is wrong with the text, suppression comments out
    load      nodes -> the road-map model, with structural findings
    resolve   citations, parties, dates, texts -> one read-only table (``resolve.Resolved``)
    check     the families of the registry, pure functions of that table
    stages    waivers, inline suppressions, severities from the rule set and the config,
              selection, order

The engine knows no output format and no file other than the one it is handed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from roadmap_check import dates, reading, rulesets, suppressions, waivers
from roadmap_check.compiled import Compiled
from roadmap_check.errors import RoadmapCheckError, RuleSetError
from roadmap_check.findings import Finding
from roadmap_check.i18n import choose_lang, per_lang
from roadmap_check.loading import build
from roadmap_check.matching import closest_key
from roadmap_check.model import Item, Roadmap
from roadmap_check.registry import CHECKS, RUNS
from roadmap_check.report import FileReport, ItemInfo, RoadmapInfo
from roadmap_check.resolve import Resolved, Resolver
from roadmap_check.severity import Severity


@dataclass(frozen=True)
class Options:
    rules: tuple[str, ...] = ()
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    today: dt.date = field(default_factory=dt.date.today)
    min_coverage: float | None = None
    lang: str | None = None            # --lang or the config's; else each road map's, else:
    environ: tuple[tuple[str, str], ...] = ()  # the locale variables (i18n.locale_environ)
    severity: tuple[tuple[str, str], ...] = ()             # code -> level, over the rule set's
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()  # glob -> codes
    keep_content: bool = False         # keep each item's texts in the report (for diff)

    def wanted(self, code: str) -> bool:
        return (self.select is None or code in self.select) and code not in self.ignore


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The garbage collector off for a block, and back as it was after.

    A check builds millions of small objects and no cycles worth collecting; the collector's
    passes over the node graph would cost more than the whole check (measured: ~3x).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Engine:
    """Checks files; compiles each distinct choice of rule sets once."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._rules: dict[tuple[str, ...], tuple[Compiled, Resolver]] = {}
        self._runs = tuple(f for f in RUNS if any(options.wanted(c) for c in f.codes))
        self._known = frozenset(CHECKS)

    def compiled(self, specs: tuple[str, ...], base: Path) -> tuple[Compiled, Resolver]:
        cache_key = (str(base), *specs) if specs else ("<default>",)
        found = self._rules.get(cache_key)
        if found is None:
            ruleset = rulesets.load(list(specs), base)
            if self.options.min_coverage is not None:
                ruleset.thresholds.min_coverage = self.options.min_coverage
            compiled = Compiled.build(ruleset)
            found = self._rules[cache_key] = (compiled, Resolver(compiled))
        return found

    def language(self, roadmap_language: str | None) -> str:
        """--lang (or the config's), else the road map's, else the locale's, else English."""
        return choose_lang(self.options.lang, roadmap_language, dict(self.options.environ))

    # -- one file -----------------------------------------------------------------------

    def check_path(self, path: Path, display: str) -> FileReport:
        from roadmap_check.files import read_bytes

        return self.check_data(read_bytes(path, display), display, path.parent)

    def check_text(self, text: str, display: str, base: Path) -> FileReport:
        return self.check_data(text, display, base)

    def check_data(self, data: bytes | str, display: str, base: Path) -> FileReport:
        with gc_paused():
            read = reading.read(data, display)
            findings = read.findings
            report = FileReport(display, findings, lang=self.language(None))
            roadmap = None
            levels: dict[str, str] = {}
            if read.root is not None:
                roadmap, structural = build(read.root, display, closest_key)
                read.root = None  # the model keeps what it needs; free the node graph
                findings.extend(structural)
                if roadmap is not None:
                    levels = self._run(roadmap, base, report, findings)
            if read.suppressions:
                id_lines = {item.id: item.id_text.line for item in
                            (roadmap.items if roadmap else []) if item.id_text}
                findings.extend(suppressions.apply(findings, read.suppressions, id_lines,
                                                   display, self._known))
            report.findings = self._finish(report, findings, levels)
        return report

    def _run(self, roadmap: Roadmap, base: Path, report: FileReport,
             findings: list[Finding]) -> dict[str, str]:
        """The checks and the waivers; returns the severities the rule set sets."""
        specs = self.options.rules
        named = roadmap.ruleset if not specs else None  # the road map picks its rule set
        if named is not None:
            specs = (named.value,)
        try:
            compiled, resolver = self.compiled(specs, base if not self.options.rules
                                               else Path.cwd())
        except RuleSetError:
            raise  # its problems already name the rule set's file, line and key
        except RoadmapCheckError as exc:
            if named is None:
                raise
            where = f"{report.path}:{named.line}:{named.column}"
            raise RoadmapCheckError.of("error.roadmap_ruleset", where=where,
                                       error=per_lang(exc.in_lang)) from None
        as_of = self.options.today
        if roadmap.date is not None:
            with contextlib.suppress(dates.DateError):  # RM301 reports it
                as_of = dates.parse_date(roadmap.date.value)
        report.lang = self.language(roadmap.language.value if roadmap.language else None)
        resolved = resolver.resolve(roadmap, as_of, self.options.today)
        for family in self._runs:
            assert family.run is not None
            findings.extend(family.run(resolved))
        findings.extend(waivers.apply(resolved, findings, self._known))
        self._describe(report, resolved)
        return compiled.ruleset.severity

    def _describe(self, report: FileReport, r: Resolved) -> None:
        """The report's summaries of the road map, its items and its rule set."""
        roadmap = r.roadmap

        def value(text: object) -> str | None:
            return getattr(text, "value", None)

        report.roadmap = RoadmapInfo(value(roadmap.id), value(roadmap.title),
                                     value(roadmap.version), value(roadmap.date),
                                     value(roadmap.status), value(roadmap.period),
                                     value(roadmap.language), roadmap.line)
        keep = self.options.keep_content
        report.items = tuple(
            ItemInfo(item.id, value(item.title), value(item.section), item.line,
                     tuple((c.hit.framework, c.hit.provision) for c in cited
                           if c.hit.framework is not None),
                     _content(item) if keep else ())
            for item, cited in zip(roadmap.items, r.cited, strict=True))
        report.needs = r.needs
        shown = {m for n in r.needs for m in n.members}
        shown.update(fid for info in report.items for fid, _ in info.cited)
        report.ruleset = r.rules.info(shown)

    def _finish(self, report: FileReport, findings: list[Finding],
                levels: dict[str, str]) -> list[Finding]:
        """Selected findings with their severities (the rule set's, then the config's), in
        order."""
        overrides = {code: Severity.parse(level)
                     for code, level in (*levels.items(), *self.options.severity)}
        select, ignore = self.options.select, self.options.ignore
        posix = Path(report.path).as_posix()
        for glob, codes in self.options.per_file_ignores:
            if fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(Path(posix).name, glob):
                ignore = ignore | codes
        out = []
        for finding in findings:
            code = finding.code
            if (select is not None and code not in select) or code in ignore:
                continue
            level = overrides.get(code)
            out.append(finding if level is None or level == finding.severity
                       else finding._replace(severity=level))
        out.sort(key=Finding.sort_key)
        return out


def _content(item: Item) -> tuple[object, ...]:
    """An item's texts, to tell whether it changed between two drafts."""
    fields = ("title", "description", "outcome", "section", "start", "deadline")
    texts = tuple(getattr(getattr(item, name), "value", None) for name in fields)
    lists = tuple(tuple(t.value for t in getattr(item, name))
                  for name in ("responsible", "participants", "depends_on"))
    return (*texts, *lists, tuple(c.raw.value for c in item.cites))
