"""Output formats. Only this package knows them; each reporter renders the whole Report."""

from __future__ import annotations

from collections.abc import Callable

from roadmap_check.report import Report

Reporter = Callable[[Report, bool], str]


def _terminal(report: Report, color: bool) -> str:
    from roadmap_check.reporters.terminal import render

    return render(report, color)


def _json(report: Report, color: bool) -> str:
    from roadmap_check.reporters.json import render

    return render(report)


REPORTERS: dict[str, Reporter] = {"terminal": _terminal, "json": _json}
