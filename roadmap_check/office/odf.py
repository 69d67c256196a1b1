"""Reading an OpenDocument road map (.odt, .ods): its tables as grids, the text before them.

``content.xml`` is streamed through expat like Word's body: a cell's text is its paragraphs
joined by line breaks (``text:line-break`` is one, ``text:s`` spaces, ``text:tab`` a tab); a
cell spanning columns (``number-columns-spanned``) covers them, one spanning rows gives its
text to the rows below (their ``covered-table-cell``); repeated rows and cells
(``number-rows-repeated``, ``number-columns-repeated``) are read once each up to a bound, so
that a sheet's empty million rows cost nothing. A date cell (``office:date-value``) is read as
its date. In a text document, the paragraphs and headings before the first table come too.
"""

from __future__ import annotations

from roadmap_check.office.container import Package
from roadmap_check.office.docx import Paragraph, Scanned
from roadmap_check.office.tables import MAX_CELLS, Cell, Grid, Row, too_many_cells

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0 "
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
MAX_REPEAT = 1000   # repeated rows or cells read at most this many times (the rest are empty)
_SKIPPED = {OFFICE + "annotation", TEXT + "note", TEXT + "tracked-changes"}


class _Scanner:
    def __init__(self, spreadsheet: bool) -> None:
        self.out = Scanned()
        self.spreadsheet = spreadsheet
        self.depth = 0
        self.skip = 0
        self.text: list[str] = []
        self.paragraphs: list[str] | None = None   # of the top-level cell being read
        self.grid: Grid | None = None
        self.row: Row | None = None
        self.row_repeat = 1        # how many times the row being read is written
        self.row_number = 0        # the row as the table counts it, repeats included
        self.column = 1
        self.cell: tuple[int, int, str | None] = (1, 1, None)  # span, repeat, date value
        self.covered = False
        self.rows_below: dict[int, int] = {}   # column -> rows a cell above still spans
        self.in_paragraph = 0
        self.style = ""
        self.before = True
        self.cells = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.skip or name in _SKIPPED:
            self.skip += 1
            return
        if name in (TEXT + "p", TEXT + "h"):
            self.in_paragraph += 1
            if self.in_paragraph == 1:
                self.text = []
                self.style = "title" if name == TEXT + "h" and \
                    attrs.get(TEXT + "outline-level", "1") == "1" else \
                    attrs.get(TEXT + "style-name", "")
        elif name == TEXT + "line-break":
            self.text.append("\n")
        elif name == TEXT + "tab":
            self.text.append("\t")
        elif name == TEXT + "s":
            self.text.append(" " * min(_number(attrs.get(TEXT + "c")), 100))
        elif name == TABLE + "table":
            self.depth += 1
            if self.depth == 1:
                self.before = False
                self.grid = Grid(len(self.out.grids) + 1, [],
                                 attrs.get(TABLE + "name") if self.spreadsheet else None)
                self.out.grids.append(self.grid)
                self.rows_below = {}
                self.row_number = 0
        elif self.depth == 1:
            self._table(name, attrs)

    def _table(self, name: str, attrs: dict[str, str]) -> None:
        if name == TABLE + "table-row":
            self.row = Row(self.row_number + 1, [])
            self.row_repeat = _number(attrs.get(TABLE + "number-rows-repeated"))
            self.column = 1
        elif name in (TABLE + "table-cell", TABLE + "covered-table-cell"):
            self.paragraphs = []
            self.covered = name == TABLE + "covered-table-cell"
            self.cell = (_number(attrs.get(TABLE + "number-columns-spanned")),
                         min(_number(attrs.get(TABLE + "number-columns-repeated")), MAX_REPEAT),
                         attrs.get(OFFICE + "date-value"))
            rows = _number(attrs.get(TABLE + "number-rows-spanned"))
            if rows > 1 and not self.covered:
                self.rows_below[self.column] = rows - 1

    def end(self, name: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if name in (TEXT + "p", TEXT + "h"):
            self.in_paragraph -= 1
            if self.in_paragraph:
                return
            text = "".join(self.text).strip()
            if self.paragraphs is not None:
                self.paragraphs.append(text)
            elif self.before and not self.spreadsheet:
                self.out.paragraphs.append(Paragraph(text, self.style))
        elif name == TABLE + "table":
            self.depth -= 1
        elif self.depth == 1 and name in (TABLE + "table-cell", TABLE + "covered-table-cell"):
            self._cell()
        elif self.depth == 1 and name == TABLE + "table-row" and self.row is not None:
            assert self.grid is not None
            written = self.row_repeat if any(c.text for c in self.row.cells) else 1
            for copy in range(min(written, MAX_REPEAT)):  # empty rows repeated: one is enough
                self.grid.rows.append(self.row if not copy else Row(
                    self.row_number + copy + 1, [Cell(c.column, c.span, c.text, c.merged)
                                                 for c in self.row.cells]))
            self.row_number += self.row_repeat
            self.row = None

    def _cell(self) -> None:
        span, repeat, date = self.cell
        text = date[:10] if date else "\n".join(self.paragraphs or []).strip()
        assert self.row is not None
        for _ in range(repeat):
            if self.covered:
                below = self.rows_below.get(self.column, 0)
                if below:  # continues a cell spanning rows from above
                    self.rows_below[self.column] = below - 1
                    self._add(Cell(self.column, 1, "", merged=True))
                # else: covered by a cell spanning columns to its left
            else:
                self._add(Cell(self.column, span, text))
                for col in range(self.column + 1, self.column + span):
                    self.rows_below.pop(col, None)
            self.column += 1
            if not text and not self.covered:
                self.column += repeat - 1
                break
        self.paragraphs = None

    def _add(self, cell: Cell) -> None:
        assert self.row is not None
        self.row.cells.append(cell)
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise too_many_cells()

    def chars(self, data: str) -> None:
        if self.in_paragraph and not self.skip:
            self.text.append(data)


def _number(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def scan(package: Package) -> Scanned:
    scanner = _Scanner(package.kind == "ods")
    package.parse("content.xml", scanner.start, scanner.end, scanner.chars)
    return scanner.out
