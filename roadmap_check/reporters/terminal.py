"""The terminal report: findings grouped by file and item, then a summary.

The text is built once and written in one call; colour (rich) only on a terminal without
NO_COLOR, and the plain text is stable for scripts and tests. Each file is said in its language,
the summary in the report's.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from roadmap_check.findings import Finding, Severity
from roadmap_check.i18n import plural, t
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.safe_text import line, printable

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABELS = ("error", "warning", "info", "waived")


def _escape(text: str, color: bool) -> str:
    """Text that may hold the road map's: control characters shown, markup not read."""
    text = printable(text)
    if not color:
        return text
    from rich.markup import escape

    return escape(text)


def _style(text: str, style: str, color: bool) -> str:
    return f"[{style}]{text}[/{style}]" if color else text


def _finding(finding: Finding, lang: str, color: bool) -> list[str]:
    where = f"{finding.line}:{finding.column}".rjust(8)
    width = max(len(t(lang, f"term.label.{name}")) for name in _LABELS)
    label = t(lang, f"term.label.{'waived' if finding.suppressed else finding.severity.label}")
    label = _style(label.ljust(width), "dim" if finding.suppressed else _STYLE[finding.severity],
                   color)
    name = CHECKS[finding.code].name
    code = _style(f"{finding.code} {name}", "bold" if not finding.suppressed else "dim", color)
    lines = [f"  {where}  {label}  {code}  {_escape(finding.message, color)}"]
    pad = " " * (14 + width)
    if finding.suppressed:
        lines.append(f"{pad}{t(lang, 'term.waived')} {_escape(finding.suppression or '', color)}")
    elif finding.suggestion:
        fixable = t(lang, "term.fixable") if finding.fix else ""
        lines.append(f"{pad}{_style(t(lang, 'term.hint'), 'green', color)} "
                     f"{_escape(finding.suggestion, color)}{fixable}")
    return lines


def render(report: Report, color: bool) -> Iterator[str]:
    lines: list[str] = []
    for file in sorted(report.files, key=lambda f: f.path):
        if not file.findings:
            continue
        lines.append(_style(_escape(line(file.path), color), "bold underline", color))
        ordered = sorted(file.findings, key=lambda f: (f.item is not None, f.sort_key()))
        for item, group in groupby(ordered, key=lambda f: f.item):
            heading = t(file.lang, "term.item", id=item) if item is not None else \
                t(file.lang, "term.document")
            lines.append(" " + _style(_escape(heading, color), "bold", color))
            for finding in sorted(group, key=Finding.sort_key):
                lines.extend(_finding(finding, file.lang, color))
        lines.append("")
    lines.extend(_summary(report, color))
    text = "\n".join(lines) + "\n"
    yield to_ansi(text) if color else text


def _summary(report: Report, color: bool) -> list[str]:
    lang = report.language
    errors, warnings, info = (report.count(s) for s in
                              (Severity.ERROR, Severity.WARNING, Severity.INFO))
    parts = [_style(plural(lang, "plural.error", errors),
                    _STYLE[Severity.ERROR] if errors else "green", color),
             _style(plural(lang, "plural.warning", warnings),
                    _STYLE[Severity.WARNING] if warnings else "green", color),
             plural(lang, "plural.info", info)]
    if report.suppressed:
        parts.append(t(lang, "term.waived_count", count=report.suppressed))
    line = t(lang, "term.summary", counts=", ".join(parts),
             files=plural(lang, "plural.file_in", len(report.files)))
    if report.fixable:
        line += t(lang, "term.fixable_count", count=report.fixable)
    out = [line]
    covered, required = report.coverage()
    if required:
        share = covered / required
        text = t(lang, "term.coverage", covered=covered, required=required, share=f"{share:.0%}")
        missing = [n.id if n.kind != "group" else
                   t(lang, "term.any_of", id=n.id, members=", ".join(n.members))
                   for n in report.needs if not n.covered]
        if missing:
            text += t(lang, "term.uncovered", ids=", ".join(sorted(set(missing))))
        out.append(_style(_escape(text, color), "green" if covered == required else "yellow",
                          color))
    return out


def to_ansi(markup: str) -> str:
    """Rich markup rendered to terminal escape codes, in one pass."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, force_terminal=True, highlight=False, soft_wrap=True).print(markup, end="")
    return buffer.getvalue()
