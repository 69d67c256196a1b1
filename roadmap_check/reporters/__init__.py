"""Output formats. Only this package knows them; each reporter renders a whole result.

A reporter yields its text in chunks, so a large report is written as it is made. Messages
are said here, late, in each file's language (``i18n.say``), and only for what is shown.
The formats of each command are registered here, by name; the CLI looks them up and never
branches on a format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any, NamedTuple

from roadmap_check.findings import Finding
from roadmap_check.i18n import say, t
from roadmap_check.report import FileReport, Place

Render = Callable[[Any, bool], Iterable[str]]


def _lazy(module: str, function: str = "render", color: bool = False) -> Render:
    """A renderer whose module (and its imports) load only when the format is used."""

    def render(result: Any, colour: bool) -> Iterable[str]:
        found: Callable[..., Iterable[str]] = getattr(
            import_module(f"roadmap_check.reporters.{module}"), function)
        return found(result, colour) if color else found(result)

    return render


# command -> format -> renderer
FORMATS: dict[str, dict[str, Render]] = {
    "check": {
        "terminal": _lazy("terminal", color=True),
        "json": _lazy("json"),
        "sarif": _lazy("sarif"),
        "github": _lazy("github"),
        "junit": _lazy("junit"),
        "junit-xunit1": _lazy("junit", "with_lines"),
        "gitlab": _lazy("gitlab"),
        "html": _lazy("html"),
        "markdown": _lazy("markdown"),
        "concise": _lazy("concise"),
    },
    "coverage": {
        "terminal": _lazy("matrix_terminal", color=True),
        "json": _lazy("coverage_json"),
    },
    "diff": {
        "terminal": _lazy("diffs", "terminal"),
        "json": _lazy("diffs", "as_json"),
        "markdown": _lazy("diffs", "markdown"),
    },
    "frameworks": {
        "terminal": _lazy("frameworks", "terminal", color=True),
        "json": _lazy("frameworks", "as_json"),
    },
}
REPORTERS = FORMATS["check"]
# The format of ``-o FILE`` when --format is not given, by the file's extension.
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
              ".json": "json", ".sarif": "sarif", ".xml": "junit", ".txt": "terminal"}


class Said(NamedTuple):
    """A finding's texts in one language."""

    message: str
    hint: str | None
    waived: str | None


def terminal_width(default: int) -> int:
    """The width of the terminal the report goes to (COLUMNS overrides); ``default`` when
    standard output is not a terminal."""
    import os
    import shutil
    import sys

    if os.environ.get("COLUMNS", "").isdigit() or sys.stdout.isatty():
        return shutil.get_terminal_size((default, 24)).columns
    return default


def place_words(place: Place, lang: str) -> str:
    """Where a value of a Word or Excel road map is, in words: "table 1, row 7, «Основание»"."""
    if place.sheet is not None:
        key = "office.where.sheet_cell" if place.column else "office.where.sheet_row"
        return t(lang, key, sheet=place.sheet, ref=place.ref or "", column=place.column)
    if place.table:
        key = "office.where.cell" if place.column else "office.where.row"
        return t(lang, key, table=place.table, row=place.row, column=place.column)
    return t(lang, "office.where.paragraph", paragraph=place.paragraph)


def where(file: FileReport, finding: Finding, lang: str) -> str | None:
    """A finding's cell in a Word or Excel road map, in words; None in a YAML one."""
    place = file.place(finding)
    return place_words(place, lang) if place is not None else None


def said(finding: Finding, lang: str) -> Said:
    hint, waived = finding.hint, finding.suppression
    return Said(say(lang, finding.message), say(lang, hint) if hint is not None else None,
                say(lang, waived.reason) if waived is not None else None)


def fixable_key(finding: Finding) -> str | None:
    """The catalogue key of a finding's "(fixable)" label: its fix safe or unsafe, or none."""
    fix = finding.fix
    return None if fix is None else "term.fixable" if fix.safe else "term.fixable_unsafe"
