"""Reading a .xlsx: each worksheet as a grid of cell texts, merged ranges applied.

The parts are streamed through expat (``container.Package.parse``): the workbook (its sheets
and date system), its relationships, the shared strings, the styles (which number formats are
dates) and each worksheet. A cell's text is what it holds: a string as written (line breaks
kept), a number as the shortest decimal that reads back the same, a date (a number with a
date format) as ``2023-06-30`` (``2023-06`` when its format shows no day, ``2023`` when it shows
only the year), a formula's last computed value. A merged range gives its text to its top-left
cell, spanning the columns it covers and the rows below it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field

from roadmap_check.office.container import OfficeError, Package
from roadmap_check.office.tables import MAX_CELLS, Cell, Grid, Row, too_many_cells

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships "
PR = "http://schemas.openxmlformats.org/package/2006/relationships "
MAX_SHEETS = 64
MAX_COLUMN = 16384
MAX_MERGED = 1_000_000  # cells covered by merged ranges, in all
# Built-in number formats that show a date (ECMA-376 18.8.30), and what they show.
_BUILTIN_DATES = {14: "dmy", 15: "dmy", 16: "dm", 17: "my", 22: "dmy", 27: "dmy", 30: "dmy",
                  36: "dmy", 50: "dmy", 57: "dmy"}
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")


@dataclass
class Sheet:
    name: str
    grid: Grid
    ref: str = ""   # the part


@dataclass
class Workbook:
    sheets: list[Sheet] = field(default_factory=list)


def column_number(letters: str) -> int:
    out = 0
    for char in letters:
        out = out * 26 + ord(char) - 64
    return out


def _split_ref(ref: str) -> tuple[int, int] | None:
    found = _REF.match(ref.upper())
    if not found:
        return None
    return int(found.group(2)), column_number(found.group(1))


def _date_parts(code: str) -> str:
    """Which of day, month and year a custom number format shows ("" if it is no date)."""
    bare = _QUOTED.sub("", code).lower()
    if "y" not in bare and "d" not in bare:
        return ""
    return ("d" if "d" in bare else "") + ("m" if "m" in bare else "") + \
        ("y" if "y" in bare else "")


class _Texts:
    """Collects the text of ``t`` elements inside a unit element (``si``, ``is``)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.inside = 0
        self.phonetic = 0

    def start(self, name: str) -> None:
        if name == S + "rPh":
            self.phonetic += 1
        elif name == S + "t":
            self.inside += 1

    def end(self, name: str) -> None:
        if name == S + "rPh":
            self.phonetic -= 1
        elif name == S + "t":
            self.inside -= 1

    def chars(self, data: str) -> None:
        if self.inside and not self.phonetic:
            self.parts.append(data)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def _shared_strings(package: Package, name: str) -> list[str]:
    out: list[str] = []
    texts = _Texts()

    def start(tag: str, _: dict[str, str]) -> None:
        texts.start(tag)

    def end(tag: str) -> None:
        texts.end(tag)
        if tag == S + "si":
            out.append(texts.take())

    if package.has(name):
        package.parse(name, start, end, texts.chars)
    return out


def _styles(package: Package) -> list[str]:
    """For each cell style (``s``), which date parts its number format shows ("": none)."""
    custom: dict[int, str] = {}
    formats: list[int] = []
    depth = {"cellXfs": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == S + "numFmt":
            custom[_number(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif tag == S + "cellXfs":
            depth["cellXfs"] += 1
        elif tag == S + "xf" and depth["cellXfs"]:
            formats.append(_number(attrs.get("numFmtId")))

    def end(tag: str) -> None:
        if tag == S + "cellXfs":
            depth["cellXfs"] -= 1

    if package.has("xl/styles.xml"):
        package.parse("xl/styles.xml", start, end)
    return [_date_parts(custom[n]) if n in custom else _BUILTIN_DATES.get(n, "")
            for n in formats]


def _number(value: str | None) -> int:
    try:
        return int(value or "0")
    except ValueError:
        return 0


def _sheets(package: Package) -> tuple[list[tuple[str, str]], bool]:
    """(name, part) of each worksheet in order, and whether dates count from 1904."""
    targets: dict[str, str] = {}
    named: list[tuple[str, str]] = []
    flags = {"1904": False}

    def rels(tag: str, attrs: dict[str, str]) -> None:
        if tag == PR + "Relationship":
            target = attrs.get("Target", "")
            targets[attrs.get("Id", "")] = target[1:] if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))

    def workbook(tag: str, attrs: dict[str, str]) -> None:
        if tag == S + "sheet":
            named.append((attrs.get("name", ""), attrs.get(R + "id", "")))
        elif tag == S + "workbookPr":
            flags["1904"] = attrs.get("date1904", "0") in ("1", "true")

    if package.has("xl/_rels/workbook.xml.rels"):
        package.parse("xl/_rels/workbook.xml.rels", rels, lambda _: None)
    package.parse("xl/workbook.xml", workbook, lambda _: None)
    out = [(name, targets[rid]) for name, rid in named if rid in targets
           and package.has(targets[rid])]
    return out[:MAX_SHEETS], flags["1904"]


class _SheetReader:
    def __init__(self, strings: list[str], styles: list[str], epoch: dt.date) -> None:
        self.strings, self.styles, self.epoch = strings, styles, epoch
        self.cells: dict[int, dict[int, str]] = {}
        self.count = 0
        self.merges: list[tuple[int, int, int, int]] = []
        self.row = 0
        self.col = 0
        self.kind = "n"
        self.style = 0
        self.value: list[str] = []
        self.in_value = False
        self.inline = _Texts()
        self.in_inline = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == S + "row":
            self.row = _number(attrs.get("r")) or self.row + 1
            self.col = 0
        elif tag == S + "c":
            where = _split_ref(attrs.get("r", ""))
            self.row, self.col = where if where else (self.row, self.col + 1)
            self.kind = attrs.get("t", "n")
            self.style = _number(attrs.get("s"))
            self.value = []
        elif tag == S + "v":
            self.in_value = True
        elif tag == S + "is":
            self.in_inline += 1
        elif self.in_inline:
            self.inline.start(tag)
        elif tag == S + "mergeCell":
            ref = attrs.get("ref", "")
            first, _, last = ref.partition(":")
            a, b = _split_ref(first), _split_ref(last or first)
            if a and b:
                self.merges.append((a[0], a[1], b[0], b[1]))

    def end(self, tag: str) -> None:
        if tag == S + "v":
            self.in_value = False
        elif tag == S + "is":
            self.in_inline -= 1
        elif self.in_inline:
            self.inline.end(tag)
        elif tag == S + "c":
            text = self._text()
            if text and 0 < self.col <= MAX_COLUMN:
                self.cells.setdefault(self.row, {})[self.col] = text
                self.count += 1
                if self.count > MAX_CELLS:
                    raise too_many_cells()

    def chars(self, data: str) -> None:
        if self.in_value:
            self.value.append(data)
        elif self.in_inline:
            self.inline.chars(data)

    def _text(self) -> str:
        raw = "".join(self.value)
        kind = self.kind
        if kind == "inlineStr":
            return self.inline.take().strip()
        if kind == "s":
            index = _number(raw)
            return self.strings[index].strip() if 0 <= index < len(self.strings) else ""
        if kind in ("str", "e", "d"):
            return raw.strip()
        if kind == "b":
            return "TRUE" if raw.strip() == "1" else "FALSE"
        return self._number(raw.strip())

    def _number(self, raw: str) -> str:
        try:
            value = float(raw)
        except ValueError:
            return raw
        parts = self.styles[self.style] if 0 <= self.style < len(self.styles) else ""
        if parts and 0 < value < 2958466:  # a date format, and a day Excel can show
            day = self.epoch + dt.timedelta(days=int(value))
            if "d" in parts:
                return day.isoformat()
            return f"{day.year:04d}-{day.month:02d}" if "m" in parts else str(day.year)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)

    def grid(self, number: int) -> Grid:
        # row -> col -> (span, merged): the top-left cell of a range spans its columns, the
        # cells below it continue it, the others are covered
        cover: dict[int, dict[int, tuple[int, bool]]] = {}
        budget = MAX_MERGED
        for top, left, bottom, right in self.merges:
            area = (bottom - top + 1) * (right - left + 1)
            if area <= 0 or area > budget:  # a range no road map merges: left as cells
                continue
            budget -= area
            for row in range(top, bottom + 1):
                line = cover.setdefault(row, {})
                for col in range(left, right + 1):
                    line[col] = (right - left + 1, False) if (row, col) == (top, left) else \
                        (0, col == left)
        rows = []
        for row_number in sorted(set(self.cells) | set(cover)):
            texts = self.cells.get(row_number, {})
            covered = cover.get(row_number, {})
            cells = []
            for col in sorted(set(texts) | set(covered)):
                span, merged = covered.get(col, (1, False))
                if span == 0 and not merged:
                    continue  # covered by a merge to its left
                cells.append(Cell(col, max(span, 1), "" if merged else texts.get(col, ""),
                                  merged=merged))
            rows.append(Row(row_number, cells))
        return Grid(number, rows)


def scan(package: Package) -> Workbook:
    sheets, from_1904 = _sheets(package)
    if not sheets:
        raise OfficeError("office.no_sheet")
    strings = _shared_strings(package, "xl/sharedStrings.xml")
    styles = _styles(package)
    epoch = dt.date(1904, 1, 1) if from_1904 else dt.date(1899, 12, 30)
    book = Workbook()
    for number, (name, part) in enumerate(sheets, 1):
        reader = _SheetReader(strings, styles, epoch)
        package.parse(part, reader.start, reader.end, reader.chars)
        book.sheets.append(Sheet(name, reader.grid(number), part))
    return book
