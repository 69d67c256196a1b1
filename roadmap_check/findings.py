"""The one finding record every check yields and every reporter reads."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (error, warning or info)") from None


class Fix(NamedTuple):
    """Replace the text between two 1-based (line, column) positions with ``replacement``."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


class Finding(NamedTuple):
    """One problem at one place. Immutable; a tuple, because large road maps have many."""

    code: str
    message: str
    path: str
    line: int
    column: int
    item: str | None = None
    framework: str | None = None
    suggestion: str | None = None
    fix: Fix | None = None
    severity: Severity = Severity.ERROR
    suppressed: bool = False
    suppression: str | None = None
    key: str | None = None  # what in its item the finding is about (a citation, a party ...)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)
