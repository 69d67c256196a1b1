"""Reading a .docx: the paragraphs before its tables and the tables as grids of cell texts.

``word/document.xml`` is streamed through expat (``container.Package.parse``): no tree is
built, so memory grows with the text kept, not with the markup. A cell's text is its
paragraphs joined by line breaks (a manual line break is one too); deleted text of tracked
changes, field codes and text boxes are left out. A horizontally merged cell (``gridSpan``)
covers several grid columns; a vertically merged one (``vMerge``) gives its text to the rows
it spans below. Tables nested in a cell are part of that cell's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmap_check.office.container import Package
from roadmap_check.office.tables import MAX_CELLS, Cell, Grid, Row, too_many_cells

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main "
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006 "
DC = "http://purl.org/dc/elements/1.1/ "
_TEXT = {W + "t"}
_BREAKS = {W + "br": "\n", W + "cr": "\n", W + "tab": "\t", W + "noBreakHyphen": "-"}
_SKIPPED = {W + "delText", W + "instrText", W + "txbxContent", MC + "Fallback",
            W + "delInstrText"}
TITLE_STYLES = ("title", "heading1", "heading 1", "заголовок", "a3")


@dataclass
class Paragraph:
    text: str
    style: str = ""


@dataclass
class Scanned:
    """What a .docx holds for a road map: the paragraphs before the first table, the tables,
    and the title of its properties."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    title: str = ""


class _Scanner:
    def __init__(self) -> None:
        self.out = Scanned()
        self.depth = 0             # tables open
        self.skip = 0              # inside an element whose text is left out
        self.text: list[str] = []  # the text of the paragraph being read
        self.style = ""
        self.cell: list[str] | None = None   # paragraphs of the top-level cell being read
        self.row: Row | None = None
        self.grid: Grid | None = None
        self.column = 1
        self.span = 1
        self.vmerge: str | None = None
        self.in_text = False
        self.before = True         # no table seen yet
        self.cells = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.skip or name in _SKIPPED:
            self.skip += 1
            return
        if name in _TEXT:
            self.in_text = True
        elif name in _BREAKS:
            self.text.append(_BREAKS[name])
        elif name == W + "p":
            self.text = []
            self.style = ""
        elif name == W + "pStyle":
            self.style = attrs.get(W + "val", "")
        elif name == W + "tbl":
            self.depth += 1
            if self.depth == 1:
                self.before = False
                self.grid = Grid(len(self.out.grids) + 1, [])
                self.out.grids.append(self.grid)
        elif self.depth == 1:
            self._table(name, attrs)

    def _table(self, name: str, attrs: dict[str, str]) -> None:
        if name == W + "tr":
            assert self.grid is not None
            self.row = Row(len(self.grid.rows) + 1, [])
            self.column = 1
        elif name == W + "gridBefore":
            self.column += _int(attrs.get(W + "val"))
        elif name == W + "tc":
            self.cell, self.span, self.vmerge = [], 1, None
        elif name == W + "gridSpan":
            self.span = _int(attrs.get(W + "val"))
        elif name == W + "vMerge":
            self.vmerge = attrs.get(W + "val", "continue")

    def end(self, name: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if name in _TEXT:
            self.in_text = False
        elif name == W + "p":
            text = "".join(self.text).strip()
            if self.cell is not None:
                self.cell.append(text)
            elif self.before:
                self.out.paragraphs.append(Paragraph(text, self.style))
            self.text = []
        elif name == W + "tbl":
            self.depth -= 1
        elif self.depth == 1 and name == W + "tc" and self.row is not None:
            text = "\n".join(self.cell or []).strip()
            self.row.cells.append(Cell(self.column, self.span, text,
                                       merged=self.vmerge == "continue"))
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise too_many_cells()
            self.column += self.span
            self.cell = None
        elif self.depth == 1 and name == W + "tr" and self.grid is not None and self.row:
            self.grid.rows.append(self.row)
            self.row = None

    def chars(self, data: str) -> None:
        if self.in_text and not self.skip:
            self.text.append(data)


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), 1000))
    except ValueError:
        return 1


def scan(package: Package) -> Scanned:
    scanner = _Scanner()
    package.parse("word/document.xml", scanner.start, scanner.end, scanner.chars)
    scanner.out.title = _core_title(package)
    return scanner.out


def _core_title(package: Package) -> str:
    """The title of the document's properties (File > Properties), if it has one."""
    if not package.has("docProps/core.xml"):
        return ""
    found: list[str] = []
    inside = [False]

    def start(name: str, _: dict[str, str]) -> None:
        inside[0] = name == DC + "title"

    def end(_: str) -> None:
        inside[0] = False

    def chars(data: str) -> None:
        if inside[0]:
            found.append(data)

    package.parse("docProps/core.xml", start, end, chars)
    return "".join(found).strip()
