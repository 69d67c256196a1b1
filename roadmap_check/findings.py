"""The one finding record every check yields and every reporter reads.

A finding is made by ``finding()`` from message keys of messages.yaml and their arguments: its
``message`` and ``suggestion`` are said in English, and ``in_lang`` says them again in the run's
language once the engine knows it. Nothing else about a finding depends on the language.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from roadmap_check.i18n import DEFAULT, Args, Msg, render


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
    value: str | None = None  # the value the scalar holds once fixed (fix checks it did)


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
    template: str | None = None  # the message key of messages.yaml, and its arguments
    args: Args = ()
    hint: str | None = None      # the same for the suggestion
    hint_args: Args = ()

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def in_lang(self, lang: str) -> Finding:
        """The finding with its message and suggestion said in ``lang``."""
        if self.template is None and self.hint is None:
            return self
        return self._replace(
            message=render(lang, self.template, self.args) if self.template else self.message,
            suggestion=render(lang, self.hint, self.hint_args) if self.hint else self.suggestion)


def finding(code: str, message: Msg, path: str, line: int, column: int, *,
            item: str | None = None, framework: str | None = None,
            suggestion: Msg | None = None, fix: Fix | None = None,
            severity: Severity | None = None, key: str | None = None) -> Finding:
    """A finding said in English, keeping its message keys to be said again in another language."""
    template, args = message
    hint, hint_args = suggestion if suggestion is not None else (None, ())
    return Finding(code, render(DEFAULT, template, args), path, line, column, item=item,
                   framework=framework,
                   suggestion=render(DEFAULT, hint, hint_args) if hint is not None else None,
                   fix=fix, severity=severity or _default_severity(code), key=key,
                   template=template, args=args, hint=hint, hint_args=hint_args)


_DEFAULT_SEVERITY: dict[str, Severity] = {}


def _default_severity(code: str) -> Severity:
    """The check's default severity, so the engine need not replace most findings later."""
    if not _DEFAULT_SEVERITY:
        from roadmap_check.registry import CHECKS  # the registry imports this module

        _DEFAULT_SEVERITY.update({c: info.severity for c, info in CHECKS.items()})
    return _DEFAULT_SEVERITY.get(code, Severity.ERROR)
