"""The finding: a fact about one place of a road map, not a sentence.

A finding holds its check's code, where it is, and the message as a catalogue key with its
arguments (``Msg``); the text is made late, by the reporters, in the language of the run and
only for the findings they show (``roadmap_check.i18n.say``). It is a plain tuple of plain
values, so reports cross processes unchanged. This module imports nothing of the engine.
"""

from __future__ import annotations

from typing import NamedTuple

from roadmap_check.severity import Severity

Args = tuple[tuple[str, str], ...]
Msg = tuple[str, Args]            # a catalogue key and its arguments

# --trust: the least sure facts a finding may rest on and keep its level (else it is info);
# the default never lets a warning or an error rest on an inferred fact
TRUST = ("seen", "partial", "inferred")
DEFAULT_TRUST = "partial"


def trusted(basis: str | None, trust: str) -> bool:
    """Whether a finding resting on a fact of this ``basis`` keeps its level under ``trust``."""
    return basis is None or TRUST.index(basis) <= TRUST.index(trust)


class Fix(NamedTuple):
    """Replace the text between two 1-based (line, column) positions with ``replacement``.

    ``safe``: the result says everything the original said (applied by ``fix``); an unsafe
    fix drops or changes something (``loses``, where known) and is applied only with
    ``--unsafe-fixes``.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str
    value: str | None = None  # the value the scalar holds once fixed (fix checks it did)
    safe: bool = True
    loses: tuple[str, ...] = ()  # what an unsafe fix drops or widens, as the text wrote it


class Waived(NamedTuple):
    """Why a finding does not count: a waiver of its item, a comment in the file, the baseline."""

    kind: str      # "waiver" | "comment" | "baseline"
    reason: Msg


class Finding(NamedTuple):
    """One problem at one place. Immutable; a tuple, because large road maps have many."""

    code: str
    path: str
    line: int
    column: int
    message: Msg
    item: str | None = None
    framework: str | None = None
    hint: Msg | None = None
    fix: Fix | None = None
    subject: str | None = None      # what in its item it is about (a citation, a party ...)
    severity: Severity = Severity.ERROR
    suppression: Waived | None = None
    end_line: int = 0               # the end of the span it is about, where known
    end_column: int = 0
    basis: str | None = None        # the rule-set confidence it rests on (partial, inferred)

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None

    def sort_key(self) -> tuple[str, int, int, str, Msg]:
        return (self.path, self.line, self.column, self.code, self.message)
