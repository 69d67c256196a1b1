"""The terminal report: findings grouped by file and item, then a summary.

Written a group of findings at a time; colour (rich) only on a terminal without NO_COLOR, and
the plain text is stable for scripts and tests. Each file is said in its language, the summary
in the report's. Findings waived by the baseline are counted, not listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from roadmap_check.findings import Finding
from roadmap_check.i18n import percent, plural, t
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.reporters import said, where
from roadmap_check.reporters.wrapping import hang
from roadmap_check.safe_text import line, printable
from roadmap_check.severity import Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABELS = ("error", "warning", "info", "waived")


class _Labels:
    """The per-language labels, worked out once per run."""

    def __init__(self, lang: str, color: bool, width: int = 0) -> None:
        self.width = max(len(t(lang, f"term.label.{name}")) for name in _LABELS)
        self.label = {name: t(lang, f"term.label.{name}").ljust(self.width) for name in _LABELS}
        self.hint, self.waived = t(lang, "term.hint"), t(lang, "term.waived")
        self.fixable = t(lang, "term.fixable")
        self.fixable_unsafe = t(lang, "term.fixable_unsafe")
        self.pad = " " * (14 + self.width)
        self.color = color
        self.columns = width  # the terminal's; 0: lines are not wrapped


def _escape(text: str, color: bool) -> str:
    """Text that may hold the road map's: control characters shown, markup not read."""
    text = printable(text)
    if not color:
        return text
    from rich.markup import escape

    return escape(text)


def _style(text: str, style: str, color: bool) -> str:
    return f"[{style}]{text}[/{style}]" if color else text


def _wrapped(head: str, styled: str, text: str, indent: int, labels: _Labels) -> list[str]:
    """``head`` (plain; ``styled`` is it with markup) then ``text``, one line or wrapped to
    the terminal's width between words, the lines after the first indented by ``indent``."""
    lines = hang(head, printable(text), labels.columns, indent)
    if not labels.color:
        return lines
    from rich.markup import escape

    return [styled + escape(lines[0][len(head):]), *map(escape, lines[1:])]


def _finding(finding: Finding, lang: str, labels: _Labels, cell: str | None = None) -> list[str]:
    color = labels.color
    plain = where = f"{finding.line}:{finding.column}".rjust(8)
    pad = labels.pad
    if cell is not None:  # a Word or Excel cell: the next lines start under the code
        plain, where = "  " + printable(cell), "  " + _escape(cell, color)
        pad = " " * (6 + len(plain) + labels.width)
    waived = finding.suppression is not None
    label = labels.label["waived" if waived else finding.severity.label]
    code = f"{finding.code} {CHECKS[finding.code].name}"
    head = f"  {plain}  {label}  {code}  "
    styled = f"  {where}  " + _style(label, "dim" if waived else _STYLE[finding.severity], color) \
        + "  " + _style(code, "dim" if waived else "bold", color) + "  "
    # continuation lines hang under the code and message, where the hint starts: the same
    # column for every finding of the file, however long its check's name
    text = said(finding, lang)
    lines = _wrapped(head, styled, text.message, len(pad), labels)
    if waived:
        tag = labels.waived
        lines += _wrapped(f"{pad}{tag} ", f"{pad}{tag} ", text.waived or "",
                          len(pad) + len(tag) + 1, labels)
    elif text.hint:
        fixable = "" if finding.fix is None else labels.fixable if finding.fix.safe else \
            labels.fixable_unsafe
        tag = labels.hint
        lines += _wrapped(f"{pad}{tag} ", f"{pad}{_style(tag, 'green', color)} ",
                          text.hint + fixable, len(pad) + len(tag) + 1, labels)
    return lines


def render(report: Report, color: bool) -> Iterator[str]:
    from roadmap_check.reporters import terminal_width

    if report.statistics:
        yield _out("\n".join([*_statistics(report, color), "",
                              *_summary(report, color, terminal_width(0))]) + "\n", color)
        return
    columns = terminal_width(0)
    labels: dict[str, _Labels] = {}
    for file in report.files:
        shown = [f for f in file.findings
                 if f.suppression is None or f.suppression.kind != "baseline"]
        if not shown:
            continue
        lang = file.lang
        said_in = labels.get(lang) or labels.setdefault(lang, _Labels(lang, color, columns))
        yield _out(_style(_escape(line(file.path), color), "bold underline", color) + "\n",
                   color)
        ordered = sorted(shown, key=lambda f: (f.item is not None, f.sort_key()))
        for item, group in groupby(ordered, key=lambda f: f.item):
            heading = t(lang, "term.item", id=item) if item is not None else \
                t(lang, "term.document")
            lines = [" " + _style(_escape(heading, color), "bold", color)]
            for finding in sorted(group, key=Finding.sort_key):
                lines.extend(_finding(finding, lang, said_in, where(file, finding, lang)))
            yield _out("\n".join(lines) + "\n", color)
        yield "\n"
    yield _out("\n".join(_summary(report, color, columns)) + "\n", color)


def _statistics(report: Report, color: bool) -> list[str]:
    """--statistics: the unsuppressed findings counted per check, as ruff counts them."""
    lang = report.language
    rows = [(str(count), code, CHECKS[code].name, str(fixable))
            for code, count, fixable in report.per_code()]
    head = (t(lang, "term.stats.count"), "", t(lang, "term.stats.check"),
            t(lang, "term.stats.fixable"))
    widths = [max(len(row[n]) for row in [head, *rows]) for n in range(4)]
    out = [_style(f"{head[0]:>{widths[0]}}  {head[2]:<{widths[1] + 1 + widths[2]}}  {head[3]}",
                  "bold", color)]
    out.extend(f"{count:>{widths[0]}}  {code} {name:<{widths[2]}}  {fixable:>{len(head[3])}}"
               for count, code, name, fixable in rows)
    return out


def _out(text: str, color: bool) -> str:
    return to_ansi(text) if color else text


def _count(lang: str, level: str, n: int) -> str:
    """The findings of a level counted ("3 errors"), or, when there is none, said as the
    language says it ("0 errors", «ошибок нет»)."""
    return plural(lang, f"plural.{level}", n) if n else t(lang, f"term.none.{level}")


def _summary(report: Report, color: bool, columns: int = 0) -> list[str]:
    """The counts and the coverage; a line longer than the terminal wraps between words
    (uncoloured then: the colours mark parts of one line)."""
    if columns:
        plain = _summary(report, False)
        if any(len(line) > columns for line in plain):
            return [_escape(wrapped, color) for line in plain
                    for wrapped in hang("", line, columns, 2)]
    lang = report.language
    errors, warnings, info = (report.count(s) for s in
                              (Severity.ERROR, Severity.WARNING, Severity.INFO))
    parts = [_style(_count(lang, "error", errors),
                    _STYLE[Severity.ERROR] if errors else "green", color),
             _style(_count(lang, "warning", warnings),
                    _STYLE[Severity.WARNING] if warnings else "green", color),
             _count(lang, "info", info)] if errors or warnings or info else \
        [_style(t(lang, "term.none"), "green", color)]
    if report.suppressed:
        parts.append(t(lang, "term.waived_count", count=report.suppressed))
    if report.baselined:
        parts.append(t(lang, "term.baselined_count", count=report.baselined))
    line = t(lang, "term.summary" if errors or warnings or info else "term.summary_none",
             counts=", ".join(parts), files=plural(lang, "plural.file_in", len(report.files)))
    fixable, unsafe = report.fixable, report.unsafe_fixable
    if fixable:
        line += t(lang, "term.fixable_count", count=fixable)
        if unsafe:
            line += t(lang, "term.unsafe_count", count=unsafe)
    elif unsafe:
        line += t(lang, "term.unsafe_only_count", count=unsafe)
    out = [line]
    covered, required = report.coverage()
    if required:
        share = covered / required
        text = t(lang, "term.coverage", covered=covered, required=required, share=percent(share)[lang])
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
