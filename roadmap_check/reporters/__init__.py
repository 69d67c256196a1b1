"""Output formats. Only this package knows them; each reporter renders the whole Report.

A reporter yields the text in chunks, so a large report is written as it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from roadmap_check.report import Report

Reporter = Callable[[Report, bool], Iterable[str]]


def _terminal(report: Report, color: bool) -> Iterable[str]:
    from roadmap_check.reporters.terminal import render

    return render(report, color)


def _json(report: Report, color: bool) -> Iterable[str]:
    from roadmap_check.reporters.json import render

    return render(report)


def _lazy(module: str) -> Reporter:
    """A reporter whose module (and its imports) load only when the format is used."""

    def render(report: Report, color: bool) -> Iterable[str]:
        from importlib import import_module

        renderer: Callable[[Report], Iterable[str]] = import_module(
            f"roadmap_check.reporters.{module}").render
        return renderer(report)

    return render


REPORTERS: dict[str, Reporter] = {
    "terminal": _terminal,
    "json": _json,
    "sarif": _lazy("sarif"),
    "github": _lazy("github"),
    "junit": _lazy("junit"),
    "gitlab": _lazy("gitlab"),
    "html": _lazy("html"),
    "markdown": _lazy("markdown"),
}
