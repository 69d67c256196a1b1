"""One exception root; the exit codes, named once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from roadmap_check.findings import Args, Msg
from roadmap_check.i18n import Value, pack, render
from roadmap_check.langs import DEFAULT

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


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Errors raised inside are said in ``lang`` (unless an inner block chose already)."""
    try:
        yield
    except RoadmapCheckError as exc:
        if exc.lang is None:
            exc.lang = lang
        raise
