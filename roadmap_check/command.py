"""The ``check`` run: configuration merged, files found, checked, baselined and reported.

The CLI only parses options into ``CheckArgs``; everything a run does is here, in order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_check import config as configuration
from roadmap_check import i18n
from roadmap_check.engine import Engine, Options, gc_paused
from roadmap_check.errors import RoadmapCheckError, say, speaking, write_out
from roadmap_check.findings import TRUST
from roadmap_check.i18n import local
from roadmap_check.report import FileReport, Report
from roadmap_check.safe_text import ERRORS
from roadmap_check.severity import Severity

if TYPE_CHECKING:
    from roadmap_check.drafts import Side


@dataclass(eq=False)
class CheckArgs:
    paths: list[Path]
    config: Path | None = None
    rules: list[str] | None = None
    fmt: str | None = None
    output: Path | None = None
    output_formats: list[str] = field(default_factory=list)   # "sarif=report.sarif"
    fail_on: str | None = None
    select: str | None = None
    ignore: str | None = None
    min_coverage: float | None = None
    exclude: list[str] = field(default_factory=list)
    jobs: int = 1
    max_per_code: int | None = None  # None: the config's (default 1000); 0: no limit
    stdin_filename: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    quiet: bool = False
    lang: str | None = None
    roadmaps_only: bool = False
    fix: bool = False
    unsafe_fixes: bool | None = None   # --unsafe-fixes (None: the config's, default false)
    allow_rules_from: list[Path] | None = None   # folders rule sets may be read from
    min_severity: str | None = None   # findings below it are counted, not listed
    statistics: bool = False
    provenance: bool = True   # the HTML report's appendix on the rule set (--no-provenance)
    columns: list[str] = field(default_factory=list)         # Word/Excel: "HEADER=FIELD"
    roadmap_fields: list[str] = field(default_factory=list)  # Word/Excel: "KEY=VALUE"
    annotate: Path | None = None   # a reviewed copy of the one Word/Excel road map checked
    trust: str | None = None   # --trust: seen, partial or inferred (findings.TRUST)


def _codes(spec: str | list[str] | None, option: str) -> frozenset[str] | None:
    if spec is None:
        return None
    from roadmap_check.registry import UnknownCodeError, resolve_codes

    text = spec if isinstance(spec, str) else ",".join(spec)
    try:
        codes = frozenset(resolve_codes(text))
    except UnknownCodeError as exc:
        raise RoadmapCheckError.of("error.unknown_code", option=option,
                                   code=repr(exc.code)) from None
    if not codes and option == "--select":  # selecting nothing would pass whatever the file
        raise RoadmapCheckError.of("error.select_empty")
    return codes


def load_config(args: CheckArgs) -> configuration.Config:
    path = args.config if args.config is not None else configuration.discover(Path.cwd())
    config = configuration.load(path)
    config.override("rules", args.rules or None)
    config.override("format", args.fmt)
    config.override("fail-on", args.fail_on)
    config.override("select", args.select.split(",") if args.select is not None else None)
    config.override("ignore", args.ignore.split(",") if args.ignore else None)
    config.override("min-coverage", args.min_coverage)
    config.override("exclude", args.exclude or None)
    config.override("language", args.lang)
    config.override("max-per-code", args.max_per_code)
    config.override("unsafe-fixes", args.unsafe_fixes or None)
    config.override("trust", args.trust)
    config.override("allow-rules-from", [str(Path.cwd() / folder) for folder in
                                         args.allow_rules_from] if args.allow_rules_from else None)
    return config


def rule_roots(config: configuration.Config) -> tuple[str, ...]:
    """The folders rule-set files may be read from besides a road map's own: the config
    file's, and those allowed by --allow-rules-from or 'allow-rules-from'."""
    own = (str(config.path.resolve().parent),) if config.path is not None else ()
    return (*own, *config["allow-rules-from"])


def _outputs(args: CheckArgs, fmt: str) -> list[tuple[str, Path | None]]:
    outputs: list[tuple[str, Path | None]] = [(fmt, args.output)]
    for spec in args.output_formats:
        name, sep, target = spec.partition("=")
        if not sep or not target:
            raise RoadmapCheckError.of("error.output_format", spec=repr(spec))
        outputs.append((name, Path(target)))
    for name, _ in outputs:
        known_format("check", name)
    return outputs


def run(args: CheckArgs) -> int:
    """The check run; errors are said in its language (--lang, the config's, else the locale's)."""
    config, lang = _configure(args)
    with speaking(lang), gc_paused():
        shown = _min_severity(args.min_severity)
        outputs = _outputs(args, output_format(args, config))
        report = _collect(args, config, lang, outputs)
        if report is None:  # --roadmaps-only, as pre-commit passes every YAML file
            return 0
        report.statistics = args.statistics
        if shown is not None:
            for file in report.files:
                file.hidden = [f for f in file.findings if f.severity < shown]
                file.findings = [f for f in file.findings if f.severity >= shown]
        for name, target in outputs:
            emit("check", name, target, report)
        if args.annotate is not None:
            _annotate(args.annotate, report, lang)
        # writing the baseline is the run's purpose: done, it succeeded
        return 0 if args.write_baseline is not None else report.exit_code


def output_format(args: CheckArgs, config: configuration.Config) -> str:
    """--format; else the extension of -o (report.html: html); else the config's; else, in
    GitHub Actions, annotations (as yamllint's 'auto'); else the terminal report."""
    if args.fmt is not None:
        return args.fmt
    from roadmap_check.reporters import EXTENSIONS

    by_extension = EXTENSIONS.get(args.output.suffix.lower()) if args.output else None
    if by_extension is not None:
        return by_extension
    if config.settings["format"].source == "default" and \
            os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return str(config["format"])


def _min_severity(level: str | None) -> Severity | None:
    if level is None:
        return None
    if level not in configuration.LEVELS:
        raise RoadmapCheckError.of("error.min_severity", value=repr(level),
                                   values=", ".join(configuration.LEVELS))
    return Severity.parse(level)


def coverage_report(args: CheckArgs) -> Report | None:
    """The same run as ``check``, for the coverage matrix: the report, not its output."""
    config, lang = _configure(args)
    with speaking(lang), gc_paused():
        return _collect(args, config, lang)


def _configure(args: CheckArgs) -> tuple[configuration.Config, str]:
    """The effective configuration and the run's language; errors said in the locale's."""
    with speaking(i18n.choose_lang(args.lang, None, os.environ)):
        if args.lang is not None and args.lang not in i18n.LANGS:
            raise RoadmapCheckError.of("error.lang", value=repr(args.lang))
        share = args.min_coverage
        if share is not None and 1 < share <= 100:  # a percentage: say how to write it
            raise RoadmapCheckError.of("error.min_coverage_percent", value=f"{share:g}",
                                       share=f"{share / 100:g}")
        if share is not None and not 0 <= share <= 1:  # nan and inf are refused too
            raise RoadmapCheckError.of("error.min_coverage", value=f"{share:g}")
        config = load_config(args)
    return config, i18n.choose_lang(config["language"], None, os.environ)


def _collect(args: CheckArgs, config: configuration.Config, lang: str,
             outputs: list[tuple[str, Path | None]] | None = None) -> Report | None:
    from roadmap_check import baseline, discovery
    from roadmap_check.yaml_io import HAS_LIBYAML

    fail_on = config["fail-on"]
    if fail_on not in configuration.FAIL_ON:
        raise RoadmapCheckError.of("error.fail_on", value=repr(fail_on),
                                   values=", ".join(configuration.FAIL_ON))
    if config["trust"] not in TRUST:
        raise RoadmapCheckError.of("error.trust", value=repr(config["trust"]),
                                   values=", ".join(TRUST))
    if args.jobs < 0:
        raise RoadmapCheckError.of("error.jobs")
    if not HAS_LIBYAML:
        say(i18n.t(lang, "cli.no_libyaml"))
    limit = config["max-per-code"] or None
    # A baseline must see every finding: the cap then comes after it (_capped), not in the engine.
    baselined = args.baseline is not None or args.write_baseline is not None
    options = Options(
        limit=None if baselined else limit,
        rules=tuple(config["rules"]), select=_codes(config["select"], "--select"),
        ignore=_codes(config["ignore"], "--ignore") or frozenset(),
        min_coverage=config["min-coverage"], lang=config["language"],
        environ=i18n.locale_environ(os.environ),
        severity=tuple(config["severity"].items()),
        per_file_ignores=tuple((glob, _codes(codes, f"per-file-ignores.{glob}") or frozenset())
                               for glob, codes in config["per-file-ignores"].items()),
        rule_roots=rule_roots(config), columns=office_columns(config, args.columns),
        fields=parse_fields(args.roadmap_fields), trust=config["trust"])
    skipped: list[discovery.Skipped] = []
    paths = discovery.expand(args.paths, config["exclude"], args.roadmaps_only, skipped)
    for left in skipped:
        note = i18n.t(lang, left.why, path=str(left.path), target=left.target) \
            if left.why.startswith("cli.") else \
            i18n.t(lang, "cli.skipped_not_regular", path=str(left.path), kind=i18n.local(left.why))
        say(note)
    if not paths:
        return None
    _refuse_overwriting(args, config, paths, outputs or [])
    if args.fix:
        from roadmap_check.fix_command import fix_before_check

        fix_before_check(paths, options, lang, bool(config["unsafe-fixes"]))
    jobs = args.jobs or os.cpu_count() or 1
    reports = list(_with_progress(paths, options, jobs, args, lang))
    if args.write_baseline is not None:
        count = baseline.write(args.write_baseline, [f for r in reports for f in r.findings])
        say(i18n.t(lang, "cli.wrote_baseline" if count else "cli.wrote_empty_baseline",
                   count=count, path=str(args.write_baseline)))
    if args.baseline is not None:
        from roadmap_check.registry import CHECKS

        baseline.apply_to(reports, args.baseline,
                          frozenset(code for code in CHECKS if options.wanted(code)))
    if baselined:
        _capped(reports, limit)
    return Report(reports, None if fail_on == "never" else Severity.parse(fail_on), lang,
                  limit=limit, provenance=args.provenance)


def _refuse_overwriting(args: CheckArgs, config: configuration.Config, paths: list[Path],
                       outputs: list[tuple[str, Path | None]]) -> None:
    """An output that is one of the run's inputs (a road map, the baseline, the config file,
    a rule set named by --rules or the config), under any name (a link, '..'), is refused
    before anything is written."""
    inputs: dict[tuple[int, int], Path] = {}
    from roadmap_check.ruleset_files import builtin_names

    builtin = builtin_names()
    rule_files = [Path(spec) for spec in config["rules"] if spec not in builtin]
    for path in [*paths, *filter(None, (config.path, args.baseline)), *rule_files]:
        try:
            found = path.stat()
        except (OSError, ValueError):  # '-', or a file that is not there: nothing to keep
            continue
        inputs.setdefault((found.st_dev, found.st_ino), path)
    writes = [("--output" if n == 0 else "--output-format", target)
              for n, (_, target) in enumerate(outputs)]
    writes.append(("--write-baseline", args.write_baseline))
    writes.append(("--annotate", args.annotate))
    for option, target in writes:
        if target is None:
            continue
        try:
            found = target.stat()
        except (OSError, ValueError):
            continue
        source = inputs.get((found.st_dev, found.st_ino))
        # --write-baseline over --baseline is how a baseline is brought up to date
        if source is not None and not (option == "--write-baseline" and source == args.baseline):
            raise RoadmapCheckError.of("error.output_is_input", option=option,
                                       path=str(target), input=str(source))


def office_columns(config: configuration.Config, specs: list[str]) -> tuple[tuple[str, str], ...]:
    """The columns of Word/Excel tables named by the config, then by --column (which wins)."""
    if not specs:  # a YAML run loads nothing of the office package
        return tuple(config["columns"].items())
    from roadmap_check.office.vocab import parse_columns

    return (*config["columns"].items(), *parse_columns(specs))


def parse_fields(specs: list[str]) -> tuple[tuple[str, str], ...]:
    if not specs:
        return ()
    from roadmap_check.office.vocab import parse_fields as parse

    return parse(specs)


def _annotate(target: Path, report: Report, lang: str) -> None:
    """``--annotate``: the one Word or Excel road map checked, copied with its findings as
    comments on their cells."""
    from roadmap_check.office.annotate import annotate

    count = annotate(report, target)
    say(i18n.t(report.language, "cli.annotated", path=str(target),
               count=i18n.plural(report.language, "plural.finding", count)))


def _with_progress(paths: list[Path], options: Options, jobs: int,
                   args: CheckArgs, lang: str) -> Iterable[FileReport]:
    from roadmap_check import runner

    stdin_name = args.stdin_filename or "<stdin>"
    show = (not args.quiet and len(paths) >= 20 and sys.stderr.isatty()
            and not os.environ.get("CI"))
    if not show:
        yield from runner.run(paths, options, jobs, stdin_name)
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(i18n.t(lang, "cli.checking"), total=len(paths))
        yield from runner.run(paths, options, jobs, stdin_name,
                              progress=lambda n: bar.advance(task, n))


def _capped(reports: list[FileReport], limit: int | None) -> None:
    from roadmap_check.limits import cap

    for report in reports:
        report.findings, report.omitted, (report.omitted_fixable, report.omitted_unsafe) = \
            cap(report.findings, limit)


def emit(command: str, name: str, target: Path | None, result: object) -> None:
    """Write ``result`` in the format ``name`` of ``command`` to ``target`` (None: standard
    output)."""
    from roadmap_check.reporters import FORMATS

    color = name == "terminal" and target is None and color_wanted()
    chunks = FORMATS[command][name](result, color)
    if target is None:
        write_out(chunks)
        return
    try:
        with target.open("w", encoding="utf-8", errors=ERRORS) as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as exc:
        raise RoadmapCheckError.of("error.cannot_write", path=str(target),
                                   reason=i18n.foreign("os", str(exc.strerror))) from None


def read_side(spec: str, engine: Engine) -> Side:
    """A file path, or ``REV:path`` read from git."""
    import subprocess

    from roadmap_check.drafts import Side

    path = Path(spec)
    if path.exists():
        return Side(spec, engine.check_path(path, spec))
    rev, sep, name = spec.partition(":")
    if not sep or not rev or not name:
        raise RoadmapCheckError.of("error.no_side", spec=spec)
    if rev.startswith("-") or not rev.isprintable():  # never an option of git, nor two lines
        raise RoadmapCheckError.of("error.bad_revision", spec=spec)
    try:
        shown = subprocess.run(["git", "show", f"{rev}:{name}"], capture_output=True,
                               check=False, timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RoadmapCheckError.of("error.git", spec=spec, reason=str(exc)) from None
    if shown.returncode != 0:
        message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RoadmapCheckError.of("error.git_show", spec=spec, message=message[-1] if message
                                   else local("error.git_show_failed"))
    return Side(spec, engine.check_data(shown.stdout, spec, Path(name).parent))


def known_format(command: str, name: str) -> None:
    """Refuse a format the command does not have (exit 2), naming those it has."""
    from roadmap_check.reporters import FORMATS

    if name not in FORMATS[command]:
        raise RoadmapCheckError.of("error.unknown_format", name=repr(name),
                                   formats=", ".join(FORMATS[command]))


def color_wanted() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and \
        os.environ.get("TERM") != "dumb"
