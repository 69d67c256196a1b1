"""One exception root; the exit codes, named once; the one handler that maps what a run
raises to a line on standard error and an exit code; the two streams a run speaks on."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple, NoReturn

from roadmap_check.findings import Args, Msg
from roadmap_check.i18n import Value, choose_lang, foreign, local, pack, render, t
from roadmap_check.langs import DEFAULT
from roadmap_check.safe_text import ERRORS, line

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class RoadmapCheckError(Exception):
    """A run that cannot be done: a missing file, a bad option, an invalid rule set.

    The message is one line, starting with the file (and line) where there is one.
    """

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, template: str | None = None, values: Args = ()) -> None:
        super().__init__(message)
        self.template = template
        self.values = values
        self.lang: str | None = None  # set by the command that knows the run's language

    @classmethod
    def of(cls, key: str, /, **values: Value) -> RoadmapCheckError:
        """The error of a message key, said in English until ``in_lang`` says it otherwise."""
        args = pack(**values)
        return cls(render(DEFAULT, key, args), template=key, values=args)

    def in_lang(self, lang: str) -> str:
        return render(lang, self.template, self.values) if self.template else str(self)

    def records(self, lang: str) -> list[str]:
        """What standard error says: one line for each problem."""
        return [self.in_lang(lang)]

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole (a worker process sends it back), its message keys kept."""
        return (_rebuild, (type(self), str(self), self.template, self.values, self.lang,
                           getattr(self, "problems", None)))


def _rebuild(kind: type[RoadmapCheckError], message: str, template: str | None,
             values: Args, lang: str | None,
             problems: list[Problem] | None) -> RoadmapCheckError:
    error = RuleSetError(problems) if problems is not None and issubclass(kind, RuleSetError) \
        else RoadmapCheckError(message, template=template, values=values)
    error.lang = lang
    return error


class Problem(NamedTuple):
    """One problem of a rule set (or another data file): where, which key, what."""

    path: str
    line: int
    column: int
    key: str
    message: Msg

    def said(self, lang: str) -> str:
        key = f"{self.key}: " if self.key else ""
        return f"{self.path}:{self.line}:{self.column}: {key}{render(lang, *self.message)}"


class RuleSetError(RoadmapCheckError):
    """An invalid rule set; carries every problem found, each naming file, line and key."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.in_lang(DEFAULT))

    def in_lang(self, lang: str) -> str:
        return "\n".join(problem.said(lang) for problem in self.problems)

    def records(self, lang: str) -> list[str]:
        return [problem.said(lang) for problem in self.problems]


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Errors raised inside are said in ``lang`` (unless an inner block chose already)."""
    try:
        yield
    except RoadmapCheckError as exc:
        if exc.lang is None:
            exc.lang = lang
        raise


def say(text: str) -> None:
    """One line on standard error, after 'roadmap-check: '; whatever the text holds (a file
    name, a spec, a key of a rule set), it stays one line and is never a workflow command."""
    print(f"roadmap-check: {line(text)}", file=sys.stderr)


def write_out(chunks: Iterable[str]) -> None:
    """Write to standard output and flush; a full disk or a closed stream is a one-line error
    (a closed pipe is left to the caller: the reader has what it wanted)."""
    try:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    except BrokenPipeError:
        release_stdout()
        raise
    except OSError as exc:
        release_stdout()
        raise RoadmapCheckError.of("error.cannot_write", path=local("cli.stdout"),
                                   reason=foreign("os", str(exc.strerror))) from None


def release_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered for a stream
    that failed is not written again (and failed again) when the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no file descriptor (a captured stream): nothing to release
        pass


def tolerant_streams() -> None:
    """What a stream cannot encode (Russian on a cp1252 or ASCII pipe, the bytes of an
    undecodable file name) is written as escapes instead of stopping the run, or of writing
    bytes that are not in the stream's encoding (surrogateescape, in a C locale)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict",
                                                                       "surrogateescape"):
            stream.reconfigure(errors=ERRORS)


def _records(exc: RoadmapCheckError) -> list[str]:
    """The lines an error says, in its run's language (else the locale's)."""
    try:
        return exc.records(exc.lang or choose_lang(None, None, os.environ))
    except Exception:
        return [str(exc)]


def _said(key: str, english: str, **values: str) -> str:
    """A message of the last line of defence in the locale's language; English if even the
    catalogue cannot be read."""
    try:
        return t(choose_lang(None, None, os.environ), key, **values)
    except Exception:
        return english


def annotate(exc: RoadmapCheckError) -> None:
    """The lines of an error as GitHub workflow commands (``::error``) on standard output,
    each problem of a rule set at its file and line, escaped as the Actions toolkit does."""
    from roadmap_check.safe_text import workflow_data, workflow_property

    lang = exc.lang or choose_lang(None, None, os.environ)
    problems: list[Problem] = getattr(exc, "problems", None) or []
    lines = [(f"file={workflow_property(p.path)},line={p.line},col={p.column},"
              f"title=roadmap-check", p.said(lang)) for p in problems] or \
        [("title=roadmap-check", record) for record in _records(exc)]
    try:
        for properties, message in lines:
            sys.stdout.write(f"::error {properties}::{workflow_data(message)}\n")
        sys.stdout.flush()
    except OSError:  # standard error has said it already
        release_stdout()


def guarded(run: Callable[[], object], annotated: bool = False) -> NoReturn:
    """Run the command line and exit: its code, or 2 with one line (per problem) on standard
    error for whatever it raised; never a bare traceback. ``annotated``: the output is GitHub
    annotations, so the error is one too."""
    tolerant_streams()
    try:
        code = run()
        write_out(())  # what is still buffered: a full disk says so here, not at exit
    except RoadmapCheckError as exc:
        for record in _records(exc):
            say(record)
        if annotated:
            annotate(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        release_stdout()
        sys.exit(0)
    except OSError as exc:  # the environment failed a read or a write: not a bug
        release_stdout()
        reason = foreign("os", str(exc.strerror or exc))
        failed = RoadmapCheckError.of("error.os_failed", reason=reason) if exc.filename is None \
            else RoadmapCheckError.of("error.os", path=os.fsdecode(exc.filename), reason=reason)
        for record in _records(failed):
            say(record)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # the last line of defence
        _unexpected(exc)
    sys.exit(code if isinstance(code, int) else 0)


def _unexpected(exc: Exception) -> NoReturn:
    from typer import Abort

    if isinstance(exc, Abort):
        say(_said("cli.aborted", "aborted"))
        sys.exit(130)
    show = getattr(exc, "show", None)
    if callable(show) and hasattr(exc, "exit_code"):  # a usage error from the parser
        from roadmap_check.cli_help import help_lang, usage_error

        try:
            shown = usage_error(exc, help_lang(sys.argv[1:], os.environ))
        except Exception:  # a kind of error this click does not shape as expected
            said = io.StringIO()
            show(file=said)
            shown = said.getvalue().splitlines()
        for said_line in shown:  # it may quote an argument: a file name, whatever it holds
            for one in said_line.splitlines() or [""]:
                print(line(one), file=sys.stderr)
        sys.exit(EXIT_USAGE)
    error = f"{type(exc).__name__}: {exc}"
    print("roadmap-check: " + _said("cli.internal_error", f"internal error: {error}\nThis is "
                                    "a bug; please report it with the file that caused it.",
                                    error=line(error)), file=sys.stderr)
    sys.exit(EXIT_USAGE)
