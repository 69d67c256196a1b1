"""The command line: options in, objects built, run, exit code out. No checking logic.

No ``from __future__ import annotations`` here: typer reads the commands' annotations on every
run, and as strings it evaluates each of them twice (with ``eval``), which took 9 ms of a
20-item check (measured); evaluated once, at import, they cost a third of that.
"""

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_check import __version__
from roadmap_check.cli_help import help_lang, localise
from roadmap_check.errors import RoadmapCheckError, guarded, speaking, write_out
from roadmap_check.i18n import choose_lang, plural, t
from roadmap_check.langs import LANGS
from roadmap_check.safe_text import line, printable

if TYPE_CHECKING:
    from roadmap_check.engine import Options

# The language of --help: --lang in the command line, else the locale's (cli_help.py).
HELP_LANG = help_lang(sys.argv[1:], os.environ)
localise(HELP_LANG)


def _h(key: str, **values: str) -> str:
    """A help text (or metavar) of the catalogue, in the language of --help."""
    return t(HELP_LANG, key, **values)


_OPTIONS = _h("help.options_metavar")
app = typer.Typer(
    name="roadmap-check",
    help=_h("help.app"),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    options_metavar=_OPTIONS,
    subcommand_metavar=_h("help.subcommand_metavar"),
)


def _formats(command: str) -> str:
    from roadmap_check.reporters import FORMATS

    return ", ".join(FORMATS[command])


# Options several commands share, declared once.
AllowRulesFrom = Annotated[list[Path] | None, typer.Option(
    "--allow-rules-from", metavar=_h("help.metavar.dir"), help=_h("help.opt.allow_rules_from"))]
RulesOption = Annotated[list[str] | None, typer.Option(
    "--rules", "-r", metavar=_h("help.metavar.rules"), help=_h("help.opt.rules"))]
LangOption = Annotated[str | None, typer.Option(
    "--lang", metavar=_h("help.metavar.lang"), help=_h("help.opt.lang"))]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", metavar=_h("help.metavar.file"), help=_h("help.opt.config"))]
ColumnOption = Annotated[list[str] | None, typer.Option(
    "--column", metavar=_h("help.metavar.column"), help=_h("help.opt.column"))]
RoadmapFieldOption = Annotated[list[str] | None, typer.Option(
    "--roadmap-field", metavar=_h("help.metavar.roadmap_field"),
    help=_h("help.opt.roadmap_field"))]
MinCoverageOption = Annotated[float | None, typer.Option(
    "--min-coverage", metavar=_h("help.metavar.share"), help=_h("help.opt.min_coverage"))]


def _version(value: bool) -> None:
    if value:
        print(f"roadmap-check {__version__}")
        raise typer.Exit(0)


@app.callback(help=_h("help.app"), options_metavar=_OPTIONS,
              subcommand_metavar=_h("help.subcommand_metavar"))
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help=_h("help.version"))] = False,
) -> None:
    """roadmap-check: is every road-map action grounded in the frameworks it must follow?"""


def _extensions() -> str:
    from roadmap_check.reporters import EXTENSIONS

    by_format: dict[str, list[str]] = {}
    for extension, fmt in EXTENSIONS.items():
        by_format.setdefault(fmt, []).append(extension)
    return ", ".join(f"{'/'.join(exts)} {fmt}" for fmt, exts in by_format.items())


@app.command(help=_h("help.check"), options_metavar=_OPTIONS)
def check(
    paths: Annotated[list[Path], typer.Argument(
        metavar=_h("help.metavar.path") + "...", help=_h("help.check.paths"),
        show_default=False)],
    rules: RulesOption = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", metavar=_h("help.metavar.format"),
        help=_h("help.check.format", formats=_formats("check"), extensions=_extensions()))]
    = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar=_h("help.metavar.file"), help=_h("help.check.output"))]
    = None,
    output_formats: Annotated[list[str] | None, typer.Option(
        "--output-format", metavar=_h("help.metavar.output_format"),
        help=_h("help.check.output_format"))] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", metavar=_h("help.metavar.level"), help=_h("help.check.fail_on"))] = None,
    select: Annotated[str | None, typer.Option(
        "--select", metavar=_h("help.metavar.codes"), help=_h("help.check.select"))] = None,
    ignore: Annotated[str | None, typer.Option(
        "--ignore", metavar=_h("help.metavar.codes"), help=_h("help.check.ignore"))] = None,
    min_coverage: MinCoverageOption = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", metavar=_h("help.metavar.glob"), help=_h("help.check.exclude"))] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", metavar=_h("help.metavar.count"), help=_h("help.check.jobs"),
        show_default=False)] = 1,
    max_per_code: Annotated[int | None, typer.Option(
        "--max-per-code", min=0, metavar=_h("help.metavar.count"),
        help=_h("help.check.max_per_code"))] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", metavar=_h("help.metavar.path"),
        help=_h("help.check.stdin_filename"))] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", metavar=_h("help.metavar.file"), help=_h("help.check.baseline"))]
    = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", metavar=_h("help.metavar.file"),
        help=_h("help.check.write_baseline"))] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help=_h("help.check.quiet"))] = False,
    fix: Annotated[bool, typer.Option(
        "--fix", help=_h("help.check.fix"))] = False,
    unsafe_fixes: Annotated[bool | None, typer.Option(
        "--unsafe-fixes", help=_h("help.check.unsafe_fixes"), show_default=False)] = None,
    roadmaps_only: Annotated[bool, typer.Option(
        "--roadmaps-only", help=_h("help.check.roadmaps_only"))] = False,
    allow_rules_from: AllowRulesFrom = None,
    min_severity: Annotated[str | None, typer.Option(
        "--min-severity", metavar=_h("help.metavar.level"),
        help=_h("help.check.min_severity"))] = None,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help=_h("help.check.statistics"))] = False,
    trust: Annotated[str | None, typer.Option(
        "--trust", metavar=_h("help.metavar.trust"), help=_h("help.check.trust"))] = None,
    provenance: Annotated[bool, typer.Option(
        "--provenance/--no-provenance", help=_h("help.check.provenance"),
        show_default=False)] = True,
    column: ColumnOption = None,
    roadmap_field: RoadmapFieldOption = None,
    annotate: Annotated[Path | None, typer.Option(
        "--annotate", metavar=_h("help.metavar.copy"), help=_h("help.check.annotate"),
        show_default=False)] = None,
) -> None:
    """Check road maps and report findings with file, line and column (in a Word or Excel
    road map: table, row and column)."""
    from roadmap_check.command import CheckArgs, run

    code = run(CheckArgs(
        paths=paths, config=config, rules=rules, fmt=fmt, output=output,
        output_formats=output_formats or [], fail_on=fail_on, select=select, ignore=ignore,
        min_coverage=min_coverage, exclude=exclude or [], jobs=jobs, max_per_code=max_per_code,
        stdin_filename=stdin_filename, baseline=baseline, write_baseline=write_baseline,
        quiet=quiet, lang=lang, roadmaps_only=roadmaps_only, fix=fix, unsafe_fixes=unsafe_fixes,
        allow_rules_from=allow_rules_from, min_severity=min_severity, statistics=statistics,
        provenance=provenance, columns=column or [], roadmap_fields=roadmap_field or [],
        annotate=annotate, trust=trust))
    raise typer.Exit(code)


@app.command(help=_h("help.convert"), options_metavar=_OPTIONS)
def convert(
    source: Annotated[Path, typer.Argument(metavar=_h("help.metavar.file"),
                                           help=_h("help.convert.source"), show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar=_h("help.metavar.file"), help=_h("help.convert.output"),
        show_default=False)],
    lang: LangOption = None,
    column: ColumnOption = None,
    roadmap_field: RoadmapFieldOption = None,
    config: ConfigOption = None,
) -> None:
    """Convert a road map between Word/Excel and YAML."""
    from roadmap_check.command import CheckArgs, load_config, office_columns, parse_fields
    from roadmap_check.office.command import convert as run
    from roadmap_check.office.read import Settings

    said = choose_lang(_lang_option(lang), None, os.environ)
    with speaking(said):
        configuration = load_config(CheckArgs(paths=[], config=config))
        settings = Settings(office_columns(configuration, column or []),
                            parse_fields(roadmap_field or []))
        count = run(source, output, lang or configuration["language"], settings,
                    dict(os.environ))
    print(line(t(said, "cli.converted", path=str(output),
                 count=plural(said, "plural.item", count))), file=sys.stderr)


@app.command("config", help=_h("help.config"), options_metavar=_OPTIONS)
def show_config(
    config: Annotated[Path | None, typer.Option(
        "--config", metavar=_h("help.metavar.file"), help=_h("help.config.config"))] = None,
) -> None:
    """Print the effective configuration and where each value comes from."""
    from roadmap_check import config as configuration

    path = config if config is not None else configuration.discover(Path.cwd())
    said = choose_lang(None, None, os.environ)
    with speaking(said):
        write_out([configuration.describe(configuration.load(path), said)])


rules_app = typer.Typer(help=_h("help.rules"), no_args_is_help=True,
                        options_metavar=_OPTIONS, subcommand_metavar=_h("help.subcommand_metavar"))
app.add_typer(rules_app, name="rules", help=_h("help.rules"))


@rules_app.command("validate", help=_h("help.rules.validate"), options_metavar=_OPTIONS)
def validate_rules(
    paths: Annotated[list[str], typer.Argument(
        metavar=_h("help.metavar.rules") + "...", help=_h("help.rules.validate.paths"),
        show_default=False)],
    allow_rules_from: AllowRulesFrom = None,
) -> None:
    """Validate rule sets: every problem at once, each with file, line and key."""
    from roadmap_check import rulesets
    from roadmap_check.errors import RuleSetError

    said = choose_lang(None, None, os.environ)
    roots = tuple(map(Path, _rule_roots(allow_rules_from)))
    bad = False
    for spec in paths:
        try:
            with speaking(said):
                ruleset = rulesets.load([spec], roots=roots)
        except RuleSetError as exc:
            bad = True
            for problem in exc.problems:
                print(line(problem.said(said)), file=sys.stderr)
            continue
        print(line(t(said, "cli.valid_ruleset", spec=spec,
                     frameworks=plural(said, "plural.framework", len(ruleset.frameworks)),
                     requirements=plural(said, "plural.requirement", len(ruleset.requirements)),
                     parties=plural(said, "plural.party", len(ruleset.parties)))))
    raise typer.Exit(2 if bad else 0)


def _lang_option(lang: str | None) -> str | None:
    if lang is not None and lang not in LANGS:
        raise RoadmapCheckError.of("error.lang", value=repr(lang))
    return lang


def _options(rules: list[str] | None, lang: str | None, select: frozenset[str] | None = None,
             allow: list[Path] | None = None) -> "Options":
    """Engine options of a command other than check: --rules, --lang, the locale, and where
    rule sets may be read from (the config file's folder and 'allow-rules-from', or
    --allow-rules-from)."""
    from roadmap_check.engine import Options
    from roadmap_check.i18n import locale_environ

    return Options(rules=tuple(rules or ()), select=select, lang=_lang_option(lang),
                   environ=locale_environ(os.environ), rule_roots=_rule_roots(allow))


def _rule_roots(allow: list[Path] | None) -> tuple[str, ...]:
    """Where rule-set files may be read from besides the rule set's own folder (and a road
    map's): the config file's folder, and --allow-rules-from, else its 'allow-rules-from'."""
    from roadmap_check.command import CheckArgs, load_config, rule_roots

    return rule_roots(load_config(CheckArgs(paths=[], allow_rules_from=allow)))


@app.command(help=_h("help.coverage"), options_metavar=_OPTIONS)
def coverage(
    paths: Annotated[list[Path], typer.Argument(
        metavar=_h("help.metavar.path") + "...", help=_h("help.coverage.paths"),
        show_default=False)],
    rules: RulesOption = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar=_h("help.metavar.format"),
        help=_h("help.format_of", formats=_formats("coverage")))] = "terminal",
    min_coverage: MinCoverageOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
    allow_rules_from: AllowRulesFrom = None,
    column: ColumnOption = None,
    roadmap_field: RoadmapFieldOption = None,
) -> None:
    """The coverage matrix: required frameworks by items (or sections), each cell showing
    whether and how the item cites the framework, with the share per framework and overall."""
    from roadmap_check.command import CheckArgs, coverage_report, emit, known_format
    from roadmap_check.i18n import say

    known_format("coverage", fmt)
    report = coverage_report(CheckArgs(paths=paths, config=config, rules=rules,
                                       min_coverage=min_coverage, lang=lang, fail_on="error",
                                       allow_rules_from=allow_rules_from, columns=column or [],
                                       roadmap_fields=roadmap_field or []))
    assert report is not None  # without --roadmaps-only, no road map at all is an error
    emit("coverage", fmt, None, report)
    # Exit 1 below the minimum (RM204), and for a file that is no road map with a rule set
    # to measure it by (it cannot be read, or its rule set cannot be used).
    below = [(f, r.lang) for r in report.files for f in r.findings
             if f.code in ("RM001", "RM007", "RM008", "RM204") and f.suppression is None]
    for finding, said in below:
        print(line(f"{finding.path}: {finding.code} {say(said, finding.message)}"))
    raise typer.Exit(1 if below else 0)


@app.command(help=_h("help.fix"), options_metavar=_OPTIONS)
def fix(
    paths: Annotated[list[Path], typer.Argument(
        metavar=_h("help.metavar.file") + "...", help=_h("help.fix.paths"),
        show_default=False)],
    rules: RulesOption = None,
    diff: Annotated[bool, typer.Option("--diff", help=_h("help.fix.diff"))] = False,
    force: Annotated[bool, typer.Option("--force", help=_h("help.fix.force"))] = False,
    unsafe_fixes: Annotated[bool | None, typer.Option(
        "--unsafe-fixes", help=_h("help.fix.unsafe_fixes"), show_default=False)] = None,
    lang: LangOption = None,
    allow_rules_from: AllowRulesFrom = None,
    config: ConfigOption = None,
) -> None:
    """Apply the safe fixes: canonical citations (RM105), a close party name (RM304),
    quoted numeric ids (RM006), dates written otherwise (RM311), a value starting with "!"
    quoted (RM007); the unsafe ones (that drop or widen what a citation says) only with
    --unsafe-fixes. Only those spans change;
    a file the fixes cannot be verified on is left as it was and named (exit 2)."""
    from roadmap_check import fixing
    from roadmap_check.command import CheckArgs, load_config
    from roadmap_check.fix_command import fix_files

    said = choose_lang(lang, None, os.environ)
    with speaking(said):
        unsafe = load_config(CheckArgs(paths=[], config=config,
                                       unsafe_fixes=unsafe_fixes))["unsafe-fixes"]
        options = _options(rules, lang, select=fixing.SELECT, allow=allow_rules_from)
        code = fix_files(paths, options, diff=diff, force=force, said=said, unsafe=bool(unsafe))
    raise typer.Exit(code)


@app.command(help=_h("help.diff"), options_metavar=_OPTIONS)
def diff(
    old: Annotated[str, typer.Argument(metavar=_h("help.metavar.side"),
                                       help=_h("help.diff.old"))],
    new: Annotated[str, typer.Argument(metavar=_h("help.metavar.side"),
                                       help=_h("help.diff.new"))],
    rules: RulesOption = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar=_h("help.metavar.format"),
        help=_h("help.format_of", formats=_formats("diff")))] = "terminal",
    lang: LangOption = None,
    allow_rules_from: AllowRulesFrom = None,
) -> None:
    """Compare two drafts: findings introduced and resolved, coverage before and after, items
    and citations added, removed and changed. Exit 1 when the new draft introduces errors."""
    from dataclasses import replace

    from roadmap_check.command import emit, known_format, read_side
    from roadmap_check.drafts import compare
    from roadmap_check.engine import Engine

    with speaking(choose_lang(lang, None, os.environ)):
        known_format("diff", fmt)
        engine = Engine(replace(_options(rules, lang, allow=allow_rules_from), keep_content=True))
        result = compare(read_side(old, engine), read_side(new, engine))
    emit("diff", fmt, None, result)
    raise typer.Exit(result.exit_code)


@app.command(help=_h("help.init"), options_metavar=_OPTIONS)
def init(
    output: Annotated[Path | None, typer.Argument(
        metavar=_h("help.metavar.file"), help=_h("help.init.output"), show_default=False)]
    = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar=_h("help.metavar.lang"), help=_h("help.init.lang"))] = None,
    ruleset: Annotated[str | None, typer.Option(
        "--ruleset", metavar=_h("help.metavar.name"), help=_h("help.init.ruleset"))] = None,
) -> None:
    """Write a starter road map that passes the checks (or a starter rule set). Never
    overwrites a file."""
    said = choose_lang(lang, None, os.environ)
    with speaking(said):
        from roadmap_check.starters import write_schema_beside, write_starter

        target = write_starter(output, _lang_option(lang) or said, ruleset)
        schema = write_schema_beside(target, ruleset)
    for written in (target, schema):
        if written is not None:
            print(printable(t(said, "cli.wrote", path=str(written))))


@app.command(help=_h("help.explain"), options_metavar=_OPTIONS)
def explain(
    code: Annotated[str, typer.Argument(metavar=_h("help.metavar.check"),
                                        help=_h("help.explain.code"))],
    lang: LangOption = None,
) -> None:
    """Print a check's documentation, with a failing and a passing example."""
    from roadmap_check.docs import explain as render

    said = choose_lang(_lang_option(lang), None, os.environ)
    with speaking(said):
        write_out([render(code, said)])


@app.command(help=_h("help.frameworks"), options_metavar=_OPTIONS)
def frameworks(
    rules: RulesOption = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar=_h("help.metavar.format"),
        help=_h("help.format_of", formats=_formats("frameworks")))] = "terminal",
    lang: LangOption = None,
    allow_rules_from: AllowRulesFrom = None,
    provisions: Annotated[bool, typer.Option(
        "--provisions", help=_h("help.frameworks.provisions"))] = False,
    aliases: Annotated[bool, typer.Option("--aliases", help=_h("help.frameworks.aliases"))]
    = False,
) -> None:
    """List the rule set's frameworks: id, title, horizon, required."""
    from roadmap_check import rulesets
    from roadmap_check.command import emit, known_format
    from roadmap_check.reporters.frameworks import Listing

    said = choose_lang(_lang_option(lang), None, os.environ)
    with speaking(said):
        known_format("frameworks", fmt)
        roots = tuple(map(Path, _rule_roots(allow_rules_from)))
        emit("frameworks", fmt, None, Listing(rulesets.load(list(rules or ()), roots=roots),
                                              said, provisions, aliases))


@app.command(help=_h("help.checks"), options_metavar=_OPTIONS)
def checks(lang: LangOption = None) -> None:
    """List every check: code, name, default severity, summary."""
    from roadmap_check.reporters.checklist import terminal

    write_out(terminal(choose_lang(_lang_option(lang), None, os.environ)))


@app.command(help=_h("help.schema"), options_metavar=_OPTIONS)
def schema(which: Annotated[str, typer.Argument(metavar=_h("help.metavar.schema"),
                                                help=_h("help.schema.which"))]) -> None:
    """Print a JSON Schema shipped with the package (for editors and CI)."""
    from importlib import resources

    if which not in ("roadmap", "ruleset", "report", "vocabulary"):
        raise RoadmapCheckError.of("error.schema", name=repr(which))
    write_out([(resources.files("roadmap_check.schemas") / f"{which}.schema.json")
               .read_text(encoding="utf-8")])


def annotating(argv: list[str], environ: Mapping[str, str]) -> bool:
    """Whether standard output is GitHub annotations: --format github, or a check in GitHub
    Actions that names no format (then an error of the run is an annotation too)."""
    for n, arg in enumerate(argv):
        if arg in ("--format", "-f"):
            return argv[n + 1:n + 2] == ["github"]
        if arg.startswith(("--format=", "-f")) and arg not in ("-f",):
            return arg.split("=", 1)[-1].removeprefix("-f") == "github"
    return environ.get("GITHUB_ACTIONS") == "true" and argv[:1] == ["check"]


def main() -> None:
    guarded(lambda: app(standalone_mode=False), annotating(sys.argv[1:], os.environ))
