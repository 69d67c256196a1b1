"""The command line: options in, objects built, run, exit code out. No checking logic."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_check import __version__
from roadmap_check.errors import EXIT_USAGE, RoadmapCheckError, guarded, speaking, write_out
from roadmap_check.i18n import choose_lang, plural, t
from roadmap_check.langs import LANGS
from roadmap_check.safe_text import line, printable

if TYPE_CHECKING:
    from roadmap_check.engine import Options

app = typer.Typer(
    name="roadmap-check",
    help="Check policy road-map drafts (YAML, English or Russian) against the frameworks they "
    "must cite: gaps, missing, unknown, ambiguous, expired and malformed citations.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)



# Options several commands share, declared once.
AllowRulesFrom = Annotated[list[Path] | None, typer.Option(
    "--allow-rules-from", metavar="DIR", help="Also read rule sets named by a road map "
    "('ruleset:') or by 'extends' from this folder (repeatable). Without it, only built-in "
    "rule sets and files in the road map's folder, the named rule set's folder or the config "
    "file's folder are read.")]
RulesOption = Annotated[list[str] | None, typer.Option(
    "--rules", "-r", help="Rule set: a built-in name or a path. Repeat to layer several. "
    "Default: the config's, else the road map's 'ruleset', else cis-telemedicine.")]
LangOption = Annotated[str | None, typer.Option(
    "--lang", help="The language of messages, the report and framework titles: en or ru "
    "(default: the config's, else the road map's 'language', else the locale's (LANG), else "
    "en).")]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", help="The config file (default: roadmap-check.toml or pyproject.toml's "
    "[tool.roadmap-check], found upward from here).")]
ColumnOption = Annotated[list[str] | None, typer.Option(
    "--column", metavar="HEADER=FIELD", help="Word/Excel tables: the column with this header "
    "holds FIELD (id, title, description, section, responsible, participants, start, "
    "deadline, outcome, indicators, depends_on, cites; or ignore), for headers the "
    "built-in list does not know (repeatable; also 'columns' in the config).")]
RoadmapFieldOption = Annotated[list[str] | None, typer.Option(
    "--roadmap-field", metavar="KEY=VALUE", help="Word/Excel road maps: a field of the road "
    "map itself (id, title, date, period, language, ruleset, status, version, requires), over "
    "what the document says before its table (repeatable).")]
MinCoverageOption = Annotated[float | None, typer.Option(
    "--min-coverage", help="RM204 when the covered share of requirements is below this "
    "(a share from 0 to 1: write 0.8 for 80%).")]


def _version(value: bool) -> None:
    if value:
        print(f"roadmap-check {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """roadmap-check: is every road-map action grounded in the frameworks it must follow?"""


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(
        help="Road-map files (YAML, Word .docx, Excel .xlsx, OpenDocument .odt/.ods), folders "
        "(walked for YAML files with a 'roadmap:' key and Word, Excel and OpenDocument files "
        "with a road-map table), or - for standard input.", show_default=False)],
    rules: RulesOption = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="Output format: terminal, json, sarif, github, junit, gitlab, "
        "html, markdown (default terminal).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file instead of standard output.")]
    = None,
    output_formats: Annotated[list[str] | None, typer.Option(
        "--output-format", help="Also write FORMAT=FILE (repeatable), e.g. sarif=report.sarif.")]
    = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at or above this severity: error "
        "(default), warning, info or never.")] = None,
    select: Annotated[str | None, typer.Option(
        "--select", help="Only these checks: codes or prefixes, comma-separated (RM1,RM201).")]
    = None,
    ignore: Annotated[str | None, typer.Option(
        "--ignore", help="Skip these checks: codes or prefixes, comma-separated.")] = None,
    min_coverage: MinCoverageOption = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", help="Skip files and folders matching this glob (repeatable).")] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", help="Check files in N processes (0: one per core; never more than "
        "the files or the cores).")] = 1,
    max_per_code: Annotated[int | None, typer.Option(
        "--max-per-code", min=0, help="List at most N findings of one check per file and "
        "summarise the rest in one finding (default 1000; 0: list all).")] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", help="The path to report for a road map read from standard input.")]
    = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Report only findings not recorded in this baseline file, and the "
        "entries of it that no longer occur.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Record the current findings in this baseline file.")] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar.")] = False,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the safe fixes (as 'roadmap-check fix') before checking.")] = False,
    roadmaps_only: Annotated[bool, typer.Option(
        "--roadmaps-only", help="Skip named files that have no 'roadmap:' key (for hooks that "
        "pass every YAML file).")] = False,
    allow_rules_from: AllowRulesFrom = None,
    provenance: Annotated[bool, typer.Option(
        "--provenance/--no-provenance", help="HTML: end with an appendix on the rule set and "
        "the sources of its facts (default); --no-provenance leaves it out.")] = True,
    column: ColumnOption = None,
    roadmap_field: RoadmapFieldOption = None,
    annotate: Annotated[Path | None, typer.Option(
        "--annotate", metavar="COPY", help="Write a copy of the one Word or Excel road map "
        "checked with each finding as a comment on its cell (the original is not changed).")]
    = None,
) -> None:
    """Check road maps and report findings with file, line and column (in a Word or Excel
    road map: table, row and column)."""
    from roadmap_check.command import CheckArgs, run

    code = run(CheckArgs(
        paths=paths, config=config, rules=rules, fmt=fmt, output=output,
        output_formats=output_formats or [], fail_on=fail_on, select=select, ignore=ignore,
        min_coverage=min_coverage, exclude=exclude or [], jobs=jobs, max_per_code=max_per_code,
        stdin_filename=stdin_filename, baseline=baseline, write_baseline=write_baseline,
        quiet=quiet, lang=lang, roadmaps_only=roadmaps_only, fix=fix,
        allow_rules_from=allow_rules_from, provenance=provenance, columns=column or [],
        roadmap_fields=roadmap_field or [], annotate=annotate))
    raise typer.Exit(code)


@app.command()
def convert(
    source: Annotated[Path, typer.Argument(help="A road map: .docx, .xlsx (or .odt, .ods), or "
                                           ".yaml.", show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The file to write: .yaml from a Word or Excel road map; .docx "
        "or .xlsx from a YAML one.", show_default=False)],
    lang: LangOption = None,
    column: ColumnOption = None,
    roadmap_field: RoadmapFieldOption = None,
    config: ConfigOption = None,
) -> None:
    """Convert a road map between Word/Excel and YAML: a table to YAML (each item noting its
    source row), or YAML to the formal table (standard columns, landscape A4)."""
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


@app.command("config")
def show_config(
    config: Annotated[Path | None, typer.Option("--config", help="The config file to read.")]
    = None,
) -> None:
    """Print the effective configuration and where each value comes from."""
    from roadmap_check import config as configuration

    path = config if config is not None else configuration.discover(Path.cwd())
    said = choose_lang(None, None, os.environ)
    with speaking(said):
        write_out([configuration.describe(configuration.load(path), said)])


rules_app = typer.Typer(help="Work with rule sets.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("validate")
def validate_rules(
    paths: Annotated[list[str], typer.Argument(help="Rule-set files (or built-in names).",
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
             allow: list[Path] | None = None) -> Options:
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


@app.command()
def coverage(
    paths: Annotated[list[Path], typer.Argument(help="Road-map files or folders.",
                                                show_default=False)],
    rules: RulesOption = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="terminal or json.")] = "terminal",
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


@app.command()
def fix(
    paths: Annotated[list[Path], typer.Argument(help="Road-map files to fix in place.",
                                                show_default=False)],
    rules: RulesOption = None,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print a unified diff of the fixes and write nothing (exit 1 if any).")]
    = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Fix read-only files too (they are left as they are otherwise).")]
    = False,
    lang: LangOption = None,
    allow_rules_from: AllowRulesFrom = None,
) -> None:
    """Apply the safe fixes: canonical citations (RM105), a close party name (RM304),
    quoted numeric ids (RM006), dates written otherwise (RM311), a value starting with "!"
    quoted (RM007). Only those spans change;
    a file the fixes cannot be verified on is left as it was and named (exit 2)."""
    said = choose_lang(lang, None, os.environ)
    with speaking(said):
        _fix(paths, rules, diff, lang, force, said, allow_rules_from)


def _fix(paths: list[Path], rules: list[str] | None, diff: bool, lang: str | None,
         force: bool, said: str, allow: list[Path] | None) -> None:
    from roadmap_check import fixing
    from roadmap_check.engine import Engine

    engine = Engine(_options(rules, lang, select=fixing.SELECT, allow=allow))
    pending = refused = False
    for path in paths:
        try:
            original, outcome, file_lang = fixing.fix_file(engine, path)
            if diff:
                # the road map's own lines: their control characters shown, their ends kept
                write_out(printable(text.rstrip("\r\n")) + text[len(text.rstrip("\r\n")):]
                          for text in outcome.diff().splitlines(keepends=True))
                pending |= outcome.changed
            elif outcome.changed:
                fixing.write(path, original, outcome.after, force)
        except fixing.Refused as exc:  # this file is left as it was; on with the next
            print(line(f"roadmap-check: {exc.in_lang(exc.lang or said)}"), file=sys.stderr)
            refused = True
            continue
        applied = outcome.applied
        codes = sorted({f.code for f in applied})
        print(line(t(file_lang, "cli.would_fix" if diff else "cli.fixed", path=str(path),
                     count=plural(file_lang, "plural.finding", len(applied)),
                     codes=f" ({', '.join(codes)})" if codes else "")), file=sys.stderr)
    raise typer.Exit(EXIT_USAGE if refused else 1 if pending else 0)


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The earlier draft: a file or REV:path.")],
    new: Annotated[str, typer.Argument(help="The later draft: a file or REV:path.")],
    rules: RulesOption = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="terminal, json or markdown.")] = "terminal",
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


@app.command()
def init(
    output: Annotated[Path | None, typer.Argument(
        help="The file to write (default: roadmap.yaml, or NAME.yaml with --ruleset).")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="The starter road map's language, and the language of what init says: en "
        "or ru (default en; what it says: the locale's).")] = None,
    ruleset: Annotated[str | None, typer.Option(
        "--ruleset", help="Write a starter custom rule set named NAME instead, extending the "
        "built-in one, with a comment on each key.")] = None,
) -> None:
    """Write a starter road map that passes the checks (or a starter rule set). Never
    overwrites a file."""
    said = choose_lang(lang, None, os.environ)
    with speaking(said):
        from roadmap_check.starters import write_starter

        target = write_starter(output, _lang_option(lang) or "en", ruleset)
    print(printable(t(said, "cli.wrote", path=str(target))))


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A check code or name, e.g. RM201 or "
                                             "missing-citation.")],
    lang: LangOption = None,
) -> None:
    """Print a check's documentation, with a failing and a passing example."""
    from roadmap_check.docs import explain as render

    said = choose_lang(_lang_option(lang), None, os.environ)
    with speaking(said):
        write_out([render(code, said)])


@app.command()
def frameworks(
    rules: RulesOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="terminal or json.")] = "terminal",
    lang: LangOption = None,
    allow_rules_from: AllowRulesFrom = None,
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
                                              said))


@app.command()
def checks(lang: LangOption = None) -> None:
    """List every check: code, name, default severity, summary."""
    from roadmap_check.docs import check_docs
    from roadmap_check.registry import CHECKS

    said = choose_lang(_lang_option(lang), None, os.environ)
    for info in CHECKS.values():
        level = t(said, f"term.label.{info.severity.label}").strip()
        print(f"{info.code}  {info.name:<27} {level:<14} {check_docs(info.code).summary(said)}")


@app.command()
def schema(which: Annotated[str, typer.Argument(
        help="roadmap, ruleset, report or vocabulary.")]) -> None:
    """Print a JSON Schema shipped with the package (for editors and CI)."""
    from importlib import resources

    if which not in ("roadmap", "ruleset", "report", "vocabulary"):
        raise RoadmapCheckError.of("error.schema", name=repr(which))
    write_out([(resources.files("roadmap_check.schemas") / f"{which}.schema.json")
               .read_text(encoding="utf-8")])


def main() -> None:
    guarded(lambda: app(standalone_mode=False))
