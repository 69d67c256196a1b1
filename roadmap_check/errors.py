"""One exception root; the exit codes, named once; the two streams a run speaks on."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from roadmap_check.i18n import DEFAULT, Args, Value, foreign, local, pack, render
from roadmap_check.safe_text import line

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


class RuleSetError(RoadmapCheckError):
    """An invalid rule set; carries every problem found, each naming file, line and key."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0] if len(problems) == 1 else "\n".join(problems))

    def records(self, lang: str) -> list[str]:
        return list(self.problems)


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
