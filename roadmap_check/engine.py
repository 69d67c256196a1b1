"""Runs the checks on one file: loading, rule sets, waivers, severities, selection, order."""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import gc
from dataclasses import dataclass, field
from pathlib import Path

from roadmap_check import dates, rulesets
from roadmap_check.checks import Compiled, Context, all_checks
from roadmap_check.checks.coverage import Need, needs
from roadmap_check.errors import RoadmapCheckError, RuleSetError
from roadmap_check.findings import Finding, Severity
from roadmap_check.findings import finding as make_finding
from roadmap_check.i18n import choose_lang, msg, per_lang, t
from roadmap_check.limits import DROPPED, Limiter, cap
from roadmap_check.loading import build
from roadmap_check.matching import closest_key
from roadmap_check.model import Item, Roadmap, RuleSet, Text, Waiver
from roadmap_check.registry import CHECKS
from roadmap_check.suppressions import apply as apply_suppressions
from roadmap_check.yaml_io import Loaded, load_path, load_text


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
    limit: int | None = None  # findings of one check listed per file (limits.py); None: all
    rule_roots: tuple[str, ...] = ()   # folders rule-set files may be read from (rulesets.load)


@dataclass
class FileReport:
    path: str
    findings: list[Finding]
    roadmap: Roadmap | None = None
    ruleset: RuleSet | None = None
    needs: list[Need] = field(default_factory=list)
    lang: str = "en"                 # the language its messages are said in
    ruleset_name: str | None = None  # kept when the rule set itself is dropped (workers)
    # what each item cites, resolved: item index -> [(framework id, provision id or None)]
    cited: dict[int, list[tuple[str, str | None]]] = field(default_factory=dict)
    omitted: dict[str, int] = field(default_factory=dict)  # code -> findings beyond the cap
    omitted_fixable: int = 0  # of those, the ones with a fix


class Engine:
    """Checks files; compiles each distinct choice of rule sets once."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._compiled: dict[tuple[str, ...], Compiled] = {}

    def compiled(self, specs: tuple[str, ...], base: Path, named_by_file: bool = False) -> Compiled:
        cache_key = (str(named_by_file), str(base), *specs) if specs else ("<default>",)
        found = self._compiled.get(cache_key)
        if found is None:
            ruleset = rulesets.load(list(specs), base, tuple(map(Path, self.options.rule_roots)),
                                    named_by_file)
            if self.options.min_coverage is not None:
                ruleset.thresholds.min_coverage = self.options.min_coverage
            found = self._compiled[cache_key] = Compiled.build(ruleset)
        return found

    def check_path(self, path: Path, display: str) -> FileReport:
        return self.check_loaded(load_path(path, display), path.parent)

    def check_text(self, text: str, display: str, base: Path) -> FileReport:
        return self.check_loaded(load_text(text, display), base)

    def check_loaded(self, loaded: Loaded, base: Path) -> FileReport:
        findings = list(loaded.findings)
        report = FileReport(loaded.path, findings, lang=self.language(None))
        limiter = Limiter(self.options.limit)
        if loaded.root is not None:
            enabled = gc.isenabled()
            gc.disable()
            try:
                root, loaded.root = loaded.root, None  # the builder consumes the node graph
                roadmap, structural = build(root, loaded.path, closest_key, loaded.source,
                                            limiter)
                loaded.source = None
                del root  # the model keeps what it needs; free the node graph
                findings.extend(structural)
                if roadmap is not None:
                    self._run(roadmap, base, report, limiter)
            finally:
                if enabled:
                    gc.enable()
        if loaded.suppressions:
            id_lines = {item.id: item.id_text.line for item in
                        (report.roadmap.items if report.roadmap else []) if item.id_text}
            for suppression in loaded.suppressions:  # it may cover a finding left uncounted
                if any(suppression.covers(code) for code in limiter.dropped):
                    suppression.used = True
            findings.extend(apply_suppressions(findings, loaded.suppressions, id_lines,
                                               loaded.path, report.lang))
        report.findings, report.omitted, fixable = cap(self._finish(report), self.options.limit,
                                                       limiter.dropped, report.lang)
        report.omitted_fixable = fixable + limiter.fixable
        return report

    def _run(self, roadmap: Roadmap, base: Path, report: FileReport, limiter: Limiter) -> None:
        specs = self.options.rules
        named = roadmap.ruleset if not specs else None  # the road map picks its rule set
        if named is not None:
            specs = (named.value,)
        try:
            compiled = self.compiled(specs, base if not self.options.rules else Path.cwd(),
                                     named_by_file=named is not None)
        except RuleSetError:
            raise  # its problems already name the rule set's file, line and key
        except RoadmapCheckError as exc:
            if named is None:
                raise
            # This road map's own choice: a finding on it, and the other files are checked.
            report.findings.append(_unusable_ruleset(report.path, named, exc))
            report.roadmap = roadmap
            return
        as_of = self.options.today
        if roadmap.date is not None:
            with contextlib.suppress(dates.DateError):  # RM301 reports it
                as_of = dates.parse_date(roadmap.date.value)
        lang = self.language(roadmap.language.value if roadmap.language else None)
        ctx = Context(roadmap, compiled, as_of, lang, today=self.options.today, limiter=limiter)
        for check in all_checks():
            report.findings.extend(f for f in check(ctx) if f is not DROPPED)
        report.findings.extend(f for f in _waivers(ctx, report.findings) if f is not DROPPED)
        report.roadmap, report.ruleset, report.needs, report.lang = (
            roadmap, compiled.ruleset, needs(ctx), lang)
        report.ruleset_name = compiled.ruleset.name
        report.cited = {index: pairs for index, entries in ctx.cited.items()  # uncited: none
                        if (pairs := [(c.framework, c.provision) for c in entries if c.framework])}

    def language(self, roadmap_language: str | None) -> str:
        """--lang (or the config's), else the road map's, else the locale's, else English."""
        return choose_lang(self.options.lang, roadmap_language, dict(self.options.environ))

    def _finish(self, report: FileReport) -> list[Finding]:
        """Selected findings with their severities, said in the file's language, in order."""
        overrides = dict(report.ruleset.severity) if report.ruleset else {}
        overrides.update(self.options.severity)
        select, ignore = self.options.select, self.options.ignore
        posix = Path(report.path).as_posix()
        for glob, codes in self.options.per_file_ignores:
            if fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(Path(posix).name, glob):
                ignore = ignore | codes
        out = []
        lang = report.lang
        for finding in report.findings:
            if (select is not None and finding.code not in select) or finding.code in ignore:
                continue
            severity = Severity.parse(overrides[finding.code]) if finding.code in overrides \
                else CHECKS[finding.code].severity
            said = finding.in_lang(lang) if lang != "en" else finding
            out.append(said._replace(severity=severity) if severity != said.severity else said)
        out.sort(key=Finding.sort_key)
        return out


def _unusable_ruleset(path: str, named: Text, exc: RoadmapCheckError) -> Finding:
    """RM008 at the ``ruleset:`` value: the rule set it names cannot be found or read."""
    from roadmap_check.ruleset import builtin_names

    close = closest_key(named.value, builtin_names())
    hint = msg("hint.did_you_mean", name=repr(close)) if close else \
        msg("rm008.unknown_ruleset.hint", names=", ".join(builtin_names()))
    return make_finding("RM008", msg("rm008.unknown_ruleset", error=per_lang(exc.in_lang)), path,
                   named.line, named.column, suggestion=hint, key=named.value)


def _waivers(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Mark waived findings as suppressed (in place) and report RM401-RM403."""
    by_item: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        if finding.item is not None:
            by_item.setdefault(finding.item, []).append(index)
    extra: list[Finding] = []
    for item in ctx.roadmap.items:
        for waiver in item.waivers:
            extra.extend(_apply(ctx, item, waiver, findings, by_item.get(item.id, [])))
    return extra


def _apply(ctx: Context, item: Item, waiver: Waiver, findings: list[Finding],
           indices: list[int]) -> list[Finding]:
    where = (waiver.line, waiver.column)
    if waiver.check is None:
        return []
    code = waiver.check.value.strip().upper()
    if code not in CHECKS:
        close = closest_key(code, list(CHECKS))
        return [ctx.at("RM003", msg("rm003.waiver_code", value=repr(waiver.check.value)),
                       waiver.check, item=item,
                       suggestion=msg("hint.did_you_mean", name=close) if close else None)]
    if waiver.reason is None or not waiver.reason.value.strip():
        return [ctx.at("RM401", msg("rm401.no_reason", code=code), where, item=item,
                       suggestion=msg("rm401.no_reason.hint"))]
    if waiver.until is not None:
        try:
            until = dates.parse(waiver.until.value).end
        except dates.DateError:
            until = None
        if until is not None and until < ctx.today:
            return [ctx.at("RM402", msg("rm402.expired", code=code, until=waiver.until.value),
                           waiver.until, item=item, suggestion=msg("rm402.expired.hint"))]
    framework = None
    if waiver.framework is not None:
        framework = ctx.compiled.citations.resolve_id(waiver.framework.value).framework
        if framework is None:
            return [ctx.at("RM102", msg("rm102.waiver_framework",
                                        value=repr(waiver.framework.value)), waiver.framework,
                           item=item, suggestion=msg("hint.framework_id"))]
    used = False
    for index in indices:
        finding = findings[index]
        if finding.code != code or (framework and finding.framework != framework):
            continue
        findings[index] = finding._replace(
            suppressed=True, suppression=t(ctx.lang, "suppression.waiver", reason=waiver.reason.value))
        used = True
    if used or (ctx.limiter is not None and code in ctx.limiter.dropped):
        return []  # used, or it may suppress a finding beyond the cap
    unused = msg("rm403.unused_for", code=code, framework=framework) if framework else \
        msg("rm403.unused", code=code)
    return [ctx.at("RM403", unused, where, item=item, suggestion=msg("rm403.unused.hint"))]
