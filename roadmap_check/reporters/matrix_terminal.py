"""The coverage matrix in the terminal: frameworks by items, or by sections when wide.

Plain text without colour (stable for scripts and tests), a rich Table with it. Columns are
items while they fit the width; then one column per section (its best state); then the first
sections that fit, with a note of how many were left out. Each matrix is said in its file's
language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from roadmap_check.i18n import percent, plural, t
from roadmap_check.matrix import (
    CITED,
    MEANING,
    NONE,
    PROVISION,
    SYMBOL,
    TOUCHED,
    Matrix,
    Row,
    build,
    sections,
)
from roadmap_check.report import Report
from roadmap_check.reporters.wrapping import hang
from roadmap_check.safe_text import line as one_line

_STYLE = {PROVISION: "bold green", CITED: "green", TOUCHED: "yellow", NONE: "dim"}
DEFAULT_WIDTH = 100
_MAX_HEADER = 8
_MAX_LABEL = 44
_SHARE = 6  # " 100 %" (Russian writes a space before the sign)


@dataclass(frozen=True)
class _View:
    headers: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]     # per row, per shown column
    notes: tuple[str, ...]                 # under the table: key of sections, what was left out


def _cut(text: str, width: int) -> str:
    """One line of at most ``width`` characters, control characters shown as escapes, never
    a workflow command."""
    text = one_line(text)
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


def _label(row: Row) -> str:
    mark = "✓" if row.covered else "✗"
    return _cut(f"{mark} {'  ' if row.group else ''}{row.framework}", _MAX_LABEL)


def _fits(label: int, headers: tuple[str, ...], width: int) -> bool:
    """Each column is as wide as its header, plus one space."""
    return label + sum(len(h) + 1 for h in headers) + _SHARE <= width


def _view(matrix: Matrix, label: int, width: int) -> _View:
    items = tuple(_cut(c.id, _MAX_HEADER) for c in matrix.columns)
    if _fits(label, items, width):
        return _View(items, tuple(row.cells for row in matrix.rows), ())
    found = sections(matrix)
    named = all(len(s.name) <= _MAX_HEADER for s in found)
    headers = tuple(_cut(s.name, _MAX_HEADER) if named else str(n) for n, s in enumerate(found, 1))
    shown = len(headers)
    while shown > 1 and not _fits(label, headers[:shown], width):
        shown -= 1
    lang = matrix.lang
    notes = hang("", t(lang, "matrix.by_section",
                       sections=plural(lang, "plural.section", len(found)),
                       items=plural(lang, "plural.item", len(matrix.columns))), width, 2)
    if not named:
        for n, s in enumerate(found[:shown], 1):
            notes += hang(f"{n:>3} ", f"{one_line(s.name)} "
                          f"({plural(lang, 'plural.item', len(s.columns))})", width, 4)
    if shown < len(found):
        notes += hang("", t(lang, "matrix.more_sections",
                            sections=plural(lang, "plural.more_section", len(found) - shown)),
                      width, 2)
    cells = tuple(tuple(s.cells[r] for s in found[:shown]) for r in range(len(matrix.rows)))
    return _View(headers[:shown], cells, tuple(notes))


def _legend(lang: str, width: int) -> list[str]:
    lines: list[str] = []
    for part in (f"{SYMBOL[s]} {t(lang, MEANING[s])}" for s in (PROVISION, CITED, TOUCHED, NONE)):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += "   " + part
        else:
            lines += hang("", part, width, 2)
    return lines


def _short(row: Row, room: int) -> str:
    """The row's short title (else its title) in at most ``room`` columns, cut after a whole
    word; "" when not even a word fits."""
    title = one_line(row.short or row.title)
    if len(title) <= room:
        return title
    words = title[:max(room - 1, 0) + 1].split(" ")[:-1]  # the whole words that fit
    while words and len(words[-1].strip(",;:–-")) <= 2:  # not ending on "of", "о", "–"
        words.pop()
    return " ".join(words).rstrip(",;:") + "…" if words else ""


def _group_line(matrix: Matrix, group: str, short: bool = False) -> str:
    need = next(q for q in matrix.requirements if q.id == group)
    mark = "✓" if need.covered else "✗"
    counts = t(matrix.lang, "matrix.group_short" if short else "matrix.group",
               cited=len(need.covered_by), members=len(need.members), at_least=need.at_least)
    title = f" ({need.title})" if need.title and not short else ""
    return f"{mark} {group}{title}: {counts}"


def _lines(matrix: Matrix, width: int) -> tuple[list[str], _View, int]:
    """The heading lines, the view and the width of the label column."""
    label = min(max((len(_label(r)) for r in matrix.rows), default=10) + 1, _MAX_LABEL + 1)
    suffix = t(matrix.lang, "matrix.title",
               ruleset=matrix.ruleset or t(matrix.lang, "matrix.no_ruleset"))
    head = hang("", one_line(matrix.path) + suffix, width, 2)
    return head + _legend(matrix.lang, width), _view(matrix, label, width), label


def _footer(matrix: Matrix, view: _View, width: int) -> list[str]:
    lang = matrix.lang
    total = f"{t(lang, 'matrix.coverage')}: " \
        f"{t(lang, 'matrix.of', covered=matrix.covered, required=matrix.required)} " \
        f"({percent(matrix.share)[lang]})"
    return [*view.notes, *hang("", total, width, 2)]


def _plain(matrix: Matrix, width: int) -> list[str]:
    head, view, label = _lines(matrix, width)
    out = [*head, ""]
    out.append(" " * label + "".join(h + " " for h in view.headers)
               + t(matrix.lang, "matrix.share"))
    group: str | None = None
    for row, cells in zip(matrix.rows, view.cells, strict=True):
        if row.group and row.group != group:
            out += hang("", _group_line(matrix, row.group), width, 4)
        group = row.group
        symbols = "".join(SYMBOL[c].rjust(len(h)) + " " for c, h in zip(cells, view.headers, strict=True))
        cells_text = _label(row).ljust(label) + symbols \
            + percent(row.share)[matrix.lang].rjust(_SHARE - 1)
        title = _short(row, width - len(cells_text) - 2)
        out.append(cells_text + (f"  {title}" if title else ""))
    return [*out, *_footer(matrix, view, width)]


def _rich(matrix: Matrix, width: int) -> str:
    import io

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    head, view, label = _lines(matrix, width)
    table = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, pad_edge=False,
                  header_style="bold")
    table.add_column("", min_width=label - 1, max_width=label - 1, no_wrap=True,
                     overflow="ellipsis")
    for header in view.headers:
        table.add_column(escape(header), justify="right", width=len(header), no_wrap=True)
    table.add_column(escape(t(matrix.lang, "matrix.share")), justify="right", width=_SHARE,
                     no_wrap=True)
    room = width - label - sum(len(h) + 1 for h in view.headers) - _SHARE - 2
    if room > 0:
        table.add_column("", no_wrap=True, max_width=room)
    group: str | None = None
    for row, cells in zip(matrix.rows, view.cells, strict=True):
        if row.group and row.group != group:
            table.add_row(f"[bold]{escape(_group_line(matrix, row.group, short=True))}[/bold]")
        group = row.group
        name = escape(_label(row))
        table.add_row(f"[green]{name}[/green]" if row.covered else f"[red]{name}[/red]",
                      *(f"[{_STYLE[c]}]{SYMBOL[c]}[/{_STYLE[c]}]" for c in cells),
                      percent(row.share)[matrix.lang], *([f"[dim]{escape(_short(row, room))}[/dim]"]
                                             if room > 0 else []))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, highlight=False)
    for line in head:
        console.print(escape(line), soft_wrap=True)
    console.print()
    console.print(table)
    for line in _footer(matrix, view, width):
        console.print(escape(line), soft_wrap=True)
    return buffer.getvalue()


def render(report: Report, color: bool, width: int | None = None) -> Iterator[str]:
    """One matrix per file that has a road map, as wide as the terminal (or ``width``)."""
    from roadmap_check.reporters import terminal_width

    width = max(width or terminal_width(DEFAULT_WIDTH), 40)
    for number, file in enumerate(report.files):
        matrix = build(file)
        gap = "\n" if number else ""
        if not matrix.columns and not matrix.rows:
            yield gap + t(file.lang, "matrix.none", path=_cut(file.path, width - 20)) + "\n"
        elif color:
            yield gap + _rich(matrix, width)
        else:
            yield gap + "\n".join(_plain(matrix, width)) + "\n"
