"""One exception root; the exit codes, named once."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class RoadmapCheckError(Exception):
    """A run that cannot be done: a missing file, a bad option, an invalid rule set.

    The message is one line, starting with the file (and line) where there is one.
    """

    exit_code = EXIT_USAGE


class RuleSetError(RoadmapCheckError):
    """An invalid rule set; carries every problem found, each naming file, line and key."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0] if len(problems) == 1 else "\n".join(problems))
