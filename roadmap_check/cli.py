"""The command line: options in, objects built, run, exit code out. No checking logic."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from roadmap_check import __version__
from roadmap_check.errors import EXIT_USAGE, RoadmapCheckError

app = typer.Typer(
    name="roadmap-check",
    help="Check policy road-map drafts (YAML, English or Russian) against the frameworks they "
    "must cite: gaps, missing, unknown, ambiguous, expired and malformed citations.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

FORMATS = ("terminal", "json")
FAIL_ON = ("error", "warning", "info", "never")


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


def _codes(spec: str | None, option: str) -> frozenset[str] | None:
    if spec is None:
        return None
    from roadmap_check.registry import resolve_codes

    try:
        return frozenset(resolve_codes(spec))
    except ValueError as exc:
        raise RoadmapCheckError(f"{option}: {exc}") from None


def _color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and \
        os.environ.get("TERM") != "dumb"


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Road-map files (YAML).", show_default=False)],
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", "-r", help="Rule set: a built-in name or a path. Repeat to layer several. "
        "Default: the road map's 'ruleset', else cis-telemedicine.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help="Output format: terminal or json.")] = "terminal",
    fail_on: Annotated[str, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at or above this severity: error, "
        "warning, info or never.")] = "error",
    select: Annotated[str | None, typer.Option(
        "--select", help="Only these checks: codes or prefixes, comma-separated (RM1,RM201).")]
    = None,
    ignore: Annotated[str | None, typer.Option(
        "--ignore", help="Skip these checks: codes or prefixes, comma-separated.")] = None,
    min_coverage: Annotated[float | None, typer.Option(
        "--min-coverage", min=0.0, max=1.0,
        help="RM204 when the covered share of requirements is below this (0-1).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file instead of standard output.")]
    = None,
) -> None:
    """Check road maps and report findings with file, line and column."""
    from roadmap_check.engine import Engine, Options
    from roadmap_check.findings import Severity
    from roadmap_check.report import Report
    from roadmap_check.reporters import REPORTERS
    from roadmap_check.yaml_io import libyaml_warning

    if fmt not in REPORTERS:
        raise RoadmapCheckError(f"--format: unknown format {fmt!r} (one of {', '.join(REPORTERS)})")
    if fail_on not in FAIL_ON:
        raise RoadmapCheckError(f"--fail-on: {fail_on!r} is none of {', '.join(FAIL_ON)}")
    # A run builds millions of small objects and no cycles worth collecting; the collector's
    # passes over the node graph would cost more than the whole check (measured: ~3x).
    gc.disable()
    warning = libyaml_warning()
    if warning:
        print(f"roadmap-check: {warning}", file=sys.stderr)
    options = Options(rules=tuple(rules or ()), select=_codes(select, "--select"),
                      ignore=_codes(ignore, "--ignore") or frozenset(),
                      min_coverage=min_coverage)
    engine = Engine(options)
    for path in paths:
        if not path.exists():
            raise RoadmapCheckError(f"{path}: no such file")
    reports = [engine.check_path(path, str(path)) for path in paths]
    report = Report(reports, None if fail_on == "never" else Severity.parse(fail_on))
    color = fmt == "terminal" and output is None and _color()
    chunks = REPORTERS[fmt](report, color)
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
    else:
        _write(output, chunks)
    raise typer.Exit(report.exit_code)


def _write(output: Path, chunks: Iterable[str]) -> None:
    try:
        with output.open("w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as exc:
        raise RoadmapCheckError(f"{output}: cannot write ({exc.strerror})") from None


@app.command()
def fix(
    paths: Annotated[list[Path], typer.Argument(help="Road-map files to fix in place.",
                                                show_default=False)],
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", "-r", help="Rule set: a built-in name or a path (repeatable).")] = None,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print a unified diff of the fixes and write nothing (exit 1 if any).")]
    = False,
) -> None:
    """Apply the safe fixes: canonical citations (RM105), a close party name (RM304),
    quoted numeric ids (RM006), dates in another spelling (RM301). Only those spans change."""
    from roadmap_check import fixing
    from roadmap_check.engine import Engine, Options

    engine = Engine(Options(rules=tuple(rules or ()), select=fixing.SAFE))
    pending = False
    for path in paths:
        original, text = fixing.read(path)
        bom = text.startswith("\ufeff")
        body = text[1:] if bom else text
        fixed, applied = body, []
        for _ in range(3):  # a fix can uncover another (e.g. after an overlap); converge
            report = engine.check_text(fixed, str(path), path.parent)
            fixed, done = fixing.apply(fixed, report.findings)
            applied += done
            if not done:
                break
        outcome = fixing.Outcome(path, text, ("\ufeff" if bom else "") + fixed, applied)
        if diff:
            sys.stdout.write(outcome.diff())
            pending |= outcome.changed
        elif outcome.changed:
            fixing.write(path, original, outcome.after)
        codes = sorted({f.code for f in applied})
        verb = "would fix" if diff else "fixed"
        print(f"{path}: {verb} {len(applied)} finding{'s' if len(applied) != 1 else ''}"
              + (f" ({', '.join(codes)})" if codes else ""), file=sys.stderr)
    raise typer.Exit(1 if pending else 0)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A check code, e.g. RM201.")]) -> None:
    """Print a check's documentation, with a failing and a passing example."""
    from roadmap_check.docs import explain as render

    sys.stdout.write(render(code))


@app.command()
def frameworks(
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", "-r", help="Rule set: a built-in name or a path (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="terminal or json.")] = "terminal",
    lang: Annotated[str, typer.Option("--lang", help="Titles in en or ru.")] = "en",
) -> None:
    """List the rule set's frameworks: id, title, horizon, required."""
    from roadmap_check.docs import frameworks_table

    sys.stdout.write(frameworks_table(list(rules or ()), fmt, lang, _color()))


@app.command()
def checks() -> None:
    """List every check: code, name, default severity, summary."""
    from roadmap_check.registry import CHECKS

    for info in CHECKS.values():
        print(f"{info.code}  {info.name:<24} {info.severity.label:<8} {info.summary}")


@app.command()
def schema(which: Annotated[str, typer.Argument(help="roadmap, ruleset or report.")]) -> None:
    """Print a JSON Schema shipped with the package (for editors and CI)."""
    from importlib import resources

    if which not in ("roadmap", "ruleset", "report"):
        raise RoadmapCheckError(f"schema: unknown schema {which!r} (roadmap, ruleset or report)")
    sys.stdout.write((resources.files("roadmap_check.schemas") / f"{which}.schema.json")
                     .read_text(encoding="utf-8"))


def main() -> None:
    try:
        code = app(standalone_mode=False)
    except RoadmapCheckError as exc:
        print(f"roadmap-check: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("roadmap-check: aborted", file=sys.stderr)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the last line of defence: never a bare traceback
        show = getattr(exc, "show", None)
        if callable(show) and hasattr(exc, "exit_code"):  # a usage error from the parser
            show()
            sys.exit(EXIT_USAGE)
        print(f"roadmap-check: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug; please report it with the file that caused it.", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else 0)
