"""One exception root; the exit codes, named once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from roadmap_check.i18n import DEFAULT, Args, Value, pack, render

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


class RuleSetError(RoadmapCheckError):
    """An invalid rule set; carries every problem found, each naming file, line and key."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0] if len(problems) == 1 else "\n".join(problems))


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Errors raised inside are said in ``lang`` (unless an inner block chose already)."""
    try:
        yield
    except RoadmapCheckError as exc:
        if exc.lang is None:
            exc.lang = lang
        raise
