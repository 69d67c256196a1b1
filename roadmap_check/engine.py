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
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from roadmap_check import dates, office, reading, rulesets, suppressions, waivers
from roadmap_check.compiled import Compiled
from roadmap_check.errors import RoadmapCheckError, RuleSetError
from roadmap_check.findings import DEFAULT_TRUST, Finding, trusted
from roadmap_check.fuzzy import closest_key
from roadmap_check.i18n import choose_lang, foreign, msg, per_lang
from roadmap_check.limits import Limiter, cap
from roadmap_check.loading import build
from roadmap_check.model import Item, Roadmap, Text
from roadmap_check.registry import CHECKS, RUNS
from roadmap_check.report import FileReport, ItemInfo, RoadmapInfo
from roadmap_check.resolve import Resolved, Resolver
from roadmap_check.roadmap_format import RM001, RM008
from roadmap_check.severity import Severity
from roadmap_check.suppressions import Suppression


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
    limit: int | None = None  # findings of one check listed per file (limits.py); None: all
    rule_roots: tuple[str, ...] = ()   # folders rule-set files may be read from (rulesets.load)
    columns: tuple[tuple[str, str], ...] = ()  # Word/Excel tables: (header, field), --column
    fields: tuple[tuple[str, str], ...] = ()   # Word/Excel: (road-map field, value)
    trust: str = DEFAULT_TRUST  # findings resting on less sure facts are info (findings.TRUST)

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
        self._terms = any(f.terms for f in self._runs)
        # the checks this run never runs: a waiver or a comment naming one is not unused
        self._unrun = frozenset(c.code for f in RUNS if f not in self._runs for c in f.checks)
        self._known = frozenset(CHECKS)

    def compiled(self, specs: tuple[str, ...], base: Path,
                 named_by_file: bool = False) -> tuple[Compiled, Resolver]:
        """The rule sets ``specs`` compiled; ``named_by_file``: named by a road map, so read
        only from inside the project (``rulesets.load``)."""
        cache_key = (str(named_by_file), str(base), *specs) if specs else ("<default>",)
        found = self._rules.get(cache_key)
        if found is None:
            ruleset, citations, triggers = rulesets.load_indexed(
                list(specs), base, tuple(map(Path, self.options.rule_roots)), named_by_file)
            if self.options.min_coverage is not None:  # not a thing the tables depend on
                ruleset.thresholds.min_coverage = self.options.min_coverage
            compiled = Compiled.build(ruleset, citations, triggers)
            found = self._rules[cache_key] = (compiled, Resolver(compiled))
        return found

    def language(self, roadmap_language: str | None) -> str:
        """--lang (or the config's), else the road map's, else the locale's, else English."""
        return choose_lang(self.options.lang, roadmap_language, dict(self.options.environ))

    # -- one file -----------------------------------------------------------------------

    def check_path(self, path: Path, display: str) -> FileReport:
        """A file's report; a file that exists but cannot be read is its finding (RM001), so
        the other files of the run are still checked."""
        from roadmap_check.files import read_bytes

        try:
            data = read_bytes(path, display)
        except OSError as exc:
            found = RM001.at(display, (1, 1), msg("rm001.unreadable",
                                                  reason=foreign("os", str(exc.strerror))))
            return FileReport(display, [found], lang=self.language(None))
        return self.check_data(data, display, path.parent)

    def check_text(self, text: str, display: str, base: Path) -> FileReport:
        return self.check_data(text, display, base)

    def check_data(self, data: bytes | str, display: str, base: Path) -> FileReport:
        """A road map's report, from its bytes (or text): YAML, or a Word or Excel document."""
        if isinstance(data, bytes) and office.is_document(data, display):
            from roadmap_check.office.check import check_office
            from roadmap_check.office.read import Settings

            return check_office(self.check_model, Settings(self.options.columns,
                                                           self.options.fields),
                                data, display, base)
        with gc_paused():
            read = reading.read(data, display)
            limiter = Limiter(self.options.limit)
            roadmap = None
            findings = read.findings
            if read.root is not None:
                root, read.root = read.root, None  # the builder consumes the node graph
                roadmap, structural = build(root, display, closest_key, read.source, limiter)
                read.source = None
                del root  # the model keeps what it needs; free the node graph
                findings.extend(structural)
            return self.check_model(roadmap, findings, display, base, read.suppressions,
                                    limiter)

    def check_model(self, roadmap: Roadmap | None, findings: list[Finding], display: str,
                    base: Path, comments: list[Suppression] | None = None,
                    limiter: Limiter | None = None) -> FileReport:
        """The report of a road map already read into the model (from YAML, or another
        format a reader turns into it), with what its reading found (``findings``) and its
        suppression comments: the rule set, resolution, checks and stages."""
        limiter = limiter if limiter is not None else Limiter(self.options.limit)
        with gc_paused():
            report = FileReport(display, findings, lang=self.language(None))
            levels: dict[str, str] = {}
            if roadmap is not None:
                levels = self._run(roadmap, base, report, findings, limiter)
            if comments:
                id_lines = {item.id: item.id_text.line for item in
                            (roadmap.items if roadmap else []) if item.id_text}
                findings.extend(suppressions.apply(findings, comments, id_lines, display,
                                                   self._known,
                                                   set(limiter.dropped) | self._unrun))
            report.findings, report.omitted, (fixable, unsafe) = cap(
                self._finish(report, findings, levels), self.options.limit, limiter.dropped)
            report.omitted_fixable = fixable + limiter.fixable
            report.omitted_unsafe = unsafe + limiter.unsafe
        return report

    def _run(self, roadmap: Roadmap, base: Path, report: FileReport, findings: list[Finding],
             limiter: Limiter) -> dict[str, str]:
        """The checks and the waivers; returns the severities the rule set sets."""
        specs = self.options.rules
        named = roadmap.ruleset if not specs else None  # the road map picks its rule set
        if named is not None:
            specs = (named.value,)
        try:
            compiled, resolver = self.compiled(
                specs, base if not self.options.rules else Path.cwd(),
                named_by_file=named is not None)
        except RuleSetError:
            raise  # its problems already name the rule set's file, line and key
        except RoadmapCheckError as exc:
            if named is None:
                raise
            # This road map's own choice: a finding on it, and the other files are checked.
            findings.append(_unusable_ruleset(report.path, named, exc))
            report.lang = self.language(roadmap.language.value if roadmap.language else None)
            return {}
        as_of = self.options.today
        if roadmap.date is not None:
            with contextlib.suppress(dates.DateError):  # RM301 reports it
                as_of = dates.parse_date(roadmap.date.value, compiled.dates)
        report.lang = self.language(roadmap.language.value if roadmap.language else None)
        resolved = resolver.resolve(roadmap, as_of, self.options.today, scan=self._terms)
        keep = limiter.keep
        for family in self._runs:
            assert family.run is not None
            for found in family.run(resolved):
                keep(findings, found)
        for found in waivers.apply(resolved, findings, self._known,
                                   set(limiter.dropped) | self._unrun):
            keep(findings, found)
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
        select, ignore, trust = self.options.select, self.options.ignore, self.options.trust
        posix = Path(report.path).as_posix()
        if self.options.per_file_ignores:
            import fnmatch
        for glob, codes in self.options.per_file_ignores:
            if fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(Path(posix).name, glob):
                ignore = ignore | codes
        out = []
        for finding in findings:
            code = finding.code
            if (select is not None and code not in select) or code in ignore:
                continue
            # an override sets the check's level: a finding its check made at another level
            # (RM304's unlisted names, info beside its warnings) keeps its own
            made = CHECKS.get(code)
            level = overrides.get(code) if made is None or finding.severity == made.severity \
                else None
            if not trusted(finding.basis, trust):  # never more than info on such a fact
                level = Severity.INFO
            out.append(finding if level is None or level == finding.severity
                       else finding._replace(severity=level))
        out.sort(key=Finding.sort_key)
        return out


def _unusable_ruleset(path: str, named: Text, exc: RoadmapCheckError) -> Finding:
    """RM008 at the ``ruleset:`` value: the rule set it names cannot be found or used."""
    from roadmap_check.ruleset_files import builtin_names

    close = closest_key(named.value, builtin_names())
    hint = msg("hint.did_you_mean", name=repr(close)) if close else \
        msg("rm008.unknown_ruleset.hint", names=", ".join(builtin_names()))
    return RM008.at(path, named, msg("rm008.unknown_ruleset", error=per_lang(exc.in_lang)),
                    hint=hint)


def _content(item: Item) -> tuple[object, ...]:
    """An item's texts, to tell whether it changed between two drafts."""
    fields = ("title", "description", "outcome", "section", "start", "deadline")
    texts = tuple(getattr(getattr(item, name), "value", None) for name in fields)
    lists = tuple(tuple(t.value for t in getattr(item, name))
                  for name in ("responsible", "participants", "depends_on"))
    return (*texts, *lists, tuple(c.raw.value for c in item.cites))
