"""A road-map table (Word or Excel) -> the items of the model, each value at its cell.

The readers (``docx``, ``xlsx``) give grids of cell texts; this module, shared by both, finds
the header row of each table by its texts (``vocab``: Russian and English with the common
variants, or the columns named by ``--column``), skips a row that only numbers the columns
(1, 2, 3, ...), reads a row whose one cell spans the table as a section heading, and every
other row with text as an item. A cell with several values (citations, parties, indicators)
splits on line breaks and semicolons (parties and dependencies on commas too); a vertically
merged cell gives its value to every row it spans.

Every value gets a position of its own: ``line``, a number for the row (counted over the
document, paragraphs before the table first), ``column``, the column's number. ``places`` maps
each position back to the table, the row and the column's header, for the reporters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roadmap_check.findings import Finding
from roadmap_check.i18n import Local, local, msg, number
from roadmap_check.langs import LANGS
from roadmap_check.model import Citation, Item, Text, Waiver
from roadmap_check.office.container import OfficeError
from roadmap_check.office.vocab import IGNORE, ITEM_FIELDS, Vocabulary
from roadmap_check.report import Place
from roadmap_check.roadmap_format import RM003, RM004

PROVISION_MARK = ", § "  # a citation's provision given apart (a YAML mapping citation)
MAX_HEADER_ROWS = 12  # a header row is looked for among the first rows of a table
_SPLIT = {"cites": re.compile(r"[\n;]+"), "indicators": re.compile(r"[\n;]+"),
          "responsible": re.compile(r"[\n;,]+"), "participants": re.compile(r"[\n;,]+"),
          "depends_on": re.compile(r"[\n;,\s]+"), "waivers": re.compile(r"\n+")}
_BULLET = re.compile(r"^(?:[-–—•·*▪]|\d{1,2}\))\s+")
_LISTS = ("responsible", "participants", "indicators", "depends_on")


MAX_CELLS = 200_000  # cells of one document (a 10,000-row road map of 12 columns: 120,000)


def too_many_cells() -> OfficeError:
    return OfficeError("office.too_many_cells", limit=number(MAX_CELLS))


@dataclass(slots=True)
class Cell:
    column: int          # the first grid column it covers, 1-based
    span: int            # how many grid columns it covers
    text: str
    merged: bool = False  # continues a vertically merged cell of the row above


@dataclass(slots=True)
class Row:
    number: int          # as the document counts it (Word: in its table; Excel: in its sheet)
    cells: list[Cell]


@dataclass
class Grid:
    number: int          # the table's number in the document (Word), the sheet's (Excel)
    rows: list[Row]
    sheet: str | None = None


@dataclass
class Column:
    col: int
    header: str
    field: str | None    # None: not recognised


@dataclass
class Table:
    """A grid whose header row was found."""

    grid: Grid
    header: int          # index of the header row in grid.rows
    columns: list[Column]

    @property
    def width(self) -> int:
        return max((c.col for c in self.columns), default=1)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)


def find_tables(grids: list[Grid], vocab: Vocabulary,
                explicit: dict[str, str]) -> list[Table]:
    """The grids with a road-map header row: the first of their first rows in which the
    title column and at least one other are recognised."""
    out = []
    for grid in grids:
        for index, row in enumerate(grid.rows[:MAX_HEADER_ROWS]):
            columns = [Column(c.column, c.text, vocab.column(c.text, explicit))
                       for c in row.cells if c.text]
            named = {c.field for c in columns if c.field not in (None, IGNORE)}
            if "title" in named and len(named) >= 2:
                out.append(Table(grid, index, columns))
                break
    return out


def _numbering(row: Row) -> bool:
    """A row that only numbers the columns: 1, 2, 3, ..."""
    texts = [c.text.rstrip(".") for c in row.cells if c.text]
    return len(texts) >= 2 and texts == [str(n) for n in range(1, len(texts) + 1)]


@dataclass
class Reader:
    """Reads the tables of one document into items, keeping where each value is."""

    path: str
    places: dict[tuple[int, int], Place] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    line: int = 0
    rows: dict[int, Row] = field(default_factory=dict)   # line -> the row it numbers
    extras: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # unread cells

    def next_line(self) -> int:
        self.line += 1
        return self.line

    def place(self, line: int, col: int, place: Place) -> tuple[int, int]:
        self.places.setdefault((line, col), place)
        return line, col

    def cell_place(self, grid: Grid, row: Row, col: int, header: str, text: str) -> Place:
        if grid.sheet is not None:
            return Place(0, row.number, header, text[:200], col, grid.sheet,
                         f"{column_letters(col)}{row.number}")
        return Place(grid.number, row.number, header, text[:200], col)

    def header_positions(self, table: Table) -> dict[int, tuple[int, int]]:
        """A line for the header row, and each header cell's position."""
        line = self.next_line()
        row = table.grid.rows[table.header]
        return {c.col: self.place(line, c.col, self.cell_place(table.grid, row, c.col,
                                                                  c.header, c.header))
                for c in table.columns}

    def unknown_columns(self, table: Table, at: dict[int, tuple[int, int]],
                        seen: dict[str, str]) -> None:
        for column in table.columns:
            if column.field == IGNORE:
                continue
            if column.field is None:
                self.findings.append(RM004.at(
                    self.path, at[column.col],
                    msg("rm004.office_column", header=_quoted(column.header)),
                    hint=msg("rm004.office_columns", columns=expected_columns())))
            elif column.field in seen and seen[column.field] != column.header:
                self.findings.append(RM004.at(
                    self.path, at[column.col],
                    msg("rm004.office_column_twice", header=_quoted(column.header),
                        other=_quoted(seen[column.field])),
                    hint=msg("rm004.office_columns", columns=expected_columns())))
                column.field = None
            else:
                seen[column.field] = column.header

    def missing_columns(self, table: Table, at: tuple[int, int]) -> None:
        for name in ("id", "responsible", "deadline"):
            if table.column(name) is None:
                self.findings.append(RM003.at(self.path, at, msg(
                    "rm003.office_no_column", name=local(f"office.column.{name}")),
                    hint=msg("rm003.office_no_column.hint")))

    def items(self, table: Table) -> tuple[list[Item], tuple[int, int]]:
        """The items of a table, and where its document-level findings go (the header of
        its citations column, else of its title column)."""
        at = self.header_positions(table)
        self.unknown_columns(table, at, {})
        anchor_column = table.column("cites") or table.column("title")
        assert anchor_column is not None
        anchor = at[anchor_column.col]
        self.missing_columns(table, anchor)
        by_col = {c.col: c for c in table.columns if c.field not in (None, IGNORE)}
        above: dict[int, Text] = {}   # the last value of each column, for merged cells
        section: Text | None = None
        rows = table.grid.rows[table.header + 1:]
        if rows and _numbering(rows[0]):
            rows = rows[1:]
        out: list[Item] = []
        for row in rows:
            line = self.next_line()
            self.rows[line] = row
            values: dict[str, Text] = {}
            for cell in row.cells:
                if cell.merged:
                    carried = above.get(cell.column)
                    if carried is not None and cell.column in by_col:
                        values[by_col[cell.column].field or ""] = carried
                    continue
                header = by_col[cell.column].header if cell.column in by_col else ""
                where = self.place(line, cell.column, self.cell_place(
                    table.grid, row, cell.column, header, cell.text))
                text = Text(cell.text, *where, *where)
                above[cell.column] = text
                if cell.column in by_col and cell.text:
                    values[by_col[cell.column].field or ""] = text
                elif cell.text:
                    self.extras.setdefault(line, []).append((header or next(
                        (c.header for c in table.columns if c.col == cell.column), ""),
                        cell.text))
            heading = _section(row, table.width)
            if heading is not None:
                line_at = self.place(line, heading.column, self.cell_place(
                    table.grid, row, heading.column, "", heading.text))
                section = Text(heading.text, *line_at, *line_at)
                continue
            if not values:
                continue
            out.append(self.item(values, line, section, table))
        return out, anchor

    def item(self, values: dict[str, Text], line: int, section: Text | None,
             table: Table) -> Item:
        id_text = values.get("id")
        if id_text is not None:
            bare = id_text.value.strip().rstrip(".").strip()
            id_text = id_text._replace(value=bare) if bare else None
        # An item's own findings (no citation, ...) go on its citations cell, else its title's.
        anchor = table.column("cites") or table.column("title")
        assert anchor is not None
        where = self._cell_at(line, anchor.col, table)
        ident = id_text.value if id_text else None
        item = Item(ident or f"<item at line {line}>", *where, id_text=id_text)
        for name in ("title", "description", "outcome", "start", "deadline"):
            setattr(item, name, values.get(name))
        item.section = values.get("section") or section
        for name in _LISTS:
            if name in values:
                setattr(item, name, _split(values[name], name))
        if "cites" in values:
            item.cites = [_citation(t) for t in _split(values["cites"], "cites")]
        if "waivers" in values:
            item.waivers = [_waiver(t) for t in _split(values["waivers"], "waivers")]
        for name in ("id", "title", "responsible", "deadline"):
            column = table.column(name)
            present = id_text is not None if name == "id" else (
                bool(item.responsible) if name == "responsible" else name in values)
            if column is not None and not present:
                self.findings.append(RM003.at(
                    self.path, self._cell_at(line, column.col, table), msg(
                        "rm003.office_empty_cell", name=local(f"office.column.{name}"),
                        key=repr(name)), item=ident))
        return item

    def _cell_at(self, line: int, col: int, table: Table) -> tuple[int, int]:
        """The position of a column's cell in a row, made if the row has no such cell."""
        if (line, col) not in self.places:
            header = next((c.header for c in table.columns if c.col == col), "")
            self.places[(line, col)] = self.cell_place(table.grid, self.rows[line], col,
                                                       header, "")
        return line, col


def column_letters(number: int) -> str:
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def _section(row: Row, width: int) -> Cell | None:
    """The cell of a section heading: one spanning the table (a number cell may stand
    before it)."""
    texts = [c for c in row.cells if c.text and not c.merged]
    wide = [c for c in texts if c.span >= max(2, width - 2)]
    if len(wide) != 1 or len(texts) > 2:
        return None
    if len(texts) == 2:
        other = next(c for c in texts if c is not wide[0])
        if len(other.text) > 12 or other.column > wide[0].column:
            return None
        return Cell(other.column, other.span + wide[0].span, f"{other.text} {wide[0].text}")
    return wide[0]


_WAIVER = re.compile(r"^(?P<check>RM\d{3})(?:\s+(?P<framework>[^\s:]+?))?"
                     r"(?:\s+(?:until|до)\s+(?P<until>[^\s:]+))?\s*(?::\s*(?P<reason>.*))?$",
                     re.IGNORECASE | re.DOTALL)


def waiver_line(check: str, framework: str | None, until: str | None, reason: str | None,
                until_word: str) -> str:
    """A waiver as one line of a waivers cell."""
    parts = [check, framework or "", f"{until_word} {until}" if until else ""]
    head = " ".join(p for p in parts if p)
    return f"{head}: {' '.join(reason.split())}" if reason else head


def _waiver(text: Text) -> Waiver:
    """A waiver of a waivers cell: "RM201 cis-infosoc-2025 until 2022-12-31: the reason"."""
    found = _WAIVER.match(text.value)
    at = (text.line, text.column)
    if found is None:  # not a check code first: RM003 says so, as for a bad 'check:'
        return Waiver(text, None, None, None, *at)

    def part(name: str) -> Text | None:
        value = found.group(name) if found is not None else None
        return text._replace(value=value.strip()) if value and value.strip() else None

    if (part("framework") or Text("", 0, 0)).value.lower() in ("until", "до"):
        return Waiver(text, None, None, None, *at)
    return Waiver(part("check"), part("framework"), part("reason"), part("until"), *at)


def _citation(text: Text) -> Citation:
    """A citation; "FRAMEWORK, § PROVISION" names the provision apart, as a mapping does
    (``convert`` writes a YAML ``{framework: ..., provision: ...}`` so)."""
    framework, sep, provision = text.value.rpartition(PROVISION_MARK)
    if sep and framework.strip() and provision.strip():
        return Citation(text._replace(value=framework.strip()),
                        text._replace(value=provision.strip()), mapping=True)
    return Citation(text)


def _split(text: Text, name: str) -> list[Text]:
    out = []
    for piece in _SPLIT[name].split(text.value):
        value = _BULLET.sub("", piece.strip()).strip().rstrip(",;").strip()
        if value:
            out.append(text._replace(value=value))
    return out


def _quoted(header: str) -> Local:
    shown = " ".join(header.split())
    return {"en": repr(shown), "ru": f"«{shown}»"}


def expected_columns() -> Local:
    return {lang: ", ".join(local(f"office.column.{name}")[lang] for name in ITEM_FIELDS)
            for lang in LANGS}


def language_of(tables: list[Table]) -> str:
    """The language the headers are written in."""
    headers = " ".join(c.header for t in tables for c in t.columns)
    return "ru" if re.search("[а-яА-ЯёЁ]", headers) else "en"


